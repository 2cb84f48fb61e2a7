// ## caar … cddddr
//
// The four two-letter compositions are in (scheme base) and written out, as `cadr` and `cddr`
// are common; the three- and four-letter ones of (scheme cxr) share one loop.

import { Pair } from "@termite/datum";
import { schemeError, typeError } from "../errors.js";
import { type PrimitiveSpec, prim } from "../primitive.js";

/** Signals that step `step` of `name` (0 = the first car/cdr applied) met a non-pair. */
function notAPair(name: string, step: number, x: unknown): never {
  if (step === 0) typeError(name, "a pair", x, 0);
  // cadr applies d then a: the failing value is (cdr x) for step 1.
  const applied = name.slice(name.length - 1 - step, name.length - 1);
  let expr = "x";
  for (let i = applied.length - 1; i >= 0; i--) expr = `(c${applied[i]}r ${expr})`;
  return schemeError(name, `expected ${expr} to be a pair, where x is the argument`, x);
}

export function caar(x: unknown): unknown {
  if (!(x instanceof Pair)) return notAPair("caar", 0, x);
  const y = x.car;
  if (!(y instanceof Pair)) return notAPair("caar", 1, x);
  return y.car;
}

export function cadr(x: unknown): unknown {
  if (!(x instanceof Pair)) return notAPair("cadr", 0, x);
  const y = x.cdr;
  if (!(y instanceof Pair)) return notAPair("cadr", 1, x);
  return y.car;
}

export function cdar(x: unknown): unknown {
  if (!(x instanceof Pair)) return notAPair("cdar", 0, x);
  const y = x.car;
  if (!(y instanceof Pair)) return notAPair("cdar", 1, x);
  return y.cdr;
}

export function cddr(x: unknown): unknown {
  if (!(x instanceof Pair)) return notAPair("cddr", 0, x);
  const y = x.cdr;
  if (!(y instanceof Pair)) return notAPair("cddr", 1, x);
  return y.cdr;
}

/** The composition named `name` (e.g. `caddr`), applied right to left. */
function composition(name: string): (x: unknown) => unknown {
  const takeCar = [...name.slice(1, -1)].reverse().map((letter) => letter === "a");
  return (x: unknown): unknown => {
    let v = x;
    for (let i = 0; i < takeCar.length; i++) {
      if (!(v instanceof Pair)) return notAPair(name, i, x);
      v = takeCar[i] ? v.car : v.cdr;
    }
    return v;
  };
}

/** caar, cadr, cdar, cddr: in (scheme base). */
export const cxrBaseBindings: Record<string, PrimitiveSpec> = {
  caar: prim(1, 1, caar),
  cadr: prim(1, 1, cadr),
  cdar: prim(1, 1, cdar),
  cddr: prim(1, 1, cddr),
};

function compositionsOfLength(n: number): string[] {
  let paths = [""];
  for (let i = 0; i < n; i++) paths = paths.flatMap((p) => [`${p}a`, `${p}d`]);
  return paths.map((p) => `c${p}r`);
}

/** The 24 compositions of three and four car/cdr: (scheme cxr). */
export const cxrBindings: Record<string, PrimitiveSpec> = Object.fromEntries(
  [...compositionsOfLength(3), ...compositionsOfLength(4)].map((name) => [
    name,
    prim(1, 1, composition(name)),
  ]),
);
