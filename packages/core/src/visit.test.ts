import { describe, expect, it } from "vitest";
import { ifNode, sampleBody } from "../test/sample-tree.js";
import {
  CORE_NODES,
  childrenOf,
  forEachBinder,
  type Handlers,
  NODE_KINDS,
  type Node,
  SKIP,
  someNode,
  type Variable,
  visit,
  walk,
} from "./index.js";

const v = (name: string, id: number): Variable => ({ name, id, assigned: false });
const q = (value: unknown): Node => ({ kind: "quote", value });

describe("child enumeration", () => {
  it("gives children in evaluation order, skipping an absent alternative", () => {
    const [a, b, c] = [q(1), q(2), q(3)];
    expect(childrenOf(ifNode(a, b, undefined))).toEqual([a, b]);
    expect(childrenOf(ifNode(a, b, c))).toEqual([a, b, c]);
    expect(childrenOf({ kind: "call", fn: a, args: [b, c] })).toEqual([a, b, c]);
    const x = v("x", 1);
    const target: Node = { kind: "local", variable: x };
    expect(childrenOf({ kind: "set", target, value: a })).toEqual([target, a]);
    expect(childrenOf({ kind: "letrec", bindings: [[x, a]], body: b })).toEqual([a, b]);
    expect(childrenOf(target)).toEqual([]);
  });

  it("gives the variables a node binds", () => {
    const [x, y, r] = [v("x", 1), v("y", 2), v("r", 3)];
    const seen: Variable[] = [];
    forEachBinder({ kind: "lambda", params: [x, y], rest: r, body: q(0) }, (b) => seen.push(b));
    forEachBinder({ kind: "let", bindings: [[x, q(1)]], body: q(0) }, (b) => seen.push(b));
    forEachBinder({ kind: "local", variable: y }, (b) => seen.push(b));
    expect(seen).toEqual([x, y, r, x]);
  });
});

describe("walk", () => {
  it("enters every node once, depth first, and honours SKIP", () => {
    const kinds: string[] = [];
    for (const n of sampleBody()) walk(n, { enter: (node) => void kinds.push(node.kind) });
    expect(new Set(kinds)).toEqual(new Set(NODE_KINDS));
    expect(kinds.slice(0, 4)).toEqual(["define", "lambda", "begin", "set"]);

    const outside: string[] = [];
    for (const n of sampleBody())
      walk(n, {
        lambda: () => SKIP,
        "case-lambda": () => SKIP,
        enter: (node) => void outside.push(node.kind),
      });
    expect(outside).toEqual(["define", "lambda", "quote"]);
  });

  it("calls leave after the children and binder before them", () => {
    const x = v("x", 1);
    const events: string[] = [];
    walk(
      { kind: "lambda", params: [x], rest: null, body: { kind: "local", variable: x } },
      {
        enter: (n) => void events.push(`enter ${n.kind}`),
        binder: (b) => void events.push(`bind ${b.name}`),
        local: (n) => void events.push(`ref ${n.variable.name}`),
        leave: (n) => void events.push(`leave ${n.kind}`),
      },
    );
    expect(events).toEqual(["enter lambda", "bind x", "enter local", "ref x", "leave local", "leave lambda"]);
  });

  it("someNode stops where told", () => {
    const call: Node = { kind: "call", fn: q(1), args: [] };
    const inLambda: Node = { kind: "lambda", params: [], rest: null, body: call };
    const isCall = (n: Node) => n.kind === "call";
    expect(someNode({ kind: "begin", body: [q(0), call] }, isCall)).toBe(true);
    expect(someNode({ kind: "begin", body: [inLambda] }, isCall, (n) => n.kind !== "lambda")).toBe(false);
    expect(someNode({ kind: "begin", body: [inLambda] }, isCall)).toBe(true);
  });
});

describe("visit", () => {
  it("dispatches to the handler of the node's kind, with extra arguments", () => {
    const arity = Object.fromEntries(
      NODE_KINDS.map((k) => [k, (_n: Node, plus: number) => CORE_NODES[k].length + plus]),
    ) as unknown as Handlers<number, [number]>;
    expect(visit(ifNode(q(1), q(2), undefined), arity, 10)).toBe(13);
    expect(visit(q(1), arity, 0)).toBe(1);
  });
});
