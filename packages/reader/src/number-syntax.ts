// ## Numeric syntax (R7RS §7.1.1)
//
//     #e#x-1F/2    prefix: radix and exactness in either order, each at most once
//     -1.5e-3      decimals and exponents in radix 10 only (R5RS markers `s f d l` too: 1L2)
//     +inf.0 -inf.0 +nan.0 -nan.0
//     1+2i  -i  +2.5i  1/2-3/4i  +inf.0-nan.0i    rectangular complex
//     1@2                                       polar complex: magnitude @ angle
//
// Numbers map to the representations declared in @termite/datum: exact integers as safe JS
// numbers or bigints, exact rationals as `Ratio`, flonums through `flonum()` (boxed when integral),
// complex numbers through `rectangular()` (a real when the imaginary part is exact zero). Each
// part of a complex number is exact or inexact on its own, as in Gambit: `1+2.5i` keeps an exact 1.

import {
  Complex,
  exactInteger,
  exactRational,
  Flonum,
  flonum,
  type Ratio,
  type RealNumber,
  rectangular,
} from "@termite/datum";

/** Why a numeric-looking token is not a number we can build (internal to the reader). */
export const ZERO_DENOMINATOR: unique symbol = Symbol("zero denominator");

const NONE = 0;
const EXACT = 1;
const INEXACT = 2;

// Beyond this, `#e1e<exp>` would build a bigint with more digits than any program means.
const MAX_EXACT_EXPONENT = 100_000;

/**
 * Reads `text` as an R7RS number, in `radix` unless a prefix says otherwise; returns `false` when
 * `text` is not a number (as `string->number` does). Never throws for bad text.
 *
 * @example parseNumber("#e1.5") // the ratio 3/2
 */
export function parseNumber(text: string, radix = 10): unknown {
  const result = scanNumber(text, radix);
  return typeof result === "symbol" ? false : result;
}

/** As `parseNumber`, but tells apart the failures the reader reports differently. */
export function scanNumber(text: string, radix: number): unknown {
  if (radix !== 2 && radix !== 8 && radix !== 10 && radix !== 16) {
    throw new RangeError(`radix must be 2, 8, 10 or 16, got ${radix}`);
  }
  const n = text.length;
  let i = 0;
  let exactness = NONE;
  let sawRadix = false;
  while (i < n && text.charCodeAt(i) === 35 /* # */) {
    if (i + 1 >= n) return false;
    switch (text.charCodeAt(i + 1) | 0x20) {
      case 120 /* x */:
        if (sawRadix) return false;
        sawRadix = true;
        radix = 16;
        break;
      case 98 /* b */:
        if (sawRadix) return false;
        sawRadix = true;
        radix = 2;
        break;
      case 111 /* o */:
        if (sawRadix) return false;
        sawRadix = true;
        radix = 8;
        break;
      case 100 /* d */:
        if (sawRadix) return false;
        sawRadix = true;
        radix = 10;
        break;
      case 101 /* e */:
        if (exactness !== NONE) return false;
        exactness = EXACT;
        break;
      case 105 /* i */:
        if (exactness !== NONE) return false;
        exactness = INEXACT;
        break;
      default:
        return false;
    }
    i += 2;
  }
  if (i >= n) return false;
  const real = scanReal(text, i, n, radix, exactness);
  if (real !== false) return real;
  return scanComplex(text, i, n, radix, exactness);
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 0x20;
  if (lower >= 97 && lower <= 102) return lower - 87;
  return 99;
}

