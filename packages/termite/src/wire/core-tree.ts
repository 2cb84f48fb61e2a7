// ## A unit's core syntax tree as data
//
// An interpreted closure or frame travels with the syntax tree of its unit, so the receiver can
// interpret the same tree and find the same code ids. The tree becomes plain Scheme data (vectors,
// symbols, strings, numbers), written as a nested wire message: the receiver decodes it only when
// it does not already hold the unit, and its hash names the unit's content across messages.

import { createHash } from "node:crypto";
import type { CodeUnit } from "@termite/compiler";
import { intern, MString, type SourceLocation, Sym } from "@termite/datum";
import type { Lambda, Node, Variable } from "@termite/library-expander";
import { decodeSync, encode } from "@termite/serializer";

/** A unit ready to travel: its tree as message bytes, and the hash of those bytes. */
export interface PackedUnit {
  readonly bytes: Uint8Array;
  readonly hash: string;
}

const packed = new WeakMap<CodeUnit, PackedUnit>();

/** The unit's tree as bytes, computed once per unit. */
export function packUnit(unit: CodeUnit): PackedUnit {
  let p = packed.get(unit);
  if (p === undefined) {
    const bytes = encode(treeToDatum(unit.node));
    p = { bytes, hash: createHash("sha256").update(bytes).digest("hex").slice(0, 32) };
    packed.set(unit, p);
  }
  return p;
}

/** The tree from bytes made by `packUnit` (a wire message of plain data: no code, no hooks). */
export function unpackTree(bytes: Uint8Array): Node {
  return datumToTree(decodeSync(bytes));
}

const K = {
  quote: intern("quote"),
  local: intern("local"),
  global: intern("global"),
  set: intern("set"),
  define: intern("define"),
  if: intern("if"),
  lambda: intern("lambda"),
  caseLambda: intern("case-lambda"),
  begin: intern("begin"),
  let: intern("let"),
  letrec: intern("letrec"),
  call: intern("call"),
  variable: intern("variable"),
};

/** Core tree -> vectors `#(kind field… loc)`; variables are shared vectors `#(variable name id assigned)`. */
export function treeToDatum(root: Node): unknown {
  const vars = new Map<Variable, unknown[]>();
  const v = (x: Variable): unknown[] => {
    let d = vars.get(x);
    if (d === undefined) {
      d = [K.variable, x.name, x.id, x.assigned];
      vars.set(x, d);
    }
    return d;
  };
  const loc = (l: SourceLocation | undefined): unknown =>
    l === undefined ? false : [l.file ?? false, l.line, l.column, l.offset ?? false];
  const lambda = (n: Lambda): unknown[] => [
    K.lambda,
    n.params.map(v),
    n.rest === null ? false : v(n.rest),
    node(n.body),
    n.name ?? false,
    loc(n.loc),
  ];
  const node = (n: Node): unknown[] => {
    switch (n.kind) {
      case "quote":
        return [K.quote, n.value, loc(n.loc)];
      case "local":
        return [K.local, v(n.variable), loc(n.loc)];
      case "global":
        return [K.global, n.name, loc(n.loc)];
      case "set":
        return [K.set, node(n.target), node(n.value), loc(n.loc)];
      case "define":
        return [K.define, n.name, node(n.value), loc(n.loc)];
      case "if":
        return [K.if, node(n.test), node(n.then), n.else === undefined ? false : node(n.else), loc(n.loc)];
      case "lambda":
        return lambda(n);
      case "case-lambda":
        return [K.caseLambda, n.clauses.map(lambda), n.name ?? false, loc(n.loc)];
      case "begin":
        return [K.begin, n.body.map(node), loc(n.loc)];
      case "let":
      case "letrec":
        return [
          n.kind === "let" ? K.let : K.letrec,
          n.bindings.flatMap(([x, init]) => [v(x), node(init)]),
          node(n.body),
          loc(n.loc),
        ];
      case "call":
        return [K.call, node(n.fn), n.args.map(node), loc(n.loc)];
    }
  };
  return node(root);
}

/** A received JS-side text: strings arrive as Scheme strings. */
function text(x: unknown): string {
  return x instanceof MString ? x.toString() : String(x);
}

function malformed(what: string): never {
  throw new Error(`malformed syntax tree: ${what}`);
}

