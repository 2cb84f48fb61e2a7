// ## exp log sqrt sin cos tan asin acos atan expt with complex results
//
// Reached from transcendental.ts when an argument is a non-real complex number or a real result
// does not exist (`(sqrt -2)`, `(log -1)`, `(asin 2)`, `(expt -1 .5)`). The work is done on pairs
// of doubles with the principal branches of R7RS §6.2.6 (the branch cuts of Common Lisp), except
// where an exact answer exists and Scheme programs expect it: `(sqrt -4)` is +2i, `(sqrt -3+4i)`
// is 1+2i, `(expt +i 2)` is -1, `(expt -1 1/2)` is +i.

import { Complex, flonum, type Ratio, type RealNumber, rectangular } from "@termite/datum";
import { negate, REAL_FIELD } from "./arithmetic.js";
import { ADD, complexArith, DIV, imagPartOf, MUL, realPartOf, SUB } from "./complex-arithmetic.js";
import { BIG, divisionByZero, FIX, FLO, kindOf, RAT, toDouble } from "./tower.js";

/** A complex number as two doubles: real and imaginary part. */
type Pair = [number, number];

function toPair(z: unknown): Pair {
  return [toDouble(realPartOf(z)), toDouble(imagPartOf(z))];
}

/** The inexact number of two doubles; the imaginary part stays even when it is 0.0. */
function fromPair([re, im]: Pair): Complex {
  return new Complex(flonum(re), flonum(im));
}

function mulPair([a, b]: Pair, [c, d]: Pair): Pair {
  return [a * c - b * d, a * d + b * c];
}

function expPair([a, b]: Pair): Pair {
  const m = Math.exp(a);
  // e^(0.0 + bi) must not turn an infinite b into NaN real parts more than IEEE does.
  return b === 0 ? [m, b] : [m * Math.cos(b), m * Math.sin(b)];
}

function logPair([a, b]: Pair): Pair {
  return [Math.log(Math.hypot(a, b)), Math.atan2(b, a)];
}

/** The principal square root, computed without cancellation in either part. */
function sqrtPair([a, b]: Pair): Pair {
  if (a === 0 && b === 0) return [0, b];
  const t = Math.sqrt((Math.abs(a) + Math.hypot(a, b)) / 2);
  if (a >= 0) return [t, b / (2 * t)];
  return [Math.abs(b) / (2 * t), b < 0 || Object.is(b, -0) ? -t : t];
}

// asin z = -i log(iz + sqrt(1 - z²)); acos z = π/2 - asin z; atan z = (log(1+iz) - log(1-iz)) / 2i.
function asinPair([a, b]: Pair): Pair {
  const [sa, sb] = mulPair([a, b], [a, b]);
  // 0 - sb, not -sb: a real z must stay on the upper side of the cut of √ (+0, not -0).
  const [ra, rb] = sqrtPair([1 - sa, 0 - sb]);
  const [la, lb] = logPair([ra - b, rb + a]);
  return [lb, -la];
}

function atanPair([a, b]: Pair): Pair {
  const [pa, pb] = logPair([1 - b, a]);
  const [ma, mb] = logPair([1 + b, -a]);
  // (p - m) / 2i = (pb - mb)/2 - (pa - ma)/2 i
  return [(pb - mb) / 2, -(pa - ma) / 2];
}

// ### The procedures' complex cases

/** `(exp z)` for a non-real z. */
export function complexExp(z: Complex): unknown {
  return fromPair(expPair(toPair(z)));
}

/**
 * `(log z)` for a non-real z or a negative real: log|z| + i·angle(z). A negative real keeps the
 * real logarithm of its magnitude, so `(log -1)` is +3.141592653589793i with an exact zero real part.
 */
export function complexLog(z: unknown, realLog: (x: unknown) => unknown): unknown {
  if (!(z instanceof Complex)) return rectangular(realLog(negate(z)) as RealNumber, flonum(Math.PI));
  return fromPair(logPair(toPair(z)));
}

/** `(log z base)` when either is non-real or negative: the quotient of their logarithms. */
export function complexLogBase(z: unknown, base: unknown, logOne: (x: unknown) => unknown): unknown {
  return complexArith(DIV, logOne(z), logOne(base), "log", REAL_FIELD);
}

/**
 * `(sqrt z)` for a non-real z or a negative real: exact when z is exact and its root is too,
 * `(sqrt -2)` is +1.4142135623730951i (exact zero real part) as in Gambit.
 */