// One real number spanning text[i..n), after the prefix.
function scanReal(text: string, i: number, n: number, radix: number, exactness: number): unknown {
  let negative = false;
  const first = text.charCodeAt(i);
  if (first === 43 /* + */ || first === 45 /* - */) {
    negative = first === 45;
    i++;
    if (n - i === 5) {
      const rest = text.slice(i, n).toLowerCase();
      if (rest === "inf.0" || rest === "nan.0") {
        if (exactness === EXACT) return false;
        if (rest === "nan.0") return Number.NaN;
        return negative ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
      }
    }
  }

  // Accumulating in a double is exact as long as the final value is a safe integer.
  const intStart = i;
  let value = 0;
  for (; i < n; i++) {
    const d = digitValue(text.charCodeAt(i));
    if (d >= radix) break;
    value = value * radix + d;
  }
  const intEnd = i;
  if (i === n) {
    if (intEnd === intStart) return false;
    if (value <= Number.MAX_SAFE_INTEGER) {
      if (exactness === INEXACT) return flonum(negative ? -value : value);
      return negative && value !== 0 ? -value : value;
    }
    const big = bigDigits(text, intStart, intEnd, radix);
    if (exactness === INEXACT) return flonum(Number(negative ? -big : big));
    return exactInteger(negative ? -big : big);
  }

  const c = text.charCodeAt(i);
  if (c === 47 /* / */) {
    if (intEnd === intStart) return false;
    i++;
    const denStart = i;
    for (; i < n; i++) if (digitValue(text.charCodeAt(i)) >= radix) return false;
    if (denStart === n) return false;
    const numerator = bigDigits(text, intStart, intEnd, radix);
    const denominator = bigDigits(text, denStart, n, radix);
    if (denominator === 0n) return ZERO_DENOMINATOR;
    const signed = negative ? -numerator : numerator;
    if (exactness === INEXACT) return flonum(ratioToDouble(signed, denominator));
    return exactRational(signed, denominator);
  }

  if (radix !== 10 || (c !== 46 /* . */ && !isExponentMarker(c))) return false;
  let fracStart = i;
  let fracEnd = i;
  if (c === 46) {
    i++;
    fracStart = i;
    while (i < n && isDecimalDigit(text.charCodeAt(i))) i++;
    fracEnd = i;
  }
  if (intEnd === intStart && fracEnd === fracStart) return false;
  let exponentStart = n;
  let marker = -1;
  if (i < n && isExponentMarker(text.charCodeAt(i))) {
    marker = i;
    i++;
    exponentStart = i;
    const s = text.charCodeAt(i);
    if (s === 43 || s === 45) i++;
    const digitsStart = i;
    while (i < n && isDecimalDigit(text.charCodeAt(i))) i++;
    if (i === digitsStart) return false;
  }
  if (i !== n) return false;
  if (exactness !== EXACT) {
    // JS reads only `e`; R5RS's `s f d l` all mean the one double precision here.
    const digits = text.slice(intStart, n);
    const magnitude = Number(
      marker < 0 ? digits : `${text.slice(intStart, marker)}e${text.slice(marker + 1, n)}`,
    );
    return flonum(negative ? -magnitude : magnitude);
  }

  // Exact decimal: digits × 10^(exponent − fraction length), computed without rounding.
  const exponentText = exponentStart < n ? text.slice(exponentStart, n) : "0";
  const exponent = Number(exponentText) - (fracEnd - fracStart);
  if (!(Math.abs(exponent) <= MAX_EXACT_EXPONENT)) return false;
  let mantissa = BigInt(text.slice(intStart, intEnd) + text.slice(fracStart, fracEnd) || "0");
  if (negative) mantissa = -mantissa;
  if (exponent >= 0) return exactInteger(mantissa * 10n ** BigInt(exponent));
  return exactRational(mantissa, 10n ** BigInt(-exponent));
}

/** `e`, or one of R5RS's precision markers `s f d l` (either case). */
function isExponentMarker(c: number): boolean {
  const lower = c | 0x20;
  return lower === 101 || lower === 115 || lower === 102 || lower === 100 || lower === 108;
}

function isDecimalDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function bigDigits(text: string, start: number, end: number, radix: number): bigint {
  const digits = text.slice(start, end);
  switch (radix) {
    case 16:
      return BigInt(`0x${digits}`);
    case 8:
      return BigInt(`0o${digits}`);
    case 2:
      return BigInt(`0b${digits}`);
    default:
      return BigInt(digits);
  }
}

