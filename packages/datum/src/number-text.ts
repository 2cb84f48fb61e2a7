// ## Numbers as text
//
// `number->string` and the number part of `write`. Flonums use the shortest digits that read back
// to the same double (what JS `Number#toString` gives) and always show that they are inexact:
// `2.0` (a `.0` is added to integral values, as chibi and Racket print them), `1e21`, `1.5e-7`,
// `-0.0`, `+inf.0`, `-inf.0`, `+nan.0`. A non-real complex number is written in rectangular form
// as Gambit writes it: the real part unless it is exact zero, then the signed imaginary part and
// `i`, with an exact unit imaginary part as a bare sign (`+i`, `1-i`, `1.5+2.0i`, `+inf.0-nan.0i`).

import { datumError } from "./datum-error.js";
import { Complex, Flonum, Ratio } from "./values.js";

/**
 * The external representation of the Scheme number `n` in `radix` (2, 8, 10 or 16), as
 * `number->string` returns it. Throws a `TypeError` (code `NOT_A_NUMBER`) for non-numbers and a
 * `RangeError` (code `BAD_RADIX`) for other radixes.
 */
export function numberToString(n: unknown, radix = 10): string {
  if (radix !== 10 && radix !== 16 && radix !== 2 && radix !== 8) {
    throw datumError(RangeError, "BAD_RADIX", `number->string: radix must be 2, 8, 10 or 16, not ${radix}`);
  }
  if (typeof n === "number") {
    if (Number.isSafeInteger(n)) return n.toString(radix);
    // An unboxed integral double beyond the safe range is not canonical, but it is exact.
    if (Number.isInteger(n)) return BigInt(n).toString(radix);
    return flonumToString(n, radix);
  }
  if (typeof n === "bigint") return n.toString(radix);
  if (n instanceof Flonum) return flonumToString(n.value, radix);
  if (n instanceof Ratio) return `${n.numerator.toString(radix)}/${n.denominator.toString(radix)}`;
  if (n instanceof Complex) return complexToString(n, radix);
  throw datumError(TypeError, "NOT_A_NUMBER", `number->string: expected a number, got ${typeof n}`);
}

/** The text of the double `x` as an inexact Scheme number. */
export function flonumToString(x: number, radix = 10): string {
  if (Number.isNaN(x)) return "+nan.0";
  if (x === Number.POSITIVE_INFINITY) return "+inf.0";
  if (x === Number.NEGATIVE_INFINITY) return "-inf.0";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const s = x.toString(radix);
  if (radix === 10) {
    const e = s.indexOf("e");
    // JS writes `1e+21`; Scheme readers take `1e21`, and the exponent alone marks it inexact.
    if (e >= 0) return s.charCodeAt(e + 1) === 43 ? s.slice(0, e + 1) + s.slice(e + 2) : s;
  }
  return s.indexOf(".") >= 0 ? s : `${s}.0`;
}

function complexToString(z: Complex, radix: number): string {
  const re = z.real === 0 ? "" : numberToString(z.real, radix);
  if (z.imag === 1) return `${re}+i`;
  if (z.imag === -1) return `${re}-i`;
  const im = numberToString(z.imag, radix);
  // `-2`, `+inf.0`, `+nan.0` carry their sign; every other part needs a `+`.
  const c = im.charCodeAt(0);
  return c === 43 || c === 45 ? `${re}${im}i` : `${re}+${im}i`;
}
