// ## Module names
//
// The three kinds of name a `define-library` or an `import` may use, and the rules for their
// pieces. Every `ModuleName` this package hands out has passed these checks, so the flat form, the
// list form and the install path of a name are always well defined and read back to the same name.
//
// | kind     | list form                        | flat form                          |
// |----------|----------------------------------|------------------------------------|
// | hosted   | `(github.com/fred hello @2.0)`   | `github.com/fred/hello@2.0`        |
// | library  | `(scheme base)`, `(srfi 1)`      | `scheme/base`, `srfi/1`            |
// | relative | `(.. hello)`                     | `../hello`                         |

import { ModuleNameError, quote } from "./errors.js";

/** A module kept in a git repository: `(github.com/fred hello @2.0)`. */
export interface HostedModuleName {
  readonly kind: "hosted";
  /** The DNS host, lower case: `"github.com"`. */
  readonly host: string;
  /** The repository path below the host, never empty: `["fred", "hello"]`. */
  readonly path: readonly string[];
  /**
   * The tag written after `@` (`"2.0"`), a semver range (`"^1.2"`, `"~1.4"`, resolved by the
   * hosted loader to the newest matching tag), or `null` for the default branch.
   */
  readonly version: string | null;
}

/** An ordinary R7RS library name: `(scheme base)`, `(srfi 1)`. */
export interface LibraryName {
  readonly kind: "library";
  /** Symbols as strings, exact non-negative integers as numbers. */
  readonly parts: readonly (string | number)[];
}

/** A reference relative to the module that contains it: `(.. hello)`. */
export interface RelativeModuleName {
  readonly kind: "relative";
  /** How many `..` lead the name (at least 1). */
  readonly up: number;
  /** What follows the `..`s, never empty. */
  readonly parts: readonly string[];
}

export type ModuleName = HostedModuleName | LibraryName | RelativeModuleName;

// ### Pieces

