// ## (scheme complex) on the reals
//
// Every number here is real, so these are simple; any result with a non-zero imaginary part is
// an error saying complex numbers are not supported.

import { Flonum } from "@termite/datum";
import { abs } from "./arithmetic.js";
import { signOf } from "./compare.js";
import { complexUnsupported, FLO, kindOf, numberKind, toDouble, toInexact } from "./tower.js";

/** `(real-part z)`. */
export function realPart(z: unknown): unknown {
  numberKind("real-part", z, 0);
  return z;
}

/** `(imag-part z)`: always exact 0 for a real. */
export function imagPart(z: unknown): unknown {
  numberKind("imag-part", z, 0);
  return 0;
}

/** `(magnitude z)`. */
export function magnitude(z: unknown): unknown {
  numberKind("magnitude", z, 0);
  return abs(z);
}

/** `(angle z)`: 0 for non-negative reals, pi for negative ones. */
export function angle(z: unknown): unknown {
  const k = numberKind("angle", z, 0);
  const s = signOf("angle", z);
  if (Number.isNaN(s)) return z;
  if (s < 0 || (k === FLO && Object.is(toDouble(z), -0))) return Math.PI;
  return k === FLO ? new Flonum(0) : 0;
}

function isZeroReal(x: unknown): boolean {
  return signOf("", x) === 0;
}

/** `(make-rectangular x y)`: real only when y is zero. */
export function makeRectangular(x: unknown, y: unknown): unknown {
  numberKind("make-rectangular", x, 0);
  numberKind("make-rectangular", y, 1);
  if (!isZeroReal(y)) complexUnsupported("make-rectangular", x, y);
  return kindOf(y) === FLO ? toInexact(x) : x;
}

/** `(make-polar magnitude angle)`: real only when the angle is 0 or the magnitude is 0. */
export function makePolar(m: unknown, a: unknown): unknown {
  numberKind("make-polar", m, 0);
  numberKind("make-polar", a, 1);
  if (isZeroReal(a)) return kindOf(a) === FLO ? toInexact(m) : m;
  if (isZeroReal(m)) return m;
  return complexUnsupported("make-polar", m, a);
}
