// What the JavaScript back end promises beyond the frame protocol: deterministic output, errors
// that name the Scheme procedure and position, closures that expose their code and free values,
// and continuations that mix compiled and interpreted frames both ways.

import type { Lambda, Node, Variable } from "@termite/core";
import {
  Box,
  compiledClosure,
  continuationOf,
  type FrameStack,
  frameStack,
  Pair,
  procedureCode,
  type SourceLocation,
} from "@termite/datum";
import {
  add2,
  backtraceOf,
  callCC,
  car,
  cdr,
  defaultScheduler,
  GlobalEnvironment,
  isContinuation,
  lt2,
  makeContinuation,
  SchemeThread,
  sub2,
} from "@termite/runtime/internal";
import { describe, expect, it } from "vitest";
import { interpret } from "../interpreter/interpret.js";
import { type CompiledCode, compileModule, compileProcedure, compileUnit } from "./compile.js";

let ids = 0;
const v = (name: string, assigned = false): Variable => ({ name, id: ids++, assigned });
const q = (value: unknown): Node => ({ kind: "quote", value });
const l = (variable: Variable): Node => ({ kind: "local", variable });
const g = (name: string): Node => ({ kind: "global", name });
const call = (fn: Node, ...args: Node[]): Node => ({ kind: "call", fn, args });
const at = (node: Node, loc: SourceLocation): Node => ({ ...node, loc }) as Node;
const lam = (params: Variable[], body: Node, name?: string, rest: Variable | null = null): Lambda => ({
  kind: "lambda",
  params,
  rest,
  body,
  name,
});
const iff = (test: Node, then: Node, els: Node): Node => ({ kind: "if", test, then, else: els });
const def = (name: string, value: Node): Node => ({ kind: "define", name, value });
const seq = (...body: Node[]): Node => ({ kind: "begin", body });
const set = (name: string, value: Node): Node => ({ kind: "set", target: { kind: "global", name }, value });

function globals(): GlobalEnvironment {
  const env = new GlobalEnvironment();
  env.define("scheme/base#+", add2);
  env.define("scheme/base#-", sub2);
  env.define("scheme/base#<", lt2);
  env.define("scheme/base#car", car);
  env.define("scheme/base#cdr", cdr);
  env.define("scheme/base#null?", (x: unknown) => x === null);
  env.define("call/cc", callCC);
  env.define("list", (...xs: unknown[]) => xs);
  return env;
}

function inThread(thunk: () => unknown): Promise<{ normal: boolean; value?: unknown; condition?: unknown }> {
  return new Promise((resolve) => {
    const t = new SchemeThread(thunk, undefined, defaultScheduler);
    t.onExit((r) => resolve(r as { normal: boolean; value?: unknown; condition?: unknown }));
    t.start();
  });
}

async function run(nodes: Node[], env = globals(), block = false): Promise<unknown> {
  const r = await inThread(compileUnit(nodes, env, { unit: "test", block }).run);
  if (!r.normal) throw r.condition;
  return r.value;
}

function fibTree(): Node[] {
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
  return [def("#fib", lam([n], body, "fib")), call(g("#fib"), q(15))];
}

/** (let loop ((i 0)) (if (< i limit) (loop (+ i 1)) i)): a self tail loop. */
function countingLoop(limit: Node): Node {
  const i = v("i");
  const loop = v("loop");
  const step = iff(
    call(g("scheme/base#<"), l(i), limit),
    call(l(loop), call(g("scheme/base#+"), l(i), q(1))),
    l(i),
  );
  return { kind: "letrec", bindings: [[loop, lam([i], step, "loop")]], body: call(l(loop), q(0)) };
}

