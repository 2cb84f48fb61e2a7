// ## = < > <= >=, max, min and the sign predicates
//
// Comparison is exact across representations: JS compares a bigint with a double exactly, and a
// rational is compared with a finite double by converting the double to the exact rational it
// denotes. Two JS numbers (the common case) compare directly. Only `=` and `zero?` take non-real
// complex numbers; the order predicates take reals.

import { Complex, Flonum, type Ratio } from "@termite/datum";
import { typeError } from "../../errors.js";
import { imagPartOf, realPartOf } from "./complex-arithmetic.js";
import {
  BIG,
  CPX,
  denominatorOf,
  doubleToExact,
  FLO,
  isRealKind,
  kindOf,
  NOT_NUMBER,
  numeratorOf,
  RAT,
  toDouble,
  toInexact,
} from "./tower.js";

/** Sign of a-b: -1, 0, 1, or NaN when unordered (a NaN is involved). Operands are numbers. */
export function compareReals(a: unknown, b: unknown): number {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka !== RAT && kb !== RAT) {
    const x = a instanceof Flonum ? a.value : (a as number | bigint);
    const y = b instanceof Flonum ? b.value : (b as number | bigint);
    if (x < y) return -1;
    if (x > y) return 1;
    // Neither smaller nor larger: equal, unless one is NaN.
    return Number.isNaN(x) || Number.isNaN(y) ? Number.NaN : 0;
  }
  let ea = a;
  let eb = b;
  if (ka === FLO) {
    const d = toDouble(a);
    if (Number.isNaN(d)) return Number.NaN;
    if (!Number.isFinite(d)) return d > 0 ? 1 : -1;
    ea = doubleToExact("=", d);
  }
  if (kb === FLO) {
    const d = toDouble(b);
    if (Number.isNaN(d)) return Number.NaN;
    if (!Number.isFinite(d)) return d > 0 ? -1 : 1;
    eb = doubleToExact("=", d);
  }
  const l = numeratorOf(ea) * denominatorOf(eb);
  const r = numeratorOf(eb) * denominatorOf(ea);
  return l < r ? -1 : l > r ? 1 : 0;
}

function checkReal(who: string, x: unknown, i: number): void {
  if (!isRealKind(kindOf(x))) typeError(who, "a real number", x, i);
}

/** `(= a b)`. */
export function numEq2(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b;
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === NOT_NUMBER) typeError("=", "a number", a, 0);
  if (kb === NOT_NUMBER) typeError("=", "a number", b, 1);
  if (ka === CPX || kb === CPX) return complexEquals(a, b);
  return compareReals(a, b) === 0;
}

/** `(< a b)`. */
export function lt2(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a < b;
  checkReal("<", a, 0);
  checkReal("<", b, 1);
  return compareReals(a, b) < 0;
}

/** `(> a b)`. */
export function gt2(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a > b;
  checkReal(">", a, 0);
  checkReal(">", b, 1);
  return compareReals(a, b) > 0;
}

/** `(<= a b)`. */
export function le2(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a <= b;
  checkReal("<=", a, 0);
  checkReal("<=", b, 1);
  return compareReals(a, b) <= 0;
}

/** `(>= a b)`. */
export function ge2(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a >= b;
  checkReal(">=", a, 0);
  checkReal(">=", b, 1);
  return compareReals(a, b) >= 0;
}

/** Builds a variadic comparison from its binary test; every argument is type-checked. */
function chain(who: string, test: (c: number) => boolean): (...args: unknown[]) => boolean {
  return (...args: unknown[]): boolean => {
    checkReal(who, args[0], 0);
    let result = true;
    for (let i = 1; i < args.length; i++) {
      checkReal(who, args[i], i);
      if (result && !test(compareReals(args[i - 1], args[i]))) result = false;
    }
    return result;
  };
}

/** `(= z1 z2 ...)`: every argument is type-checked, also after a pair that differs. */
export function numEq(...args: unknown[]): boolean {
  let result = true;
  if (args.length === 1 && kindOf(args[0]) === NOT_NUMBER) typeError("=", "a number", args[0], 0);
  for (let i = 1; i < args.length; i++) {
    const a = args[i - 1];
    const b = args[i];
    if (kindOf(a) === NOT_NUMBER) typeError("=", "a number", a, i - 1);
    if (kindOf(b) === NOT_NUMBER) typeError("=", "a number", b, i);
    if (result && !numEq2(a, b)) result = false;
  }
  return result;
}
export const lt = chain("<", (c) => c < 0);
export const gt = chain(">", (c) => c > 0);
export const le = chain("<=", (c) => c <= 0);
export const ge = chain(">=", (c) => c >= 0);

/** `max` (sign 1) and `min` (sign -1): inexact if any argument is; NaN wins. */
function extremum(who: string, sign: number, args: unknown[]): unknown {
  let best = args[0];
  checkReal(who, best, 0);
  let inexact = kindOf(best) === FLO;
  for (let i = 1; i < args.length; i++) {
    const x = args[i];
    checkReal(who, x, i);
    if (kindOf(x) === FLO) inexact = true;
    const c = compareReals(x, best);
    if (Number.isNaN(c)) {
      if (!Number.isNaN(toDouble(best))) best = Number.NaN;
    } else if (c * sign > 0) best = x;
  }
  return inexact ? toInexact(best) : best;
}

/** `(max x ...)`. */
export function max(...args: unknown[]): unknown {
  return extremum("max", 1, args);
}

/** `(min x ...)`. */
export function min(...args: unknown[]): unknown {
  return extremum("min", -1, args);
}

/** Sign of a real: -1, 0, 1, or NaN. */
export function signOf(who: string, x: unknown): number {
  if (typeof x === "number") return x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : Number.NaN;
  const k = kindOf(x);
  if (k === FLO) return signOf(who, (x as Flonum).value);
  if (k === BIG) return (x as bigint) > 0n ? 1 : -1;
  if (k === RAT) return numeratorOf(x as Ratio) > 0n ? 1 : -1;
  return typeError(who, "a real number", x, 0);
}

/** `(zero? z)`: a complex number is zero when both parts are (`0.0+0.0i`). */
export function isZero(x: unknown): boolean {
  if (typeof x === "number") return x === 0;
  if (x instanceof Complex) return signOf("zero?", x.real) === 0 && signOf("zero?", x.imag) === 0;
  return signOf("zero?", x) === 0;
}

/** `(positive? x)`. */
export function isPositive(x: unknown): boolean {
  if (typeof x === "number") return x > 0;
  return signOf("positive?", x) > 0;
}

/** `(negative? x)`. */
export function isNegative(x: unknown): boolean {
  if (typeof x === "number") return x < 0;
  return signOf("negative?", x) < 0;
}

/** `(= a b)` when one of them is a `Complex`: both parts equal (`(= 1 1+0.0i)` is #t). */
function complexEquals(a: unknown, b: unknown): boolean {
  return numEq2(realPartOf(a), realPartOf(b)) && numEq2(imagPartOf(a), imagPartOf(b));
}
