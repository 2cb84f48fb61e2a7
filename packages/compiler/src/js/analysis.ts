// ## What the code generator needs to know about a core tree before emitting anything
//
// Free variables of each lambda (its closure's captured values), which variables live in boxes,
// which globals block compilation may treat as constants, and which subtrees can unwind.

import {
  forEachBinder,
  isProcedure,
  type Lambda,
  type Node,
  SKIP,
  someNode,
  type Variable,
  type Walker,
  walk,
} from "@termite/core";
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
  return someNode(
    node,
    (n) => n.kind === "call" && !isOpenCoded(n, openCode),
    (n) => !isProcedure(n),
  );
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
    const facts: Walker = {
      local: (n) => {
        if (n.variable.assigned) this.boxed.add(n.variable);
      },
      set: (n) => {
        if (n.target.kind === "global") assigned.add(n.target.name);
        else this.boxed.add(n.target.variable);
      },
      define: (n) => {
        defines.set(n.name, (defines.get(n.name) ?? 0) + 1);
        if (isProcedure(n.value)) lambdaDefines.add(n.name);
        if (n.value.kind === "lambda" && n.value.rest === null) plainLambdas.set(n.name, n.value);
      },
      letrec: (n) => {
        // A letrec variable captured by another init's lambda is read through a box: that
        // lambda may be made before the variable is set.
        n.bindings.forEach(([, init], i) => {
          if (!isProcedure(init)) return;
          const fv = this.freeIn(init);
          n.bindings.forEach(([v], j) => {
            if (j !== i && fv.includes(v)) this.boxed.add(v);
          });
        });
      },
    };
    for (const n of body) walk(n, facts);
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
    const use = (v: Variable): void => {
      if (!bound.has(v) && !found.includes(v)) found.push(v);
    };
    walk(node.body, {
      local: (n) => use(n.variable),
      let: (n) => forEachBinder(n, (v) => bound.add(v)),
      letrec: (n) => forEachBinder(n, (v) => bound.add(v)),
      // A nested procedure's free variables are computed once (cached) and taken as uses here.
      lambda: (n) => {
        for (const v of this.freeIn(n)) use(v);
        return SKIP;
      },
      "case-lambda": (n) => {
        for (const v of this.freeIn(n)) use(v);
        return SKIP;
      },
    });
    this.free.set(node, found);
    return found;
  }
}
