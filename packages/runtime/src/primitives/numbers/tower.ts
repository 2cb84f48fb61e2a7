// ## The numeric tower: kinds and coercions
//
// Every numeric primitive first asks which of the representations (datum's `values.ts`) it
// holds, then works at the highest level of the two: exact integer < exact rational < flonum <
// complex. Exact integers held in a JS number ("fixnums") and in a bigint share one level but have
// different kinds so that fast paths can test for the fixnum case alone. A non-real complex number
// is tested for last, so real code never pays for it.

import { Complex, exactInteger, exactRational, Flonum, flonum, Ratio } from "@termite/datum";
import { schemeError, typeError } from "../../errors.js";

/** An exact integer held in a JS number. */
export const FIX = 0;
/** An exact integer held in a bigint. */
export const BIG = 1;
/** An exact non-integral rational (`Ratio`). */
export const RAT = 2;
/** A flonum, boxed or not. */
export const FLO = 3;
/** A non-real complex number (`Complex`). */
export const CPX = 4;
/** Not a number. */
export const NOT_NUMBER = -1;

/** The kind code of `x` (`FIX`, `BIG`, `RAT`, `FLO`, `CPX` or `NOT_NUMBER`). */
export function kindOf(x: unknown): number {
  if (typeof x === "number") return Number.isInteger(x) ? FIX : FLO;
  if (typeof x === "bigint") return BIG;
  if (x instanceof Flonum) return FLO;
  if (x instanceof Ratio) return RAT;
  if (x instanceof Complex) return CPX;
  return NOT_NUMBER;
}

/** The kind of `x`, or a wrong-type error from `who` naming argument `argIndex`. */
export function numberKind(who: string, x: unknown, argIndex: number): number {
  const k = kindOf(x);
  if (k === NOT_NUMBER) typeError(who, "a number", x, argIndex);
  return k;
}

/** True for the kinds of real numbers (every kind but `CPX` and `NOT_NUMBER`). */
export function isRealKind(k: number): boolean {
  return k >= FIX && k <= FLO;
}

/** The kind of the real number `x`, or a wrong-type error from `who` naming argument `argIndex`. */
export function realKind(who: string, x: unknown, argIndex: number): number {
  const k = kindOf(x);
  if (!isRealKind(k)) typeError(who, "a real number", x, argIndex);
  return k;
}

/** True for exact integers and integral flonums: what `integer?` accepts. */
export function isIntegerValue(x: unknown): boolean {
  return (typeof x === "number" && Number.isInteger(x)) || typeof x === "bigint" || x instanceof Flonum;
}

/** Checks that `x` is an integer (exact or inexact) for `who`. */
export function checkInteger(who: string, x: unknown, argIndex: number): void {
  if (!isIntegerValue(x)) typeError(who, "an integer", x, argIndex);
}

/** Checks that `x` is an exact integer for `who` and returns it as a bigint. */
export function exactIntegerArg(who: string, x: unknown, argIndex: number): bigint {
  if (typeof x === "number" && Number.isInteger(x)) return BigInt(x);
  if (typeof x === "bigint") return x;
  return typeError(who, "an exact integer", x, argIndex);
}

// ### Exact values as bigint fractions

/** Numerator of an exact number, as a bigint. */
export function numeratorOf(x: unknown): bigint {
  if (typeof x === "number") return BigInt(x);
  if (typeof x === "bigint") return x;
  return BigInt((x as Ratio).numerator);
}

/** Denominator of an exact number, as a bigint (1n for integers). */
export function denominatorOf(x: unknown): bigint {
  return x instanceof Ratio ? BigInt(x.denominator) : 1n;
}

/** Number of bits in the magnitude of `n` (0 for 0n). */
export function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  return n === 0n ? 0 : n.toString(2).length;
}

// ### Conversions to doubles

/** `x * 2^e` without overflowing or underflowing the intermediate power of two. */
export function ldexp(x: number, e: number): number {
  while (e > 1023) {
    x *= 2 ** 1023;
    e -= 1023;
  }
  while (e < -1022) {
    x *= 2 ** -1022;
    e += 1022;
  }
  return x * 2 ** e;
}

/** n/d rounded to the nearest double, also when n and d are far beyond double range. */
export function fractionToDouble(n: bigint | number, d: bigint | number): number {
  // Two safe integers are exact doubles, and IEEE division rounds correctly.
  if (typeof n === "number" && typeof d === "number") return n / d;
  let bn = BigInt(n);
  const bd = BigInt(d);
  const negative = bn < 0n;
  if (negative) bn = -bn;
  if (bn === 0n) return 0;
  // Scale so that the integer quotient has 55-56 bits; a sticky bit keeps the rounding correct.
  const shift = bitLength(bd) - bitLength(bn) + 55;
  let q: bigint;
  let r: bigint;
  if (shift >= 0) {
    const s = bn << BigInt(shift);
    q = s / bd;
    r = s % bd;
  } else {
    const s = bd << BigInt(-shift);
    q = bn / s;
    r = bn % s;
  }
  if (r !== 0n) q |= 1n;
  const x = ldexp(Number(q), -shift);
  return negative ? -x : x;
}

/** The double nearest to the real number `x` (any kind). */
export function toDouble(x: unknown): number {
  if (typeof x === "number") return x;
  if (typeof x === "bigint") return Number(x);
  if (x instanceof Flonum) return x.value;
  const r = x as Ratio;
  return fractionToDouble(r.numerator, r.denominator);
}

/** The inexact number nearest to `x`. */
export function toInexact(x: unknown): unknown {
  if (typeof x === "number") return Number.isInteger(x) ? new Flonum(x) : x;
  if (x instanceof Flonum) return x;
  return flonum(toDouble(x));
}

// ### Conversions to exact

/** The exact rational equal to the double `d`; infinities and NaN have none. */
export function doubleToExact(who: string, d: number): unknown {
  if (!Number.isFinite(d)) return schemeError(who, "no exact representation", flonum(d));
  if (Number.isInteger(d)) return exactInteger(Number.isSafeInteger(d) ? d : BigInt(d));
  // A finite double is m * 2^-k with m integral; doubling is exact until m is reached.
  let m = d;
  let k = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    k++;
  }
  return exactRational(BigInt(m), 1n << BigInt(k));
}

/** The exact number equal to `x` (any kind). */
export function toExact(who: string, x: unknown): unknown {
  if (typeof x === "number") return Number.isInteger(x) ? x : doubleToExact(who, x);
  if (x instanceof Flonum) return doubleToExact(who, x.value);
  return x;
}

// ### Common errors

/** Signals division by an exact zero. */
export function divisionByZero(who: string, ...irritants: unknown[]): never {
  return schemeError(who, "division by zero", ...irritants);
}

/** A result too large to hold (a bigint beyond the engine's limit). */
export function tooLarge(who: string, ...irritants: unknown[]): never {
  return schemeError(who, "result too large to represent", ...irritants);
}