/** The inverse of `treeToDatum`: shared variable vectors become shared `Variable` objects. */
export function datumToTree(datum: unknown): Node {
  const vars = new Map<unknown, Variable>();
  const v = (d: unknown): Variable => {
    if (!Array.isArray(d) || d[0] !== K.variable) return malformed("expected a variable");
    let x = vars.get(d);
    if (x === undefined) {
      // The id becomes part of generated JS names: only a plain non-negative integer is accepted.
      if (!Number.isSafeInteger(d[2]) || (d[2] as number) < 0)
        return malformed("a variable id is not an integer");
      x = { name: text(d[1]), id: d[2] as number, assigned: d[3] === true };
      vars.set(d, x);
    }
    return x;
  };
  const loc = (d: unknown): SourceLocation | undefined => {
    if (!Array.isArray(d)) return undefined;
    const l: { file?: string; line: number; column: number; offset?: number } = {
      line: Number(d[1]) || 0,
      column: Number(d[2]) || 0,
    };
    if (d[0] !== false) l.file = text(d[0]);
    if (d[3] !== false) l.offset = Number(d[3]);
    return l;
  };
  const optText = (d: unknown): string | undefined => (d === false ? undefined : text(d));
  const many = (d: unknown): unknown[] => (Array.isArray(d) ? d : malformed("expected a vector"));
  const lambda = (d: unknown[]): Lambda => ({
    kind: "lambda",
    params: many(d[1]).map(v),
    rest: d[2] === false ? null : v(d[2]),
    body: node(d[3]),
    name: optText(d[4]),
    loc: loc(d[5]),
  });
  const node = (x: unknown): Node => {
    const d = many(x);
    const kind = d[0];
    if (!(kind instanceof Sym)) return malformed("a node without a kind");
    switch (kind) {
      case K.quote:
        return { kind: "quote", value: d[1], loc: loc(d[2]) };
      case K.local:
        return { kind: "local", variable: v(d[1]), loc: loc(d[2]) };
      case K.global:
        return { kind: "global", name: text(d[1]), loc: loc(d[2]) };
      case K.set: {
        const target = node(d[1]);
        if (target.kind !== "local" && target.kind !== "global") return malformed("set! of a non-variable");
        return { kind: "set", target, value: node(d[2]), loc: loc(d[3]) };
      }
      case K.define:
        return { kind: "define", name: text(d[1]), value: node(d[2]), loc: loc(d[3]) };
      case K.if:
        return {
          kind: "if",
          test: node(d[1]),
          // biome-ignore lint/suspicious/noThenProperty: the core language names its branch `then`
          then: node(d[2]),
          else: d[3] === false ? undefined : node(d[3]),
          loc: loc(d[4]),
        };
      case K.lambda:
        return lambda(d);
      case K.caseLambda:
        return {
          kind: "case-lambda",
          clauses: many(d[1]).map((c) => lambda(many(c))),
          name: optText(d[2]),
          loc: loc(d[3]),
        };
      case K.begin:
        return { kind: "begin", body: many(d[1]).map(node), loc: loc(d[2]) };
      case K.let:
      case K.letrec: {
        const flat = many(d[1]);
        const bindings: [Variable, Node][] = [];
        for (let i = 0; i < flat.length; i += 2) bindings.push([v(flat[i]), node(flat[i + 1])]);
        return { kind: kind === K.let ? "let" : "letrec", bindings, body: node(d[2]), loc: loc(d[3]) };
      }
      case K.call:
        return { kind: "call", fn: node(d[1]), args: many(d[2]).map(node), loc: loc(d[3]) };
      default:
        return malformed(`unknown node kind ${kind.name}`);
    }
  };
  return node(datum);
}

/** A unit body (several top-level forms) as bytes; variables shared between forms stay shared. */
export function packBody(body: readonly Node[]): PackedUnit {
  const bytes = encode(treeToDatum({ kind: "begin", body }));
  return { bytes, hash: createHash("sha256").update(bytes).digest("hex").slice(0, 32) };
}

/** The body from bytes made by `packBody`. */
export function unpackBody(bytes: Uint8Array): Node[] {
  const node = unpackTree(bytes);
  if (node.kind !== "begin") throw new Error("malformed syntax tree: a unit body must be a begin");
  return [...node.body];
}
