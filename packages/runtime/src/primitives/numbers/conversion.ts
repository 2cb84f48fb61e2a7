// ## exact inexact (and the R5RS names exact->inexact inexact->exact)
//
// A complex number converts part by part: `(exact 1.5+2.5i)` is 3/2+5/2i and `(exact 1+0.0i)`
// is the real 1, since its imaginary part becomes exact zero.

import { Complex, type RealNumber, rectangular } from "@termite/datum";
import { numberKind, toExact, toInexact } from "./tower.js";

function exactNamed(who: string): (x: unknown) => unknown {
  return (x: unknown): unknown => {
    if (typeof x === "number" && Number.isInteger(x)) return x;
    numberKind(who, x, 0);
    if (x instanceof Complex) {
      return rectangular(toExact(who, x.real) as RealNumber, toExact(who, x.imag) as RealNumber);
    }
    return toExact(who, x);
  };
}

function inexactNamed(who: string): (x: unknown) => unknown {
  return (x: unknown): unknown => {
    numberKind(who, x, 0);
    if (x instanceof Complex)
      return new Complex(toInexact(x.real) as RealNumber, toInexact(x.imag) as RealNumber);
    return toInexact(x);
  };
}

/** `(exact z)`: `(exact 2.5)` is 5/2; infinities and NaN have no exact value. */
export const exact = exactNamed("exact");
/** `(inexact z)`. */
export const inexact = inexactNamed("inexact");
/** `(inexact->exact z)`, the R5RS name of `exact`. */
export const inexactToExact = exactNamed("inexact->exact");
/** `(exact->inexact z)`, the R5RS name of `inexact`. */
export const exactToInexact = inexactNamed("exact->inexact");
