// ## A core tree as plain Scheme data
//
// An interpreted closure or frame travels with the syntax tree of its unit (docs/wire-format.md
// §7.2), and so does a script's compiled code. The tree becomes vectors, symbols, strings,
// numbers and booleans, read off the declaration: a node is `#(kind field… loc)` with its fields
// in declared order, and a variable is a vector `#(variable name id assigned)` shared by every
// occurrence. Each shape is written as:
//
//     node, variable-ref     the child's vector        nodes, lambdas   a vector of them
//     node | undefined       the child, or #f          binders          a vector of variables
//     binder | null          a variable, or #f         bindings         #(var init var init …)
//     string                 the string                name?            the string, or #f
//     datum                  the value itself          loc              #(file line column offset), or #f
//
// (a missing file or offset in a location is #f). Changing any of this changes the wire format.

import { intern, MString, type SourceLocation, Sym } from "@termite/datum";
import { CORE_NODES, type FieldShape, NODE_KINDS, type NodeKind } from "./declaration.js";
import type { Lambda, Node, Variable } from "./nodes.js";

const KIND_SYMBOL = new Map<NodeKind, Sym>(NODE_KINDS.map((k) => [k, intern(k)]));
const SYMBOL_KIND = new Map<Sym, NodeKind>(NODE_KINDS.map((k) => [intern(k), k]));
const VARIABLE = intern("variable");

/** Core tree -> nested vectors, variables shared. */
export function treeToDatum(root: Node): unknown {
  const vars = new Map<Variable, unknown[]>();
  const variable = (x: Variable): unknown[] => {
    let d = vars.get(x);
    if (d === undefined) {
      d = [VARIABLE, x.name, x.id, x.assigned];
      vars.set(x, d);
    }
    return d;
  };
  const loc = (l: SourceLocation | undefined): unknown =>
    l === undefined ? false : [l.file ?? false, l.line, l.column, l.offset ?? false];
  const field = (shape: FieldShape, x: unknown): unknown => {
    switch (shape) {
      case "datum":
      case "string":
        return x;
      case "name?":
        return x ?? false;
      case "variable":
        return variable(x as Variable);
      case "binders":
        return (x as Variable[]).map(variable);
      case "binder | null":
        return x === null ? false : variable(x as Variable);
      case "bindings":
        return (x as [Variable, Node][]).flatMap(([v, init]) => [variable(v), node(init)]);
      case "node":
      case "variable-ref":
        return node(x as Node);
      case "node | undefined":
        return x === undefined ? false : node(x as Node);
      case "nodes":
      case "lambdas":
        return (x as Node[]).map(node);
    }
  };
  const node = (n: Node): unknown[] => {
    const out: unknown[] = [KIND_SYMBOL.get(n.kind)];
    for (const [name, shape] of CORE_NODES[n.kind])
      out.push(field(shape, (n as unknown as Record<string, unknown>)[name]));
    out.push(loc(n.loc));
    return out;
  };
  return node(root);
}

/** A received JS-side text: strings arrive as Scheme strings. */
function text(x: unknown): string {
  return x instanceof MString ? x.toString() : String(x);
}

/** A tree as data that is not one; `path` says where (`begin.body[3].lambda.params[0]`). */
export class MalformedTreeError extends Error {
  override readonly name = "MalformedTreeError";
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`malformed syntax tree at ${path}: ${problem}`);
  }
}

/** The inverse of `treeToDatum`: shared variable vectors become shared `Variable` objects. */
export function datumToTree(datum: unknown): Node {
  const vars = new Map<unknown, Variable>();
  const bad = (path: string, problem: string): never => {
    throw new MalformedTreeError(path, problem);
  };
  const many = (d: unknown, path: string): unknown[] =>
    Array.isArray(d) ? d : bad(path, "expected a vector");
  const variable = (d: unknown, path: string): Variable => {
    if (!Array.isArray(d) || d[0] !== VARIABLE) return bad(path, "expected a variable");
    let x = vars.get(d);
    if (x === undefined) {
      // The id becomes part of generated JS names: only a plain non-negative integer is accepted.
      if (!Number.isSafeInteger(d[2]) || (d[2] as number) < 0)
        return bad(path, "a variable id is not an integer");
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
  const field = (shape: FieldShape, d: unknown, path: string): unknown => {
    switch (shape) {
      case "datum":
        return d;
      case "string":
        return text(d);
      case "name?":
        return d === false ? undefined : text(d);
      case "variable":
        return variable(d, path);
      case "binders":
        return many(d, path).map((x, i) => variable(x, `${path}[${i}]`));
      case "binder | null":
        return d === false ? null : variable(d, path);
      case "bindings": {
        const flat = many(d, path);
        if (flat.length % 2 !== 0) return bad(path, "bindings must alternate variable and init");
        const bindings: [Variable, Node][] = [];
        for (let i = 0; i < flat.length; i += 2)
          bindings.push([variable(flat[i], `${path}[${i}]`), node(flat[i + 1], `${path}[${i + 1}]`)]);
        return bindings;
      }
      case "node":
        return node(d, path);
      case "node | undefined":
        return d === false ? undefined : node(d, path);
      case "nodes":
        return many(d, path).map((x, i) => node(x, `${path}[${i}]`));
      case "lambdas":
        return many(d, path).map((x, i) => {
          const clause = node(x, `${path}[${i}]`);
          return clause.kind === "lambda"
            ? (clause as Lambda)
            : bad(`${path}[${i}]`, "a clause is not a lambda");
        });
      case "variable-ref": {
        const target = node(d, path);
        return target.kind === "local" || target.kind === "global"
          ? target
          : bad(path, "set! of something that is not a variable");
      }
    }
  };
  const node = (x: unknown, path: string): Node => {
    const d = many(x, path);
    const symbol = d[0];
    if (!(symbol instanceof Sym)) return bad(path, "a node without a kind");
    const kind = SYMBOL_KIND.get(symbol) ?? bad(path, `unknown node kind ${symbol.name}`);
    const fields = CORE_NODES[kind];
    if (d.length !== fields.length + 2)
      return bad(
        path,
        `a node of kind ${kind} has ${fields.length} fields and a location, not ${d.length - 2} items`,
      );
    const out: Record<string, unknown> = { kind };
    fields.forEach(([name, shape], i) => {
      const value = field(shape, d[i + 1], `${path}.${name}`);
      if (value !== undefined || shape !== "name?") out[name] = value;
    });
    out.loc = loc(d[fields.length + 1]);
    return out as unknown as Node;
  };
  return node(datum, "root");
}
