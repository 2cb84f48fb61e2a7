// ## Errors raised by this package
//
// Each carries a stable `code` so callers and tests pin the reason, not the wording.

/** Reason codes of errors thrown by `@termite/datum`. */
export type DatumErrorCode = "NOT_A_NUMBER" | "BAD_RADIX";

/** A `TypeError`/`RangeError` with a stable `code`. */
export function datumError(
  kind: typeof TypeError | typeof RangeError,
  code: DatumErrorCode,
  message: string,
): Error & { code: DatumErrorCode } {
  return Object.assign(new kind(message), { code });
}
