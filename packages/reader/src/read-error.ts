// ## Read errors
//
// One catalogue of reasons keyed by a stable code, so tests and callers pin the reason, not the
// wording. Every error carries a position; errors caused by text that simply stops too early are
// flagged `incomplete`, which is how a REPL knows to wait for more lines instead of complaining.

import { formatLocation, type SourceLocation } from "@termite/datum";

/** Why a read failed. Stable: callers and tests may switch on these. */
export type ReadErrorCode =
  | "unterminated-list"
  | "unterminated-vector"
  | "unterminated-bytevector"
  | "unterminated-string"
  | "unterminated-symbol"
  | "unterminated-comment"
  | "missing-datum"
  | "missing-char"
  | "unexpected-close"
  | "unexpected-dot"
  | "bad-dotted-list"
  | "bad-char-name"
  | "bad-number"
  | "bad-escape"
  | "bad-hash-syntax"
  | "bad-directive"
  | "bad-bytevector-element"
  | "undefined-label"
  | "duplicate-label"
  | "bad-label"
  | "reserved-char";

const MARKER = Symbol.for("@termite/reader/ReadError");

/**
 * A malformed or incomplete datum. The message reads `file:line:col: <what was found>, expected
 * <what>`; `found` and `expected` hold the two halves.
 */
export class ReadError extends Error {
  readonly [MARKER] = true;
  override readonly name = "ReadError";

  constructor(
    readonly code: ReadErrorCode,
    readonly location: SourceLocation,
    readonly found: string,
    readonly expected: string,
    /** True when the text ended too early: more input could make it readable. */
    readonly incomplete: boolean,
  ) {
    super(`${formatLocation(location)}: ${found}, expected ${expected}`);
  }

  /** True for a `ReadError` from any copy of this package (ESM, CJS, another version). */
  static isInstance(value: unknown): value is ReadError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