export function complexSqrt(z: unknown, realSqrt: (x: unknown) => unknown): unknown {
  if (!(z instanceof Complex)) return rectangular(0, realSqrt(negate(z)) as RealNumber);
  if (kindOf(z.real) !== FLO && kindOf(z.imag) !== FLO) {
    // √(a+bi) = √((m+a)/2) ± √((m-a)/2) i with m = |z|, exact when all three roots are.
    const m = realSqrt(complexArith(MUL, z, conjugate(z), "sqrt", REAL_FIELD));
    if (kindOf(m) !== FLO) {
      const re = realSqrt(halve(complexArith(ADD, m, z.real, "sqrt", REAL_FIELD)));
      const im = realSqrt(halve(complexArith(SUB, m, z.real, "sqrt", REAL_FIELD)));
      if (kindOf(re) !== FLO && kindOf(im) !== FLO) {
        return rectangular(re as RealNumber, (isNegativeReal(z.imag) ? negate(im) : im) as RealNumber);
      }
    }
  }
  return fromPair(sqrtPair(toPair(z)));
}

function conjugate(z: Complex): Complex {
  return new Complex(z.real, negate(z.imag) as RealNumber);
}

function halve(x: unknown): unknown {
  return complexArith(DIV, x, 2, "sqrt", REAL_FIELD);
}

function isNegativeReal(x: RealNumber): boolean {
  return toDouble(x) < 0;
}

/** `(sin z)` for a non-real z. */
export function complexSin(z: Complex): unknown {
  const [a, b] = toPair(z);
  return fromPair([Math.sin(a) * Math.cosh(b), Math.cos(a) * Math.sinh(b)]);
}

/** `(cos z)` for a non-real z. */
export function complexCos(z: Complex): unknown {
  const [a, b] = toPair(z);
  return fromPair([Math.cos(a) * Math.cosh(b), -Math.sin(a) * Math.sinh(b)]);
}

/** `(tan z)` for a non-real z: sin z / cos z, written to stay finite for a large imaginary part. */
export function complexTan(z: Complex): unknown {
  const [a, b] = toPair(z);
  // tan(a+bi) = (sin 2a + i sinh 2b) / (cos 2a + cosh 2b)
  if (Math.abs(b) > 20) return fromPair([0, Math.sign(b)]);
  const d = Math.cos(2 * a) + Math.cosh(2 * b);
  return fromPair([Math.sin(2 * a) / d, Math.sinh(2 * b) / d]);
}

/** `(asin z)` for a non-real z or a real beyond [-1, 1] (then ±π/2 ∓ i·acosh|x|, to the last bit). */
export function complexAsin(z: unknown): unknown {
  if (!(z instanceof Complex)) {
    const x = toDouble(z);
    return x > 0 ? fromPair([Math.PI / 2, -Math.acosh(x)]) : fromPair([-Math.PI / 2, Math.acosh(-x)]);
  }
  return fromPair(asinPair(toPair(z)));
}

/** `(acos z)` for a non-real z or a real beyond [-1, 1]: π/2 - asin z. */
export function complexAcos(z: unknown): unknown {
  if (!(z instanceof Complex)) {
    const x = toDouble(z);
    return x > 0 ? fromPair([0, Math.acosh(x)]) : fromPair([Math.PI, -Math.acosh(-x)]);
  }
  const [a, b] = asinPair(toPair(z));
  return fromPair([Math.PI / 2 - a, -b]);
}

/** `(atan z)` for a non-real z; ±i are its poles. */
export function complexAtan(z: Complex): unknown {
  if (z.real === 0 && (z.imag === 1 || z.imag === -1)) divisionByZero("atan", z);
  return fromPair(atanPair(toPair(z)));
}

/**
 * `base^e` when either is non-real, or the base is negative and e not an integer: e^(e·log base),
 * except for an exact integer e (repeated products) and an exact base with e = n/2 (`(sqrt base)^n`).
 */
export function complexExpt(base: unknown, e: unknown, realSqrt: (x: unknown) => unknown): unknown {
  const ke = kindOf(e);
  if (ke === FIX || ke === BIG) return complexPower(base, BigInt(e as number | bigint));
  if (base === 0) {
    // 0^z is 0 when z's real part is positive, and undefined otherwise.
    if (toDouble(realPartOf(e)) > 0) return 0;
    return divisionByZero("expt", base, e);
  }
  const exactBase = kindOf(realPartOf(base)) !== FLO && kindOf(imagPartOf(base)) !== FLO;
  if (ke === RAT && exactBase && BigInt((e as Ratio).denominator) === 2n) {
    return complexPower(complexSqrt(base, realSqrt), BigInt((e as Ratio).numerator));
  }
  return fromPair(expPair(mulPair(toPair(e), logPair(toPair(base)))));
}

/** Exact `z^n` of a complex z and an exact integer n by repeated squaring. */
export function complexPower(z: unknown, n: bigint): unknown {
  if (n < 0n) return complexArith(DIV, 1, complexPower(z, -n), "expt", REAL_FIELD);
  let result: unknown = 1;
  let square: unknown = z;
  while (n > 0n) {
    if (n & 1n) result = complexArith(MUL, result, square, "expt", REAL_FIELD);
    n >>= 1n;
    if (n > 0n) square = complexArith(MUL, square, square, "expt", REAL_FIELD);
  }
  return result;
}