describe("the JavaScript back end", () => {
  it("writes byte-identical JavaScript and the same hash for the same tree", () => {
    const tree = fibTree();
    const a = compileModule(tree, { module: "github.com/fred/fib@1.0", unit: "body", block: true });
    const b = compileModule(tree, { module: "github.com/fred/fib@1.0", unit: "body", block: true });
    expect(a.body).toBe(b.body);
    expect(a.hash).toBe(b.hash);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(compileModule(tree, { source: "(x)" }).hash).not.toBe(compileModule(tree, { source: "(y)" }).hash);
  });

  it("writes each statement once however many control points precede it (linear code size)", () => {
    const size = (n: number) =>
      compileModule(Array.from({ length: n }, (_, i) => call(g("#show"), call(g("#f"), q(i))))).body.length;
    // Ten times the statements, about ten times the code (not a hundred).
    expect(size(400) / size(40)).toBeLessThan(12);
  });

  it("names procedures by qualified name and anonymous ones by a path inside their parent", () => {
    const x = v("x");
    const out = compileModule([def("#main", lam([], call(lam([x], l(x)), q(1)), "main"))], {
      module: "github.com/fred/hello@2.0",
      unit: "body",
      block: true,
    });
    expect(out.codes.map((c) => c.id)).toEqual(["body", "#main", "#main/lambda1"]);
  });

  it("computes fib in block mode (direct calls) and in script mode (through cells)", async () => {
    expect(await run(fibTree(), globals(), true)).toBe(610);
    expect(await run(fibTree(), globals(), false)).toBe(610);
  });

  it.each([true, false])(
    "writes resume functions when first needed; closures made by them keep the unit's code (block %s)",
    async (block) => {
      // (define (build n) (if (< n 1) '() (let ((rest (build (- n 1)))) (pair (lambda () n) rest))))
      // 3000 deep: the stack is unwound every few hundred calls and `build` frames are resumed.
      const n = v("n");
      const rest = v("rest");
      const body = iff(call(g("scheme/base#<"), l(n), q(1)), q(null), {
        kind: "let",
        bindings: [[rest, call(g("#build"), call(g("scheme/base#-"), l(n), q(1)))]],
        body: call(g("#pair"), lam([], l(n)), l(rest)),
      } as Node);
      const env = globals();
      env.define("#pair", (a: unknown, b: unknown) => new Pair(a, b));
      const unit = compileUnit([def("#build", lam([n], body, "build")), call(g("#build"), q(3000))], env, {
        unit: "lazy",
        block,
      });
      expect(unit.compiled.body).not.toContain("function $R1(");
      const r = await inThread(unit.run);
      expect(r.normal).toBe(true);
      const closures: ((...a: unknown[]) => unknown)[] = [];
      for (let p = r.value as Pair | null; p !== null; p = p.cdr as Pair | null)
        closures.push(p.car as () => unknown);
      expect(closures.length).toBe(3000);
      // Each closure holds its own `n` (calls outside a thread would spend the call budget).
      const free = closures.map((c) => compiledClosure(c)!.free[0]);
      expect(free).toEqual(Array.from({ length: 3000 }, (_, k) => 3000 - k));
      expect((await inThread(() => closures[2500]!())).value).toBe(500);
      const code = [...unit.codes.values()].find((c) => c.ref.id.endsWith("/lambda1"));
      expect(code).toBeDefined();
      for (const c of closures) expect(procedureCode(c)).toBe(code);
    },
  );

  it("checks the call budget in procedures that call or loop, not in leaves", () => {
    const x = v("x");
    const leaf = def("#leaf", lam([x], call(g("scheme/base#+"), l(x), q(1)), "leaf"));
    const caller = def("#caller", lam([x], call(g("#leaf"), l(x)), "caller"));
    const looping = def("#looping", lam([x], countingLoop(l(x)), "looping"));
    const body = compileModule([leaf, caller, looping], { unit: "u" }).body;
    const budgetIn = (name: string) => {
      const start = body.indexOf(`$arity("${name}"`);
      const end = body.indexOf("$noteCallSite", start);
      return body.slice(start, end).includes("--$M.budget");
    };
    expect(budgetIn("leaf")).toBe(false);
    expect(budgetIn("caller")).toBe(true);
    expect(budgetIn("loop")).toBe(true);
  });

  it("runs a self tail loop of 10^6 steps and still yields to the run loop", async () => {
    const tree = countingLoop(q(1_000_000));
    expect(compileModule([tree]).body).toContain("continue $loop");
    expect(await run([tree])).toBe(1_000_000);
  });

  it("loops a script's self tail calls only while the global still holds the procedure", async () => {
    // (define (f n) (if (< n 1) 'old (begin (if (= n 5) (set! f (lambda (m) 'new))) (f (- n 1)))))
    const m = v("m");
    const i = v("i");
    const redefine = set("#f", lam([m], q("new")));
    const f = def(
      "#f",
      lam(
        [i],
        iff(
          call(g("scheme/base#<"), l(i), q(1)),
          q("old"),
          seq(
            iff(call(g("scheme/base#<"), l(i), q(5)), redefine, q(false)),
            call(g("#f"), call(g("scheme/base#-"), l(i), q(1))),
          ),
        ),
        "f",
      ),
    );
    expect(await run([f, call(g("#f"), q(1_000_000))])).toBe("new");
    expect(compileModule([f]).body).toContain("continue $loop");
  });

  it("reports a run-time error with the Scheme procedure and source position", async () => {
    const loc: SourceLocation = { file: "bad.scm", line: 3, column: 7 };
    const p = v("p");
    const tree = [
      def("#first", lam([p], at(call(g("scheme/base#car"), l(p)), loc), "first")),
      call(g("#first"), q(5)),
    ];
    const r = await inThread(compileUnit(tree, globals(), { unit: "t" }).run);
    expect(r.normal).toBe(false);
    expect(backtraceOf(r.condition)[0]).toEqual({ procedure: "first", location: loc });
  });

  it("raises Scheme errors for a wrong argument count and a non-procedure", async () => {
    const x = v("x");
    await expect(run([call(lam([x], l(x), "one"))])).rejects.toMatchObject({
      message: "expected 1 argument(s), got 0",
    });
    await expect(run([call(q(5))])).rejects.toMatchObject({ message: "attempt to call a non-procedure" });
  });

  it("gives closures their code (with the syntax tree) and free values; the code rebuilds them", async () => {
    const x = v("x");
    const y = v("y");
    const inner = lam([y], call(g("scheme/base#+"), l(x), l(y)), "add-x");
    const tree: Node = { kind: "let", bindings: [[x, q(5)]], body: inner };
    const closure = compiledClosure<CompiledCode>(await run([tree]))!;
    expect(closure.free).toEqual([5]);
    expect(closure.code.ref.id).toBe("test/lambda1");
    expect(closure.code.node).toBe(inner);
    const copy = closure.code.make(...closure.free.map((f) => f));
    expect(await inThread(() => copy(1))).toEqual({ normal: true, value: 6 });
  });

  it("boxes a captured and assigned variable so that its closures share it", async () => {
    const n = v("n", true);
    const counter = lam(
      [],
      seq(
        { kind: "set", target: { kind: "local", variable: n }, value: call(g("scheme/base#+"), l(n), q(1)) },
        l(n),
      ),
    );
    const c = v("c");
    const tree: Node = {
      kind: "let",
      bindings: [[n, q(0)]],
      body: {
        kind: "let",
        bindings: [[c, counter]],
        body: seq(call(l(c)), call(l(c)), call(g("list"), call(l(c)), l(c))),
      },
    };
    const [count, closure] = (await run([tree])) as [number, unknown];
    expect(count).toBe(3);
    expect(compiledClosure(closure)!.free).toEqual([new Box(3)]);
  });

  it("applies rest parameters and case-lambda clauses", async () => {
    const a = v("a");
    const r = v("r");
    const b = v("b");
    const tree = call(
      g("list"),
      call(lam([a], l(r), "rest", r), q(1), q(2), q(3)),
      call({ kind: "case-lambda", clauses: [lam([], q("none")), lam([b], l(b))], name: "pick" }, q("one")),
    );
    const [rest, picked] = (await run([tree])) as [{ car: unknown }, unknown];
    expect(rest.car).toBe(2);
    expect(picked).toBe("one");
  });
});

