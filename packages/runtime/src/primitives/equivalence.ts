// ## eq? eqv? equal?
//
// The definitions live in @termite/datum, shared with the serializer and the printer; `equal?`
// there walks with an explicit stack and terminates on cycles.

import { isEq, isEqual, isEqv } from "@termite/datum";
import { type PrimitiveSpec, prim } from "../primitive.js";

/** Equivalence predicates of (scheme base). */
export const equivalenceBaseBindings: Record<string, PrimitiveSpec> = {
  "eq?": prim(2, 2, isEq),
  "eqv?": prim(2, 2, isEqv),
  "equal?": prim(2, 2, isEqual),
};
