// ## Primitives written inline
//
// A call of a standard primitive becomes an expression of the intermediate form instead of a
// Scheme call: no control point, no budget check, no arity check. `+ - * < > <= >= = car cdr cons
// null? pair? not zero? vector-ref` of `scheme/base` get a fast path on JS numbers (small-integer
// checks, then the JS operator), falling back to the runtime's `add2`, `lt2`…; the runtime's other
// pure primitives are called directly through their JS function.

import type { Call, Node } from "@termite/core";
import type { SourceLocation } from "@termite/datum";
import { OPEN_CODED } from "./analysis.js";
import type { Check, Expr, Operator, RuntimeAccessor, RuntimeHelper, Site } from "./ir.js";

/** What open-coding needs from the procedure being lowered. */
export interface OperandLowering {
  /** Lowers operands left to right (holding earlier ones in temps when a later one may unwind). */
  operands(nodes: readonly Node[]): Expr[];
  /** `e` itself when it may be read twice, else a temp assigned `e`. */
  atom(e: Expr): Expr;
  /** The call-site index of a position. */
  site(loc: SourceLocation | undefined): Site;
  /** The index of a pure primitive's function among the unit's. */
  primitive(name: string, binary: boolean): number;
}

const SMALL = 2 ** 31;

/** The checks `x` needs before a JS operator on exact integers of 32 bits (none for such a literal). */
function smallInteger(x: Expr): Check[] {
  const literal = x.k === "literal" && typeof x.value === "number" && Number.isInteger(x.value);
  return literal && Math.abs(x.value as number) < SMALL ? [] : [{ kind: "small-integer", value: x }];
}

/** The checks `x` needs before a JS comparison (none for a number literal). */
function number(x: Expr): Check[] {
  return x.k === "literal" && typeof x.value === "number" ? [] : [{ kind: "number", value: x }];
}

/** `checks ? left op right : fallback(left, right)`; the operator alone when no check is needed. */
function fastPath(
  checks: Check[],
  op: Operator,
  a: Expr,
  b: Expr,
  slow: RuntimeHelper,
  site: () => Site,
): Expr {
  const fast: Expr = { k: "operator", op, left: a, right: b };
  if (checks.length === 0) return fast;
  return { k: "fast-path", checks, fast, slow: { k: "helper", fn: slow, args: [a, b], site: site() } };
}

const COMPARISONS: Readonly<Record<string, readonly [Operator, RuntimeHelper]>> = {
  "<": ["<", "lt2"],
  ">": [">", "gt2"],
  "<=": ["<=", "le2"],
  ">=": [">=", "ge2"],
  "=": ["===", "numEq2"],
};

/** The expression for `call`, a call `isOpenCoded` accepts. */
export function openCode(call: Call, lowering: OperandLowering): Expr {
  const qualified = (call.fn as { name: string }).name;
  const args = lowering.operands(call.args);
  const site = () => lowering.site(call.loc);
  if (!OPEN_CODED.get(qualified)?.includes(args.length)) {
    // A pure primitive: its JS function, called directly (no cell, no arity check, no frame).
    const primitive = lowering.primitive(qualified, args.length === 2);
    return { k: "primitive", primitive, args, site: site() };
  }
  const name = qualified.slice("scheme/base#".length);
  // A fast path reads its operands twice: they must be atoms.
  const [a, b] =
    args.length === 2 ? [lowering.atom(args[0]!), lowering.atom(args[1]!)] : [args[0]!, args[0]!];
  const helper = (fn: RuntimeHelper | RuntimeAccessor, ...operands: Expr[]): Expr => ({
    k: "helper",
    fn,
    args: operands,
    site: site(),
  });
  switch (name) {
    // Exact integers of 32 bits add and subtract without leaving the safe range: no overflow check.
    case "+":
      return fastPath([...smallInteger(a), ...smallInteger(b)], "+", a, b, "add2", site);
    case "-":
      return args.length === 1
        ? helper("negate", a)
        : fastPath([...smallInteger(a), ...smallInteger(b)], "-", a, b, "sub2", site);
    case "*":
      return helper("mul2", a, b);
    case "car":
      return helper("car", a);
    case "cdr":
      return helper("cdr", a);
    case "zero?":
      return helper("isZero", a);
    case "vector-ref":
      return helper("vectorRef", a, b);
    case "cons":
      return { k: "cons", car: a, cdr: b };
    case "null?":
      return { k: "is", test: "null", value: a };
    case "pair?":
      return { k: "is", test: "pair", value: a };
    case "not":
      return { k: "is", test: "false", value: a };
  }
  const comparison = COMPARISONS[name];
  if (comparison === undefined) throw new Error(`internal: no open-coding for ${name}`);
  const [op, slow] = comparison;
  return fastPath([...number(a), ...number(b)], op, a, b, slow, site);
}
