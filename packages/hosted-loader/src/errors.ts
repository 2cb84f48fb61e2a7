// ## Errors
//
// One catalogue of reasons, keyed by a stable `code`, so the CLI, the wire and tests pin reasons
// rather than wording. A `Symbol.for` marker recognises the error across copies of this package
// (ESM and CJS builds, or two versions), which `instanceof` cannot.

/** Why an install, lookup or check of a hosted module failed. */
export type HostedLoaderErrorCode =
  /** The name is not a hosted module name (`scheme/base`), or is malformed. */
  | "bad-name"
  /** git could not reach the repository: unknown host, refused connection, no such repository. */
  | "unreachable"
  /** No tag matches the version or range; the message lists the tags that exist. */
  | "no-such-version"
  /** Both `1.0` and `v1.0` exist and point at different commits. */
  | "ambiguous-version"
  /** A whitelist entry (file, `TERMITE_WHITELIST`, option) that is not a location prefix. */
  | "bad-whitelist"
  /** An automatic install of a module outside the whitelist. */
  | "not-whitelisted"
  /** The repository at that version holds neither `NAME.sld` nor `NAME/NAME.sld`. */
  | "module-file-missing"
  /** The repository holds a symbolic link that points outside its own tree. */
  | "unsafe-link"
  /** The installed copy's sources differ from the hash recorded at install. */
  | "modified"
  /** An operation on an installed module that is not installed. */
  | "not-installed"
  /** Another process held the module's install lock for longer than the lock timeout. */
  | "lock-timeout"
  /** git failed in another way (the message carries git's own words). */
  | "git-failed";

const MARKER = Symbol.for("@termite/hosted-loader/HostedLoaderError");

/** A hosted module that cannot be fetched, installed or trusted; `module` is its flat name. */
export class HostedLoaderError extends Error {
  readonly code: HostedLoaderErrorCode;
  readonly module: string | undefined;
  readonly [MARKER] = true;

  constructor(code: HostedLoaderErrorCode, message: string, module?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "HostedLoaderError";
    this.code = code;
    this.module = module;
  }

  /** True for a `HostedLoaderError` from any copy of this package. */
  static isInstance(value: unknown): value is HostedLoaderError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
