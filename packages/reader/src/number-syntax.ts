// ## Numeric syntax (R7RS §7.1.1)
//
//     #e#x-1F/2    prefix: radix and exactness in either order, each at most once
//     -1.5e-3      decimals and exponents in radix 10 only
//     +inf.0 -inf.0 +nan.0 -nan.0
//
// Numbers map to the representations declared in @termite/datum: exact integers as safe JS
// numbers or bigints, exact rationals as `Ratio`, flonums through `flonum()` (boxed when integral).
// Complex numbers are not part of Termite's numeric tower: their syntax is recognised only so
// that the reader can say so instead of reading `1+2i` as a symbol.

import { exactInteger, exactRational, flonum } from "@termite/datum";

/** Why a numeric-looking token is not a number we can build (internal to the reader). */
export const ZERO_DENOMINATOR: unique symbol = Symbol("zero denominator");
export const COMPLEX_SYNTAX: unique symbol = Symbol("complex syntax");

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
  if (real === false && isComplexSyntax(text, i, n, radix)) return COMPLEX_SYNTAX;
  return real;
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

  if (radix !== 10 || (c !== 46 /* . */ && (c | 0x20) !== 101) /* e */) return false;
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
  if (i < n && (text.charCodeAt(i) | 0x20) === 101) {
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
    const magnitude = Number(text.slice(intStart, n));
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

// `1+2i`, `+i`, `-2.5i`, `1@2`: complex syntax, which this numeric tower does not build.
function isComplexSyntax(text: string, i: number, n: number, radix: number): boolean {
  const at = text.indexOf("@", i);
  if (at > i) return isReal(text, i, at, radix) && isReal(text, at + 1, n, radix);
  if ((text.charCodeAt(n - 1) | 0x20) !== 105 /* i */) return false;
  const end = n - 1;
  if (end - i === 1 && isSign(text.charCodeAt(i))) return true;
  let split = -1;
  for (let k = end - 1; k > i; k--) {
    const c = text.charCodeAt(k);
    if (isSign(c) && !(radix === 10 && (text.charCodeAt(k - 1) | 0x20) === 101)) {
      split = k;
      break;
    }
  }
  if (split < 0) return isSign(text.charCodeAt(i)) && isReal(text, i, end, radix);
  const imaginaryOk = end - split === 1 || isReal(text, split, end, radix);
  return imaginaryOk && isReal(text, i, split, radix);
}

function isSign(c: number): boolean {
  return c === 43 || c === 45;
}

function isReal(text: string, start: number, end: number, radix: number): boolean {
  if (start >= end) return false;
  const r: unknown = scanReal(text, start, end, radix, NONE);
  return r !== false;
}
