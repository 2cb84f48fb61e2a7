// ## number? complex? real? rational? integer? exact? inexact? exact-integer? finite? infinite? nan?
//
// The type predicates answer #f for non-numbers; the exactness and finiteness predicates are
// defined on numbers only and signal a wrong-type error otherwise. A non-real complex number is
// exact when both its parts are, finite when both are, infinite or NaN when either is.

import { Complex, Flonum, isExactInteger, isNumber, isRealNumber } from "@termite/datum";
import { isExactComplex } from "./complex-arithmetic.js";
import { FLO, isRealKind, kindOf, numberKind, toDouble } from "./tower.js";

/** `(number? obj)`, also `complex?`. */
export function isNumberPredicate(x: unknown): boolean {
  return isNumber(x);
}

/** `(real? obj)`: every number but a `Complex` (`1+0.0i` is one; `1+0i` reads as the real 1). */
export function isReal(x: unknown): boolean {
  return isRealNumber(x);
}

/** `(rational? obj)`: exact reals and finite flonums. */
export function isRational(x: unknown): boolean {
  if (typeof x === "number") return Number.isFinite(x);
  const k = kindOf(x);
  return isRealKind(k) && (k !== FLO || Number.isFinite(toDouble(x)));
}

/** `(integer? obj)`. */
export function isInteger(x: unknown): boolean {
  return (typeof x === "number" && Number.isInteger(x)) || typeof x === "bigint" || x instanceof Flonum;
}

/** `(exact? z)`. */
export function isExact(x: unknown): boolean {
  if (typeof x === "number") return Number.isInteger(x);
  const k = numberKind("exact?", x, 0);
  return x instanceof Complex ? isExactComplex(x) : k !== FLO;
}

/** `(inexact? z)`. */
export function isInexact(x: unknown): boolean {
  if (typeof x === "number") return !Number.isInteger(x);
  const k = numberKind("inexact?", x, 0);
  return x instanceof Complex ? !isExactComplex(x) : k === FLO;
}

/** `(exact-integer? obj)`. */
export function isExactIntegerPredicate(x: unknown): boolean {
  return isExactInteger(x);
}

/** `(finite? z)`. */
export function isFiniteNumber(x: unknown): boolean {
  if (typeof x === "number") return Number.isFinite(x);
  const k = numberKind("finite?", x, 0);
  if (x instanceof Complex) return isFiniteNumber(x.real) && isFiniteNumber(x.imag);
  return k !== FLO || Number.isFinite(toDouble(x));
}

/** `(infinite? z)`. */
export function isInfinite(x: unknown): boolean {
  if (typeof x === "number") return x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY;
  numberKind("infinite?", x, 0);
  if (x instanceof Complex) return isInfinite(x.real) || isInfinite(x.imag);
  return false;
}

/** `(nan? z)`. */
export function isNan(x: unknown): boolean {
  if (typeof x === "number") return Number.isNaN(x);
  numberKind("nan?", x, 0);
  if (x instanceof Complex) return isNan(x.real) || isNan(x.imag);
  return false;
}
