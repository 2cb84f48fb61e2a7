// ## (scheme complex): real-part imag-part magnitude angle make-rectangular make-polar
//
// Non-real numbers are `Complex` values in rectangular form, each part exact or inexact on its
// own as in Gambit; a polar number is converted on construction.

import { Complex, Flonum, flonum, type RealNumber, rectangular } from "@termite/datum";
import { abs, add2, mul2 } from "./arithmetic.js";
import { signOf } from "./compare.js";
import { FLO, kindOf, numberKind, realKind, toDouble } from "./tower.js";
import { cos, sin, sqrt } from "./transcendental.js";

/** `(real-part z)`. */
export function realPart(z: unknown): unknown {
  numberKind("real-part", z, 0);
  return z instanceof Complex ? z.real : z;
}

/** `(imag-part z)`: exact 0 for a real, as Gambit answers. */
export function imagPart(z: unknown): unknown {
  numberKind("imag-part", z, 0);
  return z instanceof Complex ? z.imag : 0;
}

/** `(magnitude z)`: exact for exact parts whose sum of squares is a perfect square (3+4i → 5). */
export function magnitude(z: unknown): unknown {
  numberKind("magnitude", z, 0);
  if (!(z instanceof Complex)) return abs(z);
  if (kindOf(z.real) === FLO || kindOf(z.imag) === FLO)
    return flonum(Math.hypot(toDouble(z.real), toDouble(z.imag)));
  if (z.real === 0) return abs(z.imag);
  return sqrt(add2(mul2(z.real, z.real), mul2(z.imag, z.imag)));
}

/** `(angle z)`: 0 for non-negative reals, pi for negative ones, atan2 of the parts otherwise. */
export function angle(z: unknown): unknown {
  const k = numberKind("angle", z, 0);
  if (z instanceof Complex) return flonum(Math.atan2(toDouble(z.imag), toDouble(z.real)));
  const s = signOf("angle", z);
  if (Number.isNaN(s)) return z;
  if (s < 0 || (k === FLO && Object.is(toDouble(z), -0))) return Math.PI;
  return k === FLO ? new Flonum(0) : 0;
}

/** `(make-rectangular x y)`: x when y is exact zero. */
export function makeRectangular(x: unknown, y: unknown): unknown {
  realKind("make-rectangular", x, 0);
  realKind("make-rectangular", y, 1);
  return rectangular(x as RealNumber, y as RealNumber);
}

/** `(make-polar magnitude angle)`: the magnitude itself when the angle is exact zero. */
export function makePolar(m: unknown, a: unknown): unknown {
  realKind("make-polar", m, 0);
  realKind("make-polar", a, 1);
  if (a === 0 || m === 0) return m;
  return rectangular(mul2(m, cos(a)) as RealNumber, mul2(m, sin(a)) as RealNumber);
}
