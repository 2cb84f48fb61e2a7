// Lowering, liveness and frame layouts on the intermediate form: what a frame saves is read from
// the structure, and a lambda compiled alone is laid out as its unit laid it out.

import type { Lambda, Node, Variable } from "@termite/core";
import { describe, expect, it } from "vitest";
import { Analysis } from "./analysis.js";
import { frameLayouts } from "./frame-layout.js";
import type { ProcedureIR, Stmt, UnitIR } from "./ir.js";
import { lowerProcedure, lowerUnit } from "./lower.js";
import { localName } from "./render.js";

let ids = 0;
const v = (name: string, assigned = false): Variable => ({ name, id: ids++, assigned });
const q = (value: unknown): Node => ({ kind: "quote", value });
const l = (variable: Variable): Node => ({ kind: "local", variable });
const g = (name: string): Node => ({ kind: "global", name });
const call = (fn: Node, ...args: Node[]): Node => ({ kind: "call", fn, args });
const lam = (params: Variable[], body: Node, name?: string): Lambda => ({
  kind: "lambda",
  params,
  rest: null,
  body,
  name,
});
const iff = (test: Node, then: Node, els?: Node): Node => ({ kind: "if", test, then, else: els });
const def = (name: string, value: Node): Node => ({ kind: "define", name, value });
const seq = (...body: Node[]): Node => ({ kind: "begin", body });

function lower(body: Node[], block = false): UnitIR {
  return lowerUnit(body, { module: "", unit: "u", block }, new Analysis(body, block));
}

/** Each control point's frame slots, by the locals' JS names. */
function slots(p: ProcedureIR): Record<number, string[]> {
  return Object.fromEntries([...frameLayouts(p)].map(([cp, locals]) => [cp, locals.map(localName)]));
}

function fib(): { tree: Node[]; n: Variable } {
  const n = v("n");
  const body = iff(
    call(g("scheme/base#<"), l(n), q(2)),
    l(n),
    call(
      g("scheme/base#+"),
      call(g("#fib"), call(g("scheme/base#-"), l(n), q(1))),
      call(g("#fib"), call(g("scheme/base#-"), l(n), q(2))),
    ),
  );
  return { tree: [def("#fib", lam([n], body, "fib"))], n };
}

describe("frames save what is read after the call", () => {
  it("fib: the first call saves n and the procedure (its second call enters it unchecked), the second only the first result", () => {
    const { tree, n } = fib();
    const p = lower(tree).procedures[1]!;
    const name = `n_${n.id}`;
    expect(slots(p)).toEqual({ 0: ["$self", name], 1: ["$t0"] });
  });

  it("a parameter not read after a call is left out", () => {
    const x = v("x");
    const y = v("y");
    const p = lower([lam([x, y], seq(call(g("#f"), l(x)), call(g("#g"), l(y))))]).procedures[1]!;
    expect(slots(p)).toEqual({ 0: [`y_${y.id}`] });
  });

  it("a value read on one branch after the call only is saved", () => {
    const x = v("x");
    const y = v("y");
    const body = seq(call(g("#f")), iff(l(x), l(y), q(0)));
    const p = lower([lam([x, y], body)]).procedures[1]!;
    expect(slots(p)).toEqual({ 0: [`x_${x.id}`, `y_${y.id}`] });
  });

  it("a box assigned after a call is saved (storing into it reads the box)", () => {
    const c = v("c", true);
    const p = lower([
      {
        kind: "let",
        bindings: [[c, q(0)]],
        body: seq(
          lam([], l(c)),
          call(g("#f")),
          { kind: "set", target: { kind: "local", variable: c }, value: q(1) },
          q(2),
        ),
      },
    ]).procedures[0]!;
    expect(slots(p)).toEqual({ 0: [`c_${c.id}`] });
  });
});

describe("if is lowered once for every destination", () => {
  const x = v("x");
  const ifs = (body: readonly Stmt[]) => body.filter((s) => s.k === "if");

  it("as a value without statements in its branches: a conditional expression", () => {
    const p = lower([lam([x], call(g("#f"), iff(l(x), q(1), q(2))))]).procedures[1]!;
    expect(ifs(p.body)).toEqual([]);
    expect(p.body).toMatchObject([{ k: "tail-call", args: [{ k: "conditional" }] }]);
  });

  it("for its effect: no temp holds its value", () => {
    const p = lower([lam([x], seq(iff(l(x), call(g("#f"))), call(g("#g"))))]).procedures[1]!;
    expect(p.body).toMatchObject([{ k: "if", yes: [{ k: "call" }], no: [] }, { k: "tail-call" }]);
  });

  it("in tail position: each branch returns", () => {
    const p = lower([lam([x], iff(l(x), call(g("#f")), q(3)))]).procedures[1]!;
    expect(p.body).toMatchObject([{ k: "if", yes: [{ k: "tail-call" }], no: [{ k: "return" }] }]);
  });
});

describe("a lambda lowered alone", () => {
  it("has the locals and frame layouts its unit gave it", () => {
    const { tree } = fib();
    const unit = lower(tree, true);
    const p = unit.procedures[1]!;
    const alone = lowerProcedure(
      p.node,
      { module: "", unit: p.id, block: false, resumeOnly: true },
      unit.contexts[1]!,
      new Analysis([p.node], false),
    ).procedures[0]!;
    expect(alone.locals.map(localName)).toEqual(p.locals.map(localName));
    expect(slots(alone)).toEqual(slots(p));
    expect(alone.controlPoints).toBe(p.controlPoints);
  });
});
