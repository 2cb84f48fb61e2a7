// ## number? complex? real? rational? integer? exact? inexact? exact-integer? finite? infinite? nan?
//
// The type predicates answer #f for non-numbers; the exactness and finiteness predicates are
// defined on numbers only and signal a wrong-type error otherwise.

import { Flonum, isExactInteger, isNumber } from "@termite/datum";
import { FLO, kindOf, numberKind, toDouble } from "./tower.js";

/** `(number? obj)`, also `complex?` and `real?` (all numbers are real here). */
export function isNumberPredicate(x: unknown): boolean {
  return isNumber(x);
}

/** `(rational? obj)`: exact numbers and finite flonums. */
export function isRational(x: unknown): boolean {
  if (typeof x === "number") return Number.isFinite(x);
  const k = kindOf(x);
  return k >= 0 && (k !== FLO || Number.isFinite(toDouble(x)));
}

/** `(integer? obj)`. */
export function isInteger(x: unknown): boolean {
  return (typeof x === "number" && Number.isInteger(x)) || typeof x === "bigint" || x instanceof Flonum;
}

/** `(exact? z)`. */
export function isExact(x: unknown): boolean {
  if (typeof x === "number") return Number.isInteger(x);
  return numberKind("exact?", x, 0) !== FLO;
}

/** `(inexact? z)`. */
export function isInexact(x: unknown): boolean {
  if (typeof x === "number") return !Number.isInteger(x);
  return numberKind("inexact?", x, 0) === FLO;
}

/** `(exact-integer? obj)`. */
export function isExactIntegerPredicate(x: unknown): boolean {
  return isExactInteger(x);
}

/** `(finite? z)`. */
export function isFiniteNumber(x: unknown): boolean {
  if (typeof x === "number") return Number.isFinite(x);
  return numberKind("finite?", x, 0) !== FLO || Number.isFinite(toDouble(x));
}

/** `(infinite? z)`. */
export function isInfinite(x: unknown): boolean {
  if (typeof x === "number") return x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY;
  numberKind("infinite?", x, 0);
  return false;
}

/** `(nan? z)`. */
export function isNan(x: unknown): boolean {
  if (typeof x === "number") return Number.isNaN(x);
  numberKind("nan?", x, 0);
  return false;
}