// A path part and a tag share one rule: safe as a URL segment, a directory name and a git ref
// component on every platform.
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const CANONICAL_INTEGER = /^(?:0|[1-9][0-9]*)$/;
// Characters a library part may not hold: they would break the flat form or the file path.
const LIBRARY_PART_FORBIDDEN = /[\s/\\#@\u0000-\u001f\u007f]/u;

/** True when `text` reads as a canonical exact non-negative integer (`"1"`, not `"01"`). */
export function isCanonicalInteger(text: string): boolean {
  return CANONICAL_INTEGER.test(text) && Number.isSafeInteger(Number(text));
}

function segmentProblem(text: string): string | null {
  if (text === "") return "is empty";
  if (!SEGMENT.test(text)) {
    if (text.startsWith(".") || text.startsWith("-")) return "must not start with '.' or '-'";
    return "may only hold letters, digits, '_', '.' and '-'";
  }
  if (text.includes("..")) return "must not contain '..'";
  if (text.endsWith(".")) return "must not end with '.'";
  return null;
}

/** Checks a DNS host name and returns it in lower case. */
export function checkHost(host: string, form?: unknown): string {
  const lower = host.toLowerCase();
  const labels = lower.split(".");
  const fail = (why: string): never => {
    throw new ModuleNameError("bad-host", `Bad host ${quote(host)} in a hosted module name: ${why}.`, {
      part: host,
      form,
    });
  };
  if (labels.length < 2) fail("a host name contains a dot, like github.com");
  if (lower.length > 253) fail("it is longer than 253 characters");
  for (const label of labels) {
    if (label === "") fail("it has an empty label (two dots in a row, or a leading or trailing dot)");
    if (!HOST_LABEL.test(label))
      fail(`the label ${quote(label)} may only hold letters, digits and inner '-', at most 63 of them`);
  }
  return lower;
}

/** Checks one part of a hosted repository path (`fred`, `hello`). */
export function checkPathPart(part: string, form?: unknown): string {
  const why = segmentProblem(part);
  if (why !== null)
    throw new ModuleNameError("bad-part", `Bad path part ${quote(part)} in a module name: it ${why}.`, {
      part,
      form,
    });
  return part;
}

/**
 * True for a version that is a semver range rather than a tag: `^1.2` (compatible with 1.2) or
 * `~1.4` (patch releases of 1.4). Tags cannot start with these characters, so nothing is ambiguous.
 */
export function isVersionRange(version: string): boolean {
  return version.startsWith("^") || version.startsWith("~");
}

/** Checks a version: a tag, or `^`/`~` followed by one (the text after `@`). */
export function checkVersion(version: string, form?: unknown): string {
  const why = segmentProblem(isVersionRange(version) ? version.slice(1) : version);
  if (why !== null)
    throw new ModuleNameError(
      "bad-version",
      `Bad version ${quote(`@${version}`)}: a tag ${why === "is empty" ? "must follow '@'" : why}.`,
      { part: `@${version}`, form },
    );
  return version;
}

/** Checks one part of an ordinary library name (a symbol's name, or an exact integer). */
export function checkLibraryPart(part: string | number, first: boolean, form?: unknown): string | number {
  const fail = (shown: string, why: string): never => {
    throw new ModuleNameError("bad-part", `Bad library name part ${quote(shown)}: ${why}.`, {
      part: shown,
      form,
    });
  };
  if (typeof part === "number") {
    if (!Number.isSafeInteger(part) || part < 0 || Object.is(part, -0))
      fail(String(part), "a number in a library name is an exact non-negative integer");
    return part;
  }
  if (part === "") fail(part, "it is empty");
  if (part.startsWith("@")) fail(part, "only a hosted module name may carry an '@' version");
  if (LIBRARY_PART_FORBIDDEN.test(part))
    fail(part, "it must not hold '/', '\\', '#', '@', spaces or control characters");
  if (part.startsWith(".")) fail(part, "it must not start with '.'");
  if (/^[0-9]+$/.test(part))
    fail(part, "a symbol made only of digits would read back as a number; use the number itself");
  if (first && part.includes("."))
    fail(part, "a first part with a dot names a host, so it would read back as a hosted module name");
  return part;
}

// ### Constructors
//
// Each validates and normalises, so code that builds names by hand gets the same guarantees as code
// that parses them.

/** A validated hosted module name; the host is lower-cased. */
export function hostedModuleName(
  host: string,
  path: readonly string[],
  version: string | null = null,
): HostedModuleName {
  const checkedHost = checkHost(host);
  if (path.length === 0)
    throw new ModuleNameError(
      "no-path",
      `The hosted module name for host ${quote(host)} names no repository.`,
      {
        part: host,
      },
    );
  const checkedPath = path.map((part) => checkPathPart(part));
  return {
    kind: "hosted",
    host: checkedHost,
    path: checkedPath,
    version: version === null ? null : checkVersion(version),
  };
}

/** A validated ordinary library name. */
export function libraryName(parts: readonly (string | number)[]): LibraryName {
  if (parts.length === 0) throw new ModuleNameError("empty", "A library name needs at least one part.");
  return { kind: "library", parts: parts.map((part, i) => checkLibraryPart(part, i === 0)) };
}

/** A validated relative reference: `up` times `..`, then `parts`. */
export function relativeModuleName(up: number, parts: readonly string[]): RelativeModuleName {
  if (!Number.isSafeInteger(up) || up < 1)
    throw new ModuleNameError("bad-relative", `A relative module reference starts with '..' (got ${up}).`);
  if (parts.length === 0)
    throw new ModuleNameError("empty", "A relative module reference names a module after its '..'s.");
  return { kind: "relative", up, parts: parts.map((part) => checkPathPart(part)) };
}

/** The same hosted module at another version (`null`: the default branch). */
export function withVersion(name: HostedModuleName, version: string | null): HostedModuleName {
  return { ...name, version: version === null ? null : checkVersion(version) };
}

/** Type guards, for readers of a `ModuleName` union. */
export function isHosted(name: ModuleName): name is HostedModuleName {
  return name.kind === "hosted";
}
