// ## Versions to git refs
//
// Pure rules over a repository's advertised refs (from `git ls-remote`), so they are tested
// without a network:
//
// - `@1.0` is tag `1.0`, else tag `v1.0`; both present on different commits is an error naming
//   both (on the same commit, either will do);
// - `@^1.2`, `@~1.4` are semver ranges: the newest tag that reads as a version (`1.4`, `v1.4.2`;
//   missing minor and patch count as 0) and satisfies the range; the module is then named by that
//   tag without its `v` (`@1.4`), which the first rule maps back to the same tag;
// - no version is the default branch (the remote's `HEAD`).

import { createRequire } from "node:module";
import {
  formatModuleName,
  type HostedModuleName,
  isVersionRange,
  tagCandidates,
  withVersion,
} from "@termite/namespace";
import type * as Semver from "semver";
import { HostedLoaderError } from "./errors.js";

// semver is loaded on first use: answering an installed module (the steady-state `import`) never
// needs it, and a program that imports this package should not pay for it then.
const requireHere = createRequire(import.meta.url);
let semverLibrary: typeof Semver | undefined;
function semver(): typeof Semver {
  if (semverLibrary === undefined) semverLibrary = requireHere("semver") as typeof Semver;
  return semverLibrary;
}

/** What a repository advertises: tags (peeled to commits) and the default branch. */
export interface RemoteRefs {
  /** Tag name -> the commit it points at (annotated tags peeled). */
  readonly tags: ReadonlyMap<string, string>;
  /** The default branch's name (`main`), when the server says which it is. */
  readonly defaultBranch: string | null;
  /** The commit of `HEAD`, or `null` for an empty repository. */
  readonly head: string | null;
}

/** Reads the output of `git ls-remote --symref URL`. */
export function parseRemoteRefs(output: string): RemoteRefs {
  const tags = new Map<string, string>();
  const peeled = new Map<string, string>();
  let defaultBranch: string | null = null;
  let head: string | null = null;
  for (const line of output.split("\n")) {
    const symref = /^ref: refs\/heads\/(\S+)\tHEAD$/.exec(line);
    if (symref !== null) {
      defaultBranch = symref[1]!;
      continue;
    }
    const ref = /^([0-9a-f]{40,64})\t(\S+)$/.exec(line);
    if (ref === null) continue;
    const [, commit, name] = ref as unknown as [string, string, string];
    if (name === "HEAD") head = commit;
    else if (name.startsWith("refs/tags/")) {
      const tag = name.slice("refs/tags/".length);
      if (tag.endsWith("^{}")) peeled.set(tag.slice(0, -3), commit);
      else tags.set(tag, commit);
    }
  }
  for (const [tag, commit] of peeled) tags.set(tag, commit);
  return { tags, defaultBranch, head };
}

/** Which ref an install takes: a tag, or the default branch. */
export interface ResolvedRef {
  /** The module at the exact version that names the install (`github.com/fred/hello@1.4`). */
  readonly name: HostedModuleName;
  /** The tag to clone, or `null` for the default branch. */
  readonly tag: string | null;
  /** The commit the ref points at, as advertised. */
  readonly commit: string;
}

/** Applies the version rules to a repository's refs; throws the loader's errors. */
export function resolveRef(name: HostedModuleName, refs: RemoteRefs): ResolvedRef {
  const module = formatModuleName(name);
  if (name.version === null) {
    if (refs.head === null)
      throw new HostedLoaderError(
        "no-such-version",
        `The repository of ${module} is empty: it has no default branch.`,
        module,
      );
    return { name, tag: null, commit: refs.head };
  }
  if (isVersionRange(name.version)) return resolveRange(name, name.version, refs);
  const found = tagCandidates(name.version).filter((tag) => refs.tags.has(tag));
  if (found.length === 0)
    throw new HostedLoaderError(
      "no-such-version",
      `No tag ${tagCandidates(name.version)
        .map((t) => `"${t}"`)
        .join(" or ")} for ${module}. ${tagsExisting(refs)}`,
      module,
    );
  const commits = new Set(found.map((tag) => refs.tags.get(tag)!));
  if (commits.size > 1)
    throw new HostedLoaderError(
      "ambiguous-version",
      `The version @${name.version} of ${module} is ambiguous: ${found
        .map((tag) => `tag "${tag}" is commit ${refs.tags.get(tag)!.slice(0, 12)}`)
        .join(", ")}. Delete or move one of the tags upstream, or name the other with @${found[1]}.`,
      module,
    );
  return { name, tag: found[0]!, commit: refs.tags.get(found[0]!)! };
}

function resolveRange(name: HostedModuleName, range: string, refs: RemoteRefs): ResolvedRef {
  const module = formatModuleName(name);
  let best: { version: Semver.SemVer; tag: string } | null = null;
  for (const tag of refs.tags.keys()) {
    const version = parseTagVersion(tag);
    if (version === null || !semver().satisfies(version, range)) continue;
    // Between `1.4` and `v1.4` (same version) the un-prefixed tag wins, as the exact rule says.
    if (
      best === null ||
      semver().gt(version, best.version) ||
      (semver().eq(version, best.version) && !tag.startsWith("v"))
    )
      best = { version, tag };
  }
  if (best === null)
    throw new HostedLoaderError(
      "no-such-version",
      `No tag of ${module} satisfies the range @${range}. ${tagsExisting(refs)}`,
      module,
    );
  const exact = best.tag.replace(/^v(?=[0-9])/, "");
  return resolveRef(withVersion(name, exact), refs);
}

/**
 * The version a tag stands for, in full semver form (`v1.4` -> `"1.4.0"`), or `null` when it is
 * not a version. A string, so that this package's public types do not depend on semver's.
 */
export function tagVersion(tag: string): string | null {
  return parseTagVersion(tag)?.version ?? null;
}

/** The parsed semver a tag stands for, or `null`. */
function parseTagVersion(tag: string): Semver.SemVer | null {
  const match = /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(-[0-9A-Za-z.-]+)?$/.exec(tag);
  if (match === null) return null;
  const [, major, minor = "0", patch = "0", pre = ""] = match;
  return semver().parse(`${major}.${minor}.${patch}${pre}`);
}

function tagsExisting(refs: RemoteRefs): string {
  const tags = [...refs.tags.keys()].sort(compareTags);
  return tags.length === 0 ? "The repository has no tags." : `Tags that exist: ${tags.join(", ")}.`;
}

/** Version tags in version order first, then the others alphabetically. */
export function compareTags(a: string, b: string): number {
  const x = parseTagVersion(a);
  const y = parseTagVersion(b);
  if (x !== null && y !== null) return semver().compare(x, y) || (a < b ? -1 : a > b ? 1 : 0);
  if (x !== null) return -1;
  if (y !== null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Of `versions` (install directory names without `@`), those satisfying `range`, newest first. */
export function newestSatisfying(versions: readonly string[], range: string): string[] {
  return versions
    .map((version) => ({ version, parsed: parseTagVersion(version) }))
    .filter(
      (v): v is { version: string; parsed: Semver.SemVer } =>
        v.parsed !== null && semver().satisfies(v.parsed, range),
    )
    .sort((a, b) => semver().rcompare(a.parsed, b.parsed))
    .map((v) => v.version);
}
