// ## Expansion errors
//
// One error class for everything the expander refuses, with a stable `code` (tests pin the code,
// not the wording) and the reader's position of the offending form. Recognisable across copies of
// this package by a `Symbol.for` marker, since errors may cross package builds.

import { formatLocation, type SourceLocation } from "@termite/datum";
import { writeForm } from "./write-form.js";

/** Why an expansion failed. */
export type ExpandErrorCode =
  | "unknown-library"
  | "unbound-identifier"
  | "export-undefined"
  | "malformed"
  | "no-matching-rule"
  | "import-conflict"
  | "unknown-import"
  | "keyword-as-variable"
  | "assign-immutable"
  | "duplicate-definition"
  | "definition-after-expression"
  | "syntax-error"
  | "include-failed"
  | "import-cycle"
  | "library-name-mismatch"
  | "read-error"
  | "bad-module-name";

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

/** A note that does not stop expansion (for example: C build options ignored). */
export interface ExpandWarning {
  readonly code: "no-c-back-end" | "namespace-ignored";
  readonly message: string;
  readonly location?: SourceLocation | undefined;
}
