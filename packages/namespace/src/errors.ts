// ## Errors
//
// One catalogue of reasons, keyed by a stable `code`, so tests and callers pin reasons rather than
// wording. Errors carry a `Symbol.for` marker so that a copy of this package loaded twice (ESM and
// CJS, or two versions) still recognises them, which `instanceof` cannot do.

import { formatLocation, locationOf } from "@termite/datum";

/** Why a module name, namespace rule or module alias was refused. */
export type ModuleNameErrorCode =
  /** Nothing to parse: `()`, `""`, `(..)`. */
  | "empty"
  /** Not a list of symbols and integers, nor a string. */
  | "not-a-name"
  /** The host (`github.com`) is not a valid DNS name. */
  | "bad-host"
  /** A hosted name with a host but no repository path: `(github.com)`. */
  | "no-path"
  /** A path or library part uses a character, shape or type that is not allowed. */
  | "bad-part"
  /** The tag after `@` is empty or malformed. */
  | "bad-version"
  /** `@tag` is followed by more parts. */
  | "version-not-last"
  /** A version on a name that is not hosted: `(scheme base @1.0)`. */
  | "version-not-hosted"
  /** `..` after an ordinary part, or a relative reference with a version. */
  | "bad-relative"
  /** `(.. .. x)` climbs above the host. */
  | "relative-escape"
  /** A version range (`@^1.2`) used where an exact version is needed (an install directory). */
  | "unresolved-range"
  /** A relative reference used where a resolved name is needed. */
  | "unresolved-relative"
  /** A namespace prefix that is neither `""` nor ends in `#`. */
  | "bad-prefix"
  /** A namespace rule or alias declaration that does not have the expected shape. */
  | "bad-declaration"
  /** Aliases rewrite a name back to itself through other aliases. */
  | "alias-cycle";

const MARKER = Symbol.for("@termite/namespace/ModuleNameError");

/**
 * A module name, namespace declaration or alias that cannot be used. `code` is the stable reason,
 * `part` the offending piece as written (quoted in the message), `form` the whole input.
 */
export class ModuleNameError extends Error {
  readonly code: ModuleNameErrorCode;
  readonly part?: string | undefined;
  readonly form?: unknown;
  readonly [MARKER] = true;

  constructor(code: ModuleNameErrorCode, message: string, details: { part?: string; form?: unknown } = {}) {
    const where = details.form === undefined ? undefined : locationOf(details.form);
    super(where ? `${formatLocation(where)}: ${message}` : message);
    this.name = "ModuleNameError";
    this.code = code;
    this.part = details.part;
    this.form = details.form;
  }

  /** True for a `ModuleNameError` from any copy of this package. */
  static isInstance(value: unknown): value is ModuleNameError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}

/** Quotes a piece of a name for a message: `"github..com"`. */
export function quote(text: string): string {
  return JSON.stringify(text);
}
