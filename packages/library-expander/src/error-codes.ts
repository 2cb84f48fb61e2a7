// ## What can go wrong in an expansion, by stable code
//
// The codes alone, apart from the error class (errors.ts), so that the expander's interface
// (environment.ts) can name them without importing how messages are written.

import type { SourceLocation } from "@termite/datum";

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

/** A note that does not stop expansion (for example: C build options ignored). */
export interface ExpandWarning {
  readonly code: "no-c-back-end" | "namespace-ignored";
  readonly message: string;
  readonly location?: SourceLocation | undefined;
}
