// ## exp log sin cos tan asin acos atan, sqrt exact-integer-sqrt, expt
//
// Results are flonums, except where an exact argument has an exact answer that R7RS programs
// rely on: `(sqrt 16)` is 4, `(expt 2 100)` is a bigint, `(expt 4 1/2)` is 2, `(exp 0)` is 1.
// Non-real arguments, and real ones whose result is not real (`(sqrt -4)`, `(log -1)`), go to
// complex-transcendental.ts after the real cases have been ruled out.

import { Complex, exactInteger, exactRational, flonum, type Ratio, values } from "@termite/datum";
import { typeError } from "../../errors.js";
import { div2 } from "./arithmetic.js";
import { signOf } from "./compare.js";
import {
  complexAcos,
  complexAsin,
  complexAtan,
  complexCos,
  complexExp,
  complexExpt,
  complexLog,
  complexLogBase,
  complexSin,
  complexSqrt,
  complexTan,
} from "./complex-transcendental.js";
import {
  BIG,
  bitLength,
  denominatorOf,
  divisionByZero,
  FIX,
  FLO,
  kindOf,
  NOT_NUMBER,
  numberKind,
  numeratorOf,
  RAT,
  realKind,
  toDouble,
  tooLarge,
} from "./tower.js";

// ### Integer roots

