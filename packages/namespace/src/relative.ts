// ## Relative module references
//
// `(.. hello)` inside a module names a sibling: a module name is read like a directory path (a
// hosted module is a repository, which is a directory), each `..` drops one part of the containing
// module's name, and the parts after the `..`s are appended. The result keeps the containing
// module's host and version, so modules published together at one tag refer to each other at that
// tag. Climbing above the host (or above the first part of a library name) is an error.
//
// | inside                        | reference        | means                              |
// |-------------------------------|------------------|------------------------------------|
// | `github.com/fred/x@1.0`       | `(.. hello)`     | `github.com/fred/hello@1.0`        |
// | `gitlab.com/zoo/animals/cats` | `(.. .. birds)`  | `gitlab.com/zoo/birds`             |
// | `(scheme char)`               | `(.. base)`      | `(scheme base)`                    |

import { ModuleNameError, quote } from "./errors.js";
import {
  checkLibraryPart,
  type HostedModuleName,
  isCanonicalInteger,
  type LibraryName,
  type RelativeModuleName,
} from "./module-name.js";
import { formatModuleName } from "./module-path.js";

/** Resolves `rel` against the module `base` that contains it (see the rule above). */
export function resolveRelative(base: HostedModuleName, rel: RelativeModuleName): HostedModuleName;
export function resolveRelative(base: LibraryName, rel: RelativeModuleName): LibraryName;
export function resolveRelative(
  base: HostedModuleName | LibraryName,
  rel: RelativeModuleName,
): HostedModuleName | LibraryName;
export function resolveRelative(
  base: HostedModuleName | LibraryName,
  rel: RelativeModuleName,
): HostedModuleName | LibraryName {
  const from = base.kind === "hosted" ? base.path : base.parts;
  if (rel.up > from.length)
    throw new ModuleNameError(
      "relative-escape",
      `The reference ${quote(formatModuleName(rel))} climbs above ${quote(formatModuleName(base))}: it has ${rel.up} '..' but the name has only ${from.length} part${from.length === 1 ? "" : "s"} to climb.`,
      { part: formatModuleName(rel) },
    );
  const kept = from.slice(0, from.length - rel.up);
  if (base.kind === "hosted") return { ...base, path: [...(kept as string[]), ...rel.parts] };
  const appended = rel.parts.map((part) => (isCanonicalInteger(part) ? Number(part) : part));
  const parts = [...kept, ...appended];
  return { kind: "library", parts: parts.map((part, i) => checkLibraryPart(part, i === 0)) };
}
