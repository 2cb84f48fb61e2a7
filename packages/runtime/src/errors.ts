// ## Signalling errors from TypeScript
//
// Primitives written in TS signal a Scheme error by throwing a `SchemeRaise`. The machine turns
// that throw into a Scheme `raise` at the nearest point where it can (the frame protocol), so
// handlers installed by `with-exception-handler` and `guard` see an ordinary error object.

import { ErrorObject } from "@termite/datum";

const RAISE_MARK = Symbol.for("@termite/runtime/SchemeRaise");

/** A Scheme `raise` in flight through JS frames. `payload` is the raised Scheme object. */
export class SchemeRaise extends Error {
  readonly [RAISE_MARK] = true;
  constructor(
    readonly payload: unknown,
    /** True for `raise-continuable`. */
    readonly continuable = false,
  ) {
    super(payload instanceof ErrorObject ? payload.message : "non-error object raised");
  }
  static isInstance(e: unknown): e is SchemeRaise {
    return typeof e === "object" && e !== null && (e as Record<symbol, unknown>)[RAISE_MARK] === true;
  }
}

/** Signals `(error message irritant ...)` on behalf of the procedure `who`. */
export function schemeError(who: string | undefined, message: string, ...irritants: unknown[]): never {
  throw new SchemeRaise(new ErrorObject("error", message, irritants, who));
}

/** Signals a wrong-type error: `(car 5)` -> "car: expected a pair, got 5". */
export function typeError(who: string, expected: string, got: unknown, argIndex?: number): never {
  const which = argIndex === undefined ? "" : ` (argument ${argIndex + 1})`;
  throw new SchemeRaise(new ErrorObject("error", `expected ${expected}${which}`, [got], who));
}

/** Signals an index-out-of-range error. */
export function rangeError(who: string, index: unknown, low: number, high: number): never {
  throw new SchemeRaise(
    new ErrorObject("error", `index out of range, expected ${low} <= index < ${high}`, [index], who),
  );
}

/** Signals a file error (R7RS `file-error?`). */
export function fileError(who: string, message: string, ...irritants: unknown[]): never {
  throw new SchemeRaise(new ErrorObject("file", message, irritants, who));
}

/** Signals a read error (R7RS `read-error?`). */
export function readError(who: string, message: string, ...irritants: unknown[]): never {
  throw new SchemeRaise(new ErrorObject("read", message, irritants, who));
}