describe("continuations mixing compiled and interpreted frames", () => {
  // (+ 10 (outer (lambda () (call/cc (lambda (k) (set! #k k) 1))))) with `outer` = (lambda (f) (+ 100 (f)))
  // from the other back end; re-entering #k with 5 runs both frames again.
  async function mixed(outerCompiled: boolean): Promise<unknown[]> {
    const env = globals();
    const results: unknown[] = [];
    env.define("#record", (x: unknown) => {
      results.push(x);
      return x;
    });
    env.define("#k", false);
    env.define("#n", 0);
    const f = v("f");
    const outerDef = def("#outer", lam([f], call(g("scheme/base#+"), q(100), call(l(f))), "outer"));
    const k = v("k");
    const main = seq(
      call(
        g("#record"),
        call(
          g("scheme/base#+"),
          q(10),
          call(g("#outer"), lam([], call(g("call/cc"), lam([k], seq(set("#k", l(k)), q(1)))))),
        ),
      ),
      set("#n", call(g("scheme/base#+"), g("#n"), q(1))),
      iff(call(g("scheme/base#<"), g("#n"), q(3)), call(g("#k"), g("#n")), q("done")),
    );
    if (outerCompiled) {
      await run([outerDef], env);
      const r = await inThread(interpret({ module: "", id: "i", node: main }, env));
      expect(r).toEqual({ normal: true, value: "done" });
    } else {
      const r1 = await inThread(interpret({ module: "", id: "i", node: outerDef }, env));
      expect(r1.normal).toBe(true);
      expect(await run([main], env)).toBe("done");
    }
    return results;
  }

  it("compiled code calls an interpreted procedure whose callee captures, then re-enters", async () => {
    expect(await mixed(false)).toEqual([111, 111, 112]);
  });

  it("interpreted code calls a compiled procedure whose callee captures, then re-enters", async () => {
    expect(await mixed(true)).toEqual([111, 111, 112]);
  });
});

