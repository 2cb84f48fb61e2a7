// ## Where a module's source lives
//
// The mapping of DESIGN §5, as data for the hosted loader and the expander's search path:
// `(github.com/fred hello @2.0)` is the repository `github.com/fred/hello` at tag `2.0`, else
// `v2.0` (when both exist on different commits the version is ambiguous: the hosted loader refuses
// it), with the module in `hello.sld` at the root (or `hello/hello.sld`); no version means the
// default branch. Installed copies sit side by side by version: `DIR/github.com/fred/hello/@2.0/`,
// with `@` alone for the development checkout; an ordinary library `(chibi test)` is
// `DIR/chibi/test.sld`.

import { ModuleNameError, quote } from "./errors.js";
import { type HostedModuleName, isVersionRange, type ModuleName } from "./module-name.js";
import { formatModuleName } from "./module-path.js";

/** Where to fetch a hosted module from. */
export interface HostedRepository {
  /** Host and path without scheme or version: `"github.com/fred/hello"` (the key of a host map). */
  readonly location: string;
  readonly host: string;
  /** The path below the host: `"fred/hello"`. */
  readonly path: string;
  /** The conventional public URL: `"https://github.com/fred/hello.git"`. */
  readonly url: string;
  /**
   * Tags to try in order (`["2.0", "v2.0"]`), `null` for the default branch; empty for a version
   * range (`^1.2`), which only a listing of the repository's tags resolves.
   */
  readonly tags: readonly string[] | null;
  /** Module files to try in order, relative to the repository root. */
  readonly files: readonly string[];
}

/**
 * Tags to try for a version: as written first, then, for a version that starts with a digit,
 * `v<version>`; any other version (`v2.0`, `main-fix`) only as written. A range has none.
 */
export function tagCandidates(version: string): string[] {
  if (isVersionRange(version)) return [];
  return /^[0-9]/.test(version) ? [version, `v${version}`] : [version];
}

/** Repository location, tags and module files for a hosted module. */
export function repositoryOf(name: HostedModuleName): HostedRepository {
  const path = name.path.join("/");
  const last = name.path[name.path.length - 1]!;
  return {
    location: `${name.host}/${path}`,
    host: name.host,
    path,
    url: `https://${name.host}/${path}.git`,
    tags: name.version === null ? null : tagCandidates(name.version),
    files: [`${last}.sld`, `${last}/${last}.sld`],
  };
}

/**
 * The directory name that holds one installed version: `@2.0`, or `@` for the default branch. A
 * range is never installed under its own name (the version it resolved to is), so it has none.
 */
export function versionDirectory(version: string | null): string {
  if (version !== null && isVersionRange(version))
    throw new ModuleNameError(
      "unresolved-range",
      `The version range ${quote(`@${version}`)} names no install directory; resolve it to a version first.`,
      { part: `@${version}` },
    );
  return `@${version ?? ""}`;
}

/**
 * Path segments of the installed module file below an install directory:
 * `["github.com", "fred", "hello", "@2.0", "hello.sld"]`, `["chibi", "test.sld"]`.
 * A relative reference must be resolved first.
 */
export function installPath(name: ModuleName): string[] {
  switch (name.kind) {
    case "hosted": {
      const last = name.path[name.path.length - 1]!;
      return [name.host, ...name.path, versionDirectory(name.version), `${last}.sld`];
    }
    case "library": {
      const parts = name.parts.map(String);
      return [...parts.slice(0, -1), `${parts[parts.length - 1]}.sld`];
    }
    case "relative":
      throw new ModuleNameError(
        "unresolved-relative",
        `The relative reference ${quote(formatModuleName(name))} has no install path; resolve it against the module that contains it first.`,
        { part: formatModuleName(name) },
      );
  }
}

/**
 * Every place an installed module file may be, in the order to try: a hosted module's checkout
 * holds it at its root or in a directory of its name (`…/@2.0/hello.sld`, then
 * `…/@2.0/hello/hello.sld`), as `repositoryOf(name).files` says; an ordinary library has one.
 */
export function installPaths(name: ModuleName): string[][] {
  if (name.kind !== "hosted") return [installPath(name)];
  const last = name.path[name.path.length - 1]!;
  const directory = installDirectory(name);
  return [
    [...directory, `${last}.sld`],
    [...directory, last, `${last}.sld`],
  ];
}

/** The checkout directory of a hosted module, as segments: `["github.com", "fred", "hello", "@2.0"]`. */
export function installDirectory(name: HostedModuleName): string[] {
  return [name.host, ...name.path, versionDirectory(name.version)];
}
