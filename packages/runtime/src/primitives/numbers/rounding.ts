// ## floor ceiling truncate round, numerator denominator, rationalize
//
// Rounding keeps exactness: an exact rational rounds to an exact integer, a flonum to an
// integral flonum. `round` rounds halves to even, as R7RS asks.

import { exactInteger, exactRational, Flonum, flonum, type Ratio } from "@termite/datum";
import { typeError } from "../../errors.js";
import { compareReals } from "./compare.js";
import {
  BIG,
  denominatorOf,
  doubleToExact,
  FIX,
  FLO,
  isRealKind,
  kindOf,
  numeratorOf,
  RAT,
  toDouble,
  toExact,
  toInexact,
} from "./tower.js";

const FLOOR = 0;
const CEILING = 1;
const TRUNCATE = 2;
const ROUND = 3;

/** Round half to even on a double; keeps the sign of zero as IEEE does. */
export function roundEven(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  const f = Math.floor(x);
  const diff = x - f;
  let r: number;
  if (diff < 0.5) r = f;
  else if (diff > 0.5) r = f + 1;
  else r = f % 2 === 0 ? f : f + 1;
  return r === 0 && x < 0 ? -0 : r;
}

function roundDouble(mode: number, x: number): number {
  if (mode === FLOOR) return Math.floor(x);
  if (mode === CEILING) return Math.ceil(x);
  if (mode === TRUNCATE) return Math.trunc(x);
  return roundEven(x);
}

/** Rounds n/d (d > 0) to an integer. */
function roundFraction(mode: number, n: bigint, d: bigint): bigint {
  let q = n / d;
  const r = n % d;
  if (r === 0n || mode === TRUNCATE) return q;
  // `q` truncated toward zero; step to the floor first.
  if (n < 0n) q -= 1n;
  if (mode === FLOOR) return q;
  if (mode === CEILING) return q + 1n;
  const twice = 2n * (n - q * d);
  if (twice < d) return q;
  if (twice > d) return q + 1n;
  return q % 2n === 0n ? q : q + 1n;
}

function rounder(who: string, mode: number): (x: unknown) => unknown {
  return (x: unknown): unknown => {
    if (typeof x === "number") return Number.isInteger(x) ? x : flonum(roundDouble(mode, x));
    const k = kindOf(x);
    if (k === FLO) return x;
    if (k === RAT) {
      const r = x as Ratio;
      return exactInteger(roundFraction(mode, BigInt(r.numerator), BigInt(r.denominator)));
    }
    if (k !== FIX && k !== BIG) typeError(who, "a real number", x, 0);
    return x;
  };
}

export const floor = rounder("floor", FLOOR);
export const ceiling = rounder("ceiling", CEILING);
export const truncate = rounder("truncate", TRUNCATE);
export const round = rounder("round", ROUND);

// ### numerator and denominator

function fractionPart(who: string, wantDenominator: boolean): (q: unknown) => unknown {
  return (q: unknown): unknown => {
    const k = kindOf(q);
    if (!isRealKind(k)) typeError(who, "a rational number", q, 0);
    if (k === FLO) {
      const d = toDouble(q);
      if (!Number.isFinite(d)) typeError(who, "a rational number", q, 0);
      const e = doubleToExact(who, d);
      return toInexact(wantDenominator ? exactInteger(denominatorOf(e)) : exactInteger(numeratorOf(e)));
    }
    if (k === RAT) return wantDenominator ? (q as Ratio).denominator : (q as Ratio).numerator;
    return wantDenominator ? 1 : q;
  };
}

export const numerator = fractionPart("numerator", false);
export const denominator = fractionPart("denominator", true);

// ### rationalize

/** A bigint fraction n/d with d > 0. */
type Fraction = readonly [bigint, bigint];

function floorOf([n, d]: Fraction): bigint {
  return roundFraction(FLOOR, n, d);
}

function sub([n1, d1]: Fraction, [n2, d2]: Fraction): Fraction {
  return [n1 * d2 - n2 * d1, d1 * d2];
}

function inverse([n, d]: Fraction): Fraction {
  return n < 0n ? [-d, -n] : [d, n];
}

/** The simplest fraction in [lo, hi], 0 < lo <= hi (continued-fraction descent). */
function simplestPositive(lo: Fraction, hi: Fraction): Fraction {
  const fl = floorOf(lo);
  if (fl * lo[1] === lo[0]) return [fl, 1n];
  if (fl < floorOf(hi)) return [fl + 1n, 1n];
  const rest = simplestPositive(inverse(sub(hi, [fl, 1n])), inverse(sub(lo, [fl, 1n])));
  // fl + 1/rest
  return [fl * rest[0] + rest[1], rest[0]];
}

function simplest(lo: Fraction, hi: Fraction): Fraction {
  if (lo[0] > 0n) return simplestPositive(lo, hi);
  if (hi[0] < 0n) {
    const [n, d] = simplestPositive([-hi[0], hi[1]], [-lo[0], lo[1]]);
    return [-n, d];
  }
  return [0n, 1n];
}

/** `(rationalize x y)`: the simplest rational within y of x; inexact if either is. */
export function rationalize(x: unknown, y: unknown): unknown {
  const kx = kindOf(x);
  const ky = kindOf(y);
  if (!isRealKind(kx)) typeError("rationalize", "a real number", x, 0);
  if (!isRealKind(ky)) typeError("rationalize", "a real number", y, 1);
  const inexact = kx === FLO || ky === FLO;
  if (inexact) {
    const dx = toDouble(x);
    const dy = Math.abs(toDouble(y));
    if (Number.isNaN(dx) || Number.isNaN(dy)) return Number.NaN;
    if (!Number.isFinite(dy)) return Number.isFinite(dx) ? new Flonum(0) : Number.NaN;
    if (!Number.isFinite(dx)) return dx;
  }
  const ex = toExact("rationalize", x);
  let ey = toExact("rationalize", y);
  if (compareReals(ey, 0) < 0) ey = exactRational(-numeratorOf(ey), denominatorOf(ey));
  const fx: Fraction = [numeratorOf(ex), denominatorOf(ex)];
  const fy: Fraction = [numeratorOf(ey), denominatorOf(ey)];
  const lo: Fraction = sub(fx, fy);
  const hi: Fraction = [fx[0] * fy[1] + fy[0] * fx[1], fx[1] * fy[1]];
  const [n, d] = simplest(lo, hi);
  const result = exactRational(n, d);
  return inexact ? toInexact(result) : result;
}
