// ## What the code generator needs to know about a core tree before emitting anything
//
// Free variables of each lambda (its closure's captured values), which variables live in boxes,
// which globals block compilation may treat as constants, and which subtrees can unwind.

import type { Lambda, Node, Variable } from "@termite/library-expander";
import { type PrimitiveSpec, primitiveGroups } from "@termite/runtime";

/** Primitives open-coded when the global is the standard one: qualified name -> arities. */
export const OPEN_CODED: ReadonlyMap<string, readonly number[]> = new Map([
  ["scheme/base#+", [2]],
  ["scheme/base#-", [1, 2]],
  ["scheme/base#*", [2]],
  ["scheme/base#<", [2]],
  ["scheme/base#>", [2]],
  ["scheme/base#<=", [2]],
  ["scheme/base#>=", [2]],
  ["scheme/base#=", [2]],
  ["scheme/base#car", [1]],
  ["scheme/base#cdr", [1]],
  ["scheme/base#cons", [2]],
  ["scheme/base#null?", [1]],
  ["scheme/base#pair?", [1]],
  ["scheme/base#not", [1]],
  ["scheme/base#zero?", [1]],
  ["scheme/base#vector-ref", [2]],
]);

/**
 * The runtime's pure primitives by qualified name (`scheme/base#eq?`): a call with an argument count
 * they accept calls their JS function directly, with no control point, since they never call Scheme
 * code. Generated code thus depends on this table: it comes with the runtime, like the ABI.
 */
export const PURE_PRIMITIVES: ReadonlyMap<string, PrimitiveSpec> = new Map(
  primitiveGroups.flatMap((g) =>
    Object.entries(g.bindings).map(([name, spec]) => [`${g.library}#${name}`, spec] as const),
  ),
);

/** True when `call` is a call the generator writes inline or as a direct primitive call (it never unwinds). */
export function isOpenCoded(node: Node, enabled: boolean): boolean {
  if (!enabled || node.kind !== "call" || node.fn.kind !== "global") return false;
  const n = node.args.length;
  if (OPEN_CODED.get(node.fn.name)?.includes(n)) return true;
  const spec = PURE_PRIMITIVES.get(node.fn.name);
  return spec !== undefined && n >= spec.min && (spec.max < 0 || n <= spec.max);
}

/** True when evaluating `node` may call Scheme code (and so may unwind). Lambda bodies do not count. */
export function mayUnwind(node: Node, openCode: boolean): boolean {
  switch (node.kind) {
    case "quote":
    case "local":
    case "global":
    case "lambda":
    case "case-lambda":
      return false;
    case "set":
    case "define":
      return mayUnwind(node.value, openCode);
    case "if":
      return (
        mayUnwind(node.test, openCode) ||
        mayUnwind(node.then, openCode) ||
        (node.else !== undefined && mayUnwind(node.else, openCode))
      );
    case "begin":
      return node.body.some((n) => mayUnwind(n, openCode));
    case "let":
    case "letrec":
      return node.bindings.some(([, n]) => mayUnwind(n, openCode)) || mayUnwind(node.body, openCode);
    case "call":
      return !isOpenCoded(node, openCode) || node.args.some((n) => mayUnwind(n, openCode));
  }
}

/** Facts about one module body, computed once. */
export class Analysis {
  private readonly free = new Map<Lambda, Variable[]>();
  /** Variables stored in `{v}` boxes: assigned ones, and letrec ones captured before they are set. */
  readonly boxed = new Set<Variable>();
  /** Globals defined exactly once, by a lambda, and never assigned (block compilation only). */
  readonly constantProcedures = new Set<string>();
  /**
   * Globals this unit defines once by a lambda without a rest parameter and never assigns: calls
   * with the right argument count enter the procedure without its arity check (scripts: while the
   * global still holds it).
   */
  readonly knownProcedures = new Map<string, Lambda>();

