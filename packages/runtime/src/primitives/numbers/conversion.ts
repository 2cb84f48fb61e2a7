// ## exact inexact (and the R5RS names exact->inexact inexact->exact)

import { numberKind, toExact, toInexact } from "./tower.js";

function exactNamed(who: string): (x: unknown) => unknown {
  return (x: unknown): unknown => {
    if (typeof x === "number" && Number.isInteger(x)) return x;
    numberKind(who, x, 0);
    return toExact(who, x);
  };
}

function inexactNamed(who: string): (x: unknown) => unknown {
  return (x: unknown): unknown => {
    numberKind(who, x, 0);
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
