// ## Expansion errors
//
// One error class for everything the expander refuses, with a stable `code` (tests pin the code,
// not the wording) and the reader's position of the offending form. Recognisable across copies of
// this package by a `Symbol.for` marker, since errors may cross package builds.

import { formatLocation, type SourceLocation } from "@termite/datum";
import type { ExpandErrorCode } from "./error-codes.js";
import { writeForm } from "./write-form.js";

const MARKER = Symbol.for("@termite/library-expander/ExpandError");

export class ExpandError extends Error {
  readonly code: ExpandErrorCode;
  readonly location: SourceLocation | undefined;
  readonly form: unknown;
  /** The message without position and form: what went wrong. */
  readonly what: string;

  constructor(code: ExpandErrorCode, what: string, location?: SourceLocation, form?: unknown) {
    const where = location ? `${formatLocation(location)}: ` : "";
    const written = form === undefined ? "" : `: ${writeForm(form)}`;
    super(`${where}${what}${written}`);
    this.name = "ExpandError";
    this.code = code;
    this.location = location;
    this.form = form;
    this.what = what;
    (this as unknown as Record<symbol, boolean>)[MARKER] = true;
  }

  /** True for an `ExpandError` from any copy of this package. */
  static isInstance(value: unknown): value is ExpandError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