/** floor(sqrt(n)) for n >= 0. */
export function isqrt(n: bigint): bigint {
  if (n < 4503599627370496n) {
    // Below 2^52 the double square root is within one of the answer; fix it up exactly.
    let s = BigInt(Math.floor(Math.sqrt(Number(n))));
    while (s * s > n) s -= 1n;
    while ((s + 1n) * (s + 1n) <= n) s += 1n;
    return s;
  }
  let x = 1n << BigInt((bitLength(n) >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** floor(n^(1/k)) for n >= 0, k >= 2 (Newton's method from above). */
export function iroot(n: bigint, k: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << (BigInt(bitLength(n)) / k + 1n);
  for (;;) {
    const y = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (y >= x) return x;
    x = y;
  }
}

// ### Helpers

function real(who: string, x: unknown, i: number): number {
  const k = kindOf(x);
  if (k === NOT_NUMBER) typeError(who, "a number", x, i);
  return toDouble(x);
}

/** Base-2 logarithm of a positive real, also for bigints and rationals beyond double range. */
function log2Of(x: unknown): number {
  const k = kindOf(x);
  if (k === BIG) {
    const n = x as bigint;
    const d = Number(n);
    if (Number.isFinite(d)) return Math.log2(d);
    // Keep the top 64 bits: log2(n) = shift + log2(n >> shift), exact in the shift.
    const shift = bitLength(n) - 64;
    return shift + Math.log2(Number(n >> BigInt(shift)));
  }
  if (k === RAT) {
    const d = toDouble(x);
    if (d > 0 && Number.isFinite(d)) return Math.log2(d);
    return log2Of(exactInteger(numeratorOf(x))) - log2Of(exactInteger(denominatorOf(x)));
  }
  return Math.log2(toDouble(x));
}

/** Natural logarithm of a positive real. */
function logOf(x: unknown): number {
  const k = kindOf(x);
  return k === FIX || k === FLO ? Math.log(toDouble(x)) : log2Of(x) * Math.LN2;
}

function isExactZero(x: unknown): boolean {
  return x === 0;
}

// ### exp and log

/** `(exp z)`. */
export function exp(x: unknown): unknown {
  if (x instanceof Complex) return complexExp(x);
  const d = real("exp", x, 0);
  return isExactZero(x) ? 1 : flonum(Math.exp(d));
}

/** `(log z)`: complex for a non-real or negative z. */
function logOne(x: unknown): unknown {
  if (x instanceof Complex) return complexLog(x, logOne);
  real("log", x, 0);
  if (signOf("log", x) < 0) return complexLog(x, logOne);
  return x === 1 ? 0 : flonum(logOf(x));
}

/** `(log z)` and `(log z base)`. */
export function log(x: unknown, base?: unknown): unknown {
  if (base === undefined) return logOne(x);
  numberKind("log", x, 0);
  numberKind("log", base, 1);
  if (x instanceof Complex || base instanceof Complex || signOf("log", x) < 0 || signOf("log", base) < 0) {
    return complexLogBase(x, base, logOne);
  }
  if (base === 2) return flonum(log2Of(x));
  if (base === 10 && (kindOf(x) === FIX || kindOf(x) === FLO)) return flonum(Math.log10(toDouble(x)));
  return flonum(logOf(x) / logOf(base));
}

// ### Trigonometry

function trig(
  who: string,
  f: (x: number) => number,
  exactAtZero: boolean,
  onComplex: (z: Complex) => unknown,
): (x: unknown) => unknown {
  return (x: unknown): unknown => {
    if (x instanceof Complex) return onComplex(x);
    const d = real(who, x, 0);
    if (exactAtZero && isExactZero(x)) return 0;
    return flonum(f(d));
  };
}

export const sin = trig("sin", Math.sin, true, complexSin);
export const tan = trig("tan", Math.tan, true, complexTan);

/** `(cos z)`. */
export function cos(x: unknown): unknown {
  if (x instanceof Complex) return complexCos(x);
  const d = real("cos", x, 0);
  return isExactZero(x) ? 1 : flonum(Math.cos(d));
}

function arcsine(
  who: string,
  f: (x: number) => number,
  exactArg: unknown,
  onComplex: (z: unknown) => unknown,
): (x: unknown) => unknown {
  return (x: unknown): unknown => {
    if (x instanceof Complex) return onComplex(x);
    const d = real(who, x, 0);
    if (d > 1 || d < -1) return onComplex(x);
    if (x === exactArg) return 0;
    return flonum(f(d));
  };
}

export const asin = arcsine("asin", Math.asin, 0, complexAsin);
export const acos = arcsine("acos", Math.acos, 1, complexAcos);

/** `(atan z)` and `(atan y x)`; the two-argument form takes reals only. */
export function atan(y: unknown, x?: unknown): unknown {
  if (x === undefined && y instanceof Complex) return complexAtan(y);
  if (x !== undefined) realKind("atan", y, 0);
  const dy = real("atan", y, 0);
  if (x === undefined) return isExactZero(y) ? 0 : flonum(Math.atan(dy));
  realKind("atan", x, 1);
  const dx = real("atan", x, 1);
  if (isExactZero(y) && isExactZero(x)) divisionByZero("atan", y, x);
  return flonum(Math.atan2(dy, dx));
}

// ### Square roots

/** The exact square root of a non-negative exact number, or undefined if it is irrational. */
function exactSqrt(x: unknown): unknown {
  const n = numeratorOf(x);
  const d = denominatorOf(x);
  const sn = isqrt(n);
  if (sn * sn !== n) return undefined;
  const sd = isqrt(d);
  if (sd * sd !== d) return undefined;
  return exactRational(sn, sd);
}

/** `(sqrt z)`: exact for exact perfect squares. */
export function sqrt(x: unknown): unknown {
  if (typeof x === "number" && x >= 0) {
    const s = Math.sqrt(x);
    if (Number.isInteger(x)) return Number.isInteger(s) && s * s === x ? s : flonum(s);
    return flonum(s);
  }
  const k = numberKind("sqrt", x, 0);
  if (x instanceof Complex) return complexSqrt(x, sqrt);
  const d = toDouble(x);
  if (d < 0 || (k !== FLO && signOf("sqrt", x) < 0)) return complexSqrt(x, sqrt);
  if (k === FLO) return flonum(Math.sqrt(d));
  const exact = exactSqrt(x);
  if (exact !== undefined) return exact;
  if (Number.isFinite(d) && d > 0) return flonum(Math.sqrt(d));
  // Beyond double range: the integer root of numerator and denominator is precise enough.
  return flonum(toDouble(isqrt(numeratorOf(x))) / toDouble(isqrt(denominatorOf(x))));
}

/** `(exact-integer-sqrt k)`: two values s and r with s^2 + r = k. */
export function exactIntegerSqrt(k: unknown): unknown {
  if (!((typeof k === "number" && Number.isInteger(k)) || typeof k === "bigint") || k < 0) {
    return typeError("exact-integer-sqrt", "an exact non-negative integer", k, 0);
  }
  const n = BigInt(k as number | bigint);
  const s = isqrt(n);
  return values([exactInteger(s), exactInteger(n - s * s)]);
}

// ### expt

/** base^e for an exact base and an exact integer e. */
function exactPower(base: unknown, e: bigint): unknown {
  if (e < 0n) {
    if (signOf("expt", base) === 0) divisionByZero("expt", base, exactInteger(e));
    return div2(1, exactPower(base, -e));
  }
  const n = numeratorOf(base);
  const d = denominatorOf(base);
  // Bases whose powers stay small need no limit on the exponent.
  if (d === 1n && (n === 0n || n === 1n)) return e === 0n ? 1 : exactInteger(n);
  if (d === 1n && n === -1n) return e % 2n === 0n ? 1 : -1;
  try {
    return d === 1n ? exactInteger(n ** e) : exactRational(n ** e, d ** e);
  } catch (err) {
    if (err instanceof RangeError) tooLarge("expt", base, exactInteger(e));
    throw err;
  }
}

/** base^e by repeated squaring while every step stays a safe integer, else undefined. */
function fixnumPower(base: number, e: number): number | undefined {
  if (e < 0 || e > 0x7fffffff) return undefined;
  let result = 1;
  let b = base;
  for (;;) {
    if (e & 1) {
      result *= b;
      if (!Number.isSafeInteger(result)) return undefined;
    }
    e >>>= 1;
    if (e === 0) return result === 0 ? 0 : result;
    b *= b;
    if (!Number.isSafeInteger(b)) return undefined;
  }
}

/** Largest root index tried exactly; beyond it `expt` answers with a flonum. */
const MAX_EXACT_ROOT = 1024n;

/** `(expt base e)`. */
export function expt(base: unknown, e: unknown): unknown {
  if (typeof base === "number" && typeof e === "number" && Number.isInteger(base) && Number.isInteger(e)) {
    const r = fixnumPower(base, e);
    if (r !== undefined) return r;
  }
  const kb = numberKind("expt", base, 0);
  const ke = numberKind("expt", e, 1);
  if (base instanceof Complex || e instanceof Complex) return complexExpt(base, e, sqrt);
  const baseExact = kb !== FLO;
  if (ke === FIX || ke === BIG) {
    if (baseExact) return exactPower(base, BigInt(e as number | bigint));
    return flonum(toDouble(base) ** toDouble(e));
  }
  if (ke === RAT && baseExact) {
    if (signOf("expt", base) < 0) return complexExpt(base, e, sqrt);
    const p = BigInt((e as Ratio).denominator);
    if (p <= MAX_EXACT_ROOT) {
      const n = numeratorOf(base);
      const d = denominatorOf(base);
      const rn = iroot(n, p);
      const rd = iroot(d, p);
      if (rn ** p === n && rd ** p === d)
        return exactPower(exactRational(rn, rd), BigInt((e as Ratio).numerator));
    }
  }
  const x = toDouble(base);
  const y = toDouble(e);
  if (x < 0 && !Number.isInteger(y) && Number.isFinite(y)) return complexExpt(base, e, sqrt);
  if (baseExact && x === 0 && ke !== FLO) return 0;
  return flonum(x ** y);
}