  constructor(body: readonly Node[], block: boolean) {
    const defines = new Map<string, number>();
    const assigned = new Set<string>();
    const lambdaDefines = new Set<string>();
    const plainLambdas = new Map<string, Lambda>();
    const walk = (n: Node): void => {
      switch (n.kind) {
        case "local":
          if (n.variable.assigned) this.boxed.add(n.variable);
          return;
        case "set":
          if (n.target.kind === "global") assigned.add(n.target.name);
          else this.boxed.add(n.target.variable);
          walk(n.value);
          return;
        case "define":
          defines.set(n.name, (defines.get(n.name) ?? 0) + 1);
          if (n.value.kind === "lambda" || n.value.kind === "case-lambda") lambdaDefines.add(n.name);
          if (n.value.kind === "lambda" && n.value.rest === null) plainLambdas.set(n.name, n.value);
          walk(n.value);
          return;
        case "if":
          walk(n.test);
          walk(n.then);
          if (n.else) walk(n.else);
          return;
        case "lambda":
          walk(n.body);
          return;
        case "case-lambda":
          for (const c of n.clauses) walk(c);
          return;
        case "begin":
          for (const b of n.body) walk(b);
          return;
        case "let":
          for (const [, init] of n.bindings) walk(init);
          walk(n.body);
          return;
        case "letrec":
          n.bindings.forEach(([, init], i) => {
            walk(init);
            // A letrec variable captured by another init's lambda is read through a box: that
            // lambda may be made before the variable is set.
            if (init.kind === "lambda" || init.kind === "case-lambda") {
              const fv = this.freeIn(init);
              n.bindings.forEach(([v], j) => {
                if (j !== i && fv.includes(v)) this.boxed.add(v);
              });
            }
          });
          walk(n.body);
          return;
        case "call":
          walk(n.fn);
          for (const a of n.args) walk(a);
          return;
        case "quote":
        case "global":
          return;
      }
    };
    for (const n of body) walk(n);
    for (const [name, count] of defines) {
      if (count !== 1 || assigned.has(name)) continue;
      if (block && lambdaDefines.has(name)) this.constantProcedures.add(name);
      const lambda = plainLambdas.get(name);
      if (lambda !== undefined) this.knownProcedures.set(name, lambda);
    }
  }

  /** The local variables a lambda (or case-lambda) refers to without binding them, in first-use order. */
  freeIn(node: Lambda | (Node & { kind: "case-lambda" })): Variable[] {
    if (node.kind === "case-lambda") {
      const all: Variable[] = [];
      for (const c of node.clauses) for (const v of this.freeIn(c)) if (!all.includes(v)) all.push(v);
      return all;
    }
    const cached = this.free.get(node);
    if (cached) return cached;
    const found: Variable[] = [];
    const bound = new Set<Variable>(node.params);
    if (node.rest) bound.add(node.rest);
    const visit = (n: Node): void => {
      switch (n.kind) {
        case "local":
          if (!bound.has(n.variable) && !found.includes(n.variable)) found.push(n.variable);
          return;
        case "set":
          if (n.target.kind === "local") visit(n.target);
          visit(n.value);
          return;
        case "define":
          visit(n.value);
          return;
        case "if":
          visit(n.test);
          visit(n.then);
          if (n.else) visit(n.else);
          return;
        case "lambda":
        case "case-lambda":
          for (const v of this.freeIn(n)) if (!bound.has(v) && !found.includes(v)) found.push(v);
          return;
        case "begin":
          for (const b of n.body) visit(b);
          return;
        case "let":
        case "letrec":
          for (const [v] of n.bindings) bound.add(v);
          for (const [, init] of n.bindings) visit(init);
          visit(n.body);
          return;
        case "call":
          visit(n.fn);
          for (const a of n.args) visit(a);
          return;
        case "quote":
        case "global":
          return;
      }
    };
    visit(node.body);
    this.free.set(node, found);
    return found;
  }
}