describe("code rebuilt from its syntax tree", () => {
  it("resumes a continuation whose every compiled frame was recompiled from its tree", async () => {
    // (define (walk lst) (let loop ((l lst) (acc 0)) (if (null? l) acc (loop (cdr l) (+ acc (probe (car l)))))))
    // (define (probe x) (if (= x 2) (call/cc (lambda (k) (set! #k k) x)) x))
    // (+ 1000 (walk '(1 2 3)))  => 1006; the rebuilt continuation resumed with 10 => 1014
    const env = globals();
    env.define("scheme/base#=", (a: unknown, b: unknown) => a === b);
    env.define("#k", false);
    const lst = v("lst");
    const loop = v("loop");
    const lv = v("l");
    const acc = v("acc");
    const x = v("x");
    const k = v("k");
    const walk = def(
      "#walk",
      lam(
        [lst],
        {
          kind: "letrec",
          bindings: [
            [
              loop,
              lam(
                [lv, acc],
                iff(
                  call(g("scheme/base#null?"), l(lv)),
                  l(acc),
                  call(
                    l(loop),
                    call(g("scheme/base#cdr"), l(lv)),
                    call(g("scheme/base#+"), l(acc), call(g("#probe"), call(g("scheme/base#car"), l(lv)))),
                  ),
                ),
                "loop",
              ),
            ],
          ],
          body: call(l(loop), l(lst), q(0)),
        },
        "walk",
      ),
    );
    const probe = def(
      "#probe",
      lam(
        [x],
        iff(
          call(g("scheme/base#="), l(x), q(2)),
          call(g("call/cc"), lam([k], seq(set("#k", l(k)), l(x)))),
          l(x),
        ),
        "probe",
      ),
    );
    const items = new Pair(1, new Pair(2, new Pair(3, null)));
    expect(await run([walk, probe, call(g("scheme/base#+"), q(1000), call(g("#walk"), q(items)))], env)).toBe(
      1006,
    );
    const original = env.lookup("#k") as ReturnType<typeof makeContinuation>;
    expect(isContinuation(original)).toBe(true);
    let rebuilt = 0;
    const recompile = (s: FrameStack | null): FrameStack | null => {
      if (s === null) return null;
      const code = s.frame.code as CompiledCode;
      const fresh =
        code.context && code.node
          ? compileProcedure({ ref: code.ref, node: code.node as Lambda, context: code.context }, env)
          : code;
      if (fresh !== code) rebuilt++;
      return frameStack({ code: fresh, cp: s.frame.cp, values: s.frame.values.slice() }, recompile(s.next));
    };
    const copy = makeContinuation(
      recompile(continuationOf(original)!.frames),
      continuationOf(original)!.dynamic,
    );
    // The frames of `loop` (waiting for probe) and of the unit (waiting for walk).
    expect(rebuilt).toBe(2);
    expect(await run([call(q(copy), q(10))], env)).toBe(1014);
  });

  it("rebuilds a closure from its code's tree and its free values", async () => {
    const x = v("x", true);
    const y = v("y");
    const bump = lam(
      [y],
      seq(
        { kind: "set", target: { kind: "local", variable: x }, value: call(g("scheme/base#+"), l(x), l(y)) },
        l(x),
      ),
      "bump",
    );
    const closure = (await run([{ kind: "let", bindings: [[x, q(5)]], body: bump }])) as (
      ...a: unknown[]
    ) => unknown;
    const { code, free } = compiledClosure<CompiledCode>(closure)!;
    const fresh = compileProcedure(
      { ref: code.ref, node: code.node as Lambda, context: code.context! },
      globals(),
    );
    expect(fresh.ref).toEqual(code.ref);
    const copy = fresh.make(...free);
    expect(await inThread(() => copy(2))).toEqual({ normal: true, value: 7 });
    // The box is shared: the original closure sees the rebuilt one's assignment.
    expect(await inThread(() => closure(1))).toEqual({ normal: true, value: 8 });
  });
});