/** The double nearest to n/d (d > 0); exact division when both fit in a double's mantissa. */
export function ratioToDouble(n: bigint, d: bigint): number {
  const limit = 9007199254740992n;
  if (n <= limit && n >= -limit && d <= limit) return Number(n) / Number(d);
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  // Scale so the quotient has about 70 significant bits, then let Number() round it.
  const shift = d.toString(2).length - magnitude.toString(2).length + 70;
  const q = shift >= 0 ? (magnitude << BigInt(shift)) / d : magnitude / (d << BigInt(-shift));
  const half = Math.trunc(shift / 2);
  const result = Number(q) * 2 ** -half * 2 ** -(shift - half);
  return negative ? -result : result;
}

// ### Complex numbers

// A complex number spanning text[i..n), after the prefix, once it is known not to be a real one.
function scanComplex(text: string, i: number, n: number, radix: number, exactness: number): unknown {
  const at = text.indexOf("@", i);
  if (at >= 0) {
    const magnitude = scanReal(text, i, at, radix, exactness);
    if (typeof magnitude === "symbol" || magnitude === false) return magnitude;
    const angle = scanReal(text, at + 1, n, radix, exactness);
    if (typeof angle === "symbol" || angle === false) return angle;
    return polar(magnitude as RealNumber, angle as RealNumber, exactness);
  }
  if ((text.charCodeAt(n - 1) | 0x20) !== 105 /* i */) return false;
  const end = n - 1;
  // The imaginary part starts at the last sign that is not an exponent's: `1e-3+2e-5i`.
  let split = -1;
  for (let k = end - 1; k > i; k--) {
    if (isSign(text.charCodeAt(k)) && !(radix === 10 && isExponentMarker(text.charCodeAt(k - 1)))) {
      split = k;
      break;
    }
  }
  let re: unknown;
  if (split < 0) {
    // A pure imaginary number needs its sign: `+2i`, `-i`, never `2i`.
    if (!isSign(text.charCodeAt(i))) return false;
    split = i;
    re = exactness === INEXACT ? flonum(0) : 0;
  } else {
    re = scanReal(text, i, split, radix, exactness);
    if (typeof re === "symbol" || re === false) return re;
  }
  let im: unknown;
  if (end - split === 1) {
    const unit = text.charCodeAt(split) === 45 ? -1 : 1;
    im = exactness === INEXACT ? flonum(unit) : unit;
  } else {
    im = scanReal(text, split, end, radix, exactness);
    if (typeof im === "symbol" || im === false) return im;
  }
  return rectangular(re as RealNumber, im as RealNumber);
}

function isSign(c: number): boolean {
  return c === 43 || c === 45;
}

// `m@a`: exact when the angle is exact zero (`2@0` is 2), else computed in doubles.
function polar(m: RealNumber, a: RealNumber, exactness: number): unknown {
  if (a === 0) return m;
  const dm = realToDouble(m);
  const da = realToDouble(a);
  const re = dm * Math.cos(da);
  const im = dm * Math.sin(da);
  if (exactness === EXACT) {
    if (!Number.isFinite(re) || !Number.isFinite(im)) return false;
    return rectangular(doubleToExact(re), doubleToExact(im));
  }
  return new Complex(flonum(re), flonum(im));
}

function realToDouble(x: RealNumber): number {
  if (typeof x === "number") return x;
  if (typeof x === "bigint") return Number(x);
  if (x instanceof Flonum) return x.value;
  return ratioToDouble(BigInt((x as Ratio).numerator), BigInt((x as Ratio).denominator));
}

// The exact rational a finite double denotes: m·2^-k, doubling until the mantissa is integral.
function doubleToExact(d: number): RealNumber {
  if (Number.isInteger(d)) return exactInteger(Number.isSafeInteger(d) ? d : BigInt(d));
  let m = d;
  let k = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    k++;
  }
  return exactRational(BigInt(m), 1n << BigInt(k));
}
