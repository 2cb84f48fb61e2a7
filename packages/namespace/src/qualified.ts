// ## Qualified global names
//
// Every global a module defines is `namespace#name`: `github.com/fred/hello@2.0#hi`. Scripts and
// the REPL use the empty namespace (`#hi`); an ordinary library uses its flat name
// (`scheme/base#car`, `srfi/1#fold`). Namespaces never contain `#` (no module name part may), so the
// last `#` of a qualified name is the one `qualify` added whenever the identifier itself has none.
// Following Gambit, an identifier that already contains `#` counts as qualified: namespace tables
// leave it alone, so `splitQualified` reads it by its own last `#`.

import { ModuleNameError, quote } from "./errors.js";
import type { ModuleName } from "./module-name.js";
import { formatModuleName } from "./module-path.js";

/** The namespace of script and REPL top levels: their globals are `#name`. */
export const SCRIPT_NAMESPACE = "";

/** `namespace#identifier`: `qualify("github.com/fred/hello@2.0", "hi")` is `"github.com/fred/hello@2.0#hi"`. */
export function qualify(namespace: string, identifier: string): string {
  return `${namespace}#${identifier}`;
}

/** Splits at the last `#`; `null` when there is none (the name is not qualified). */
export function splitQualified(qualified: string): { namespace: string; name: string } | null {
  const at = qualified.lastIndexOf("#");
  if (at < 0) return null;
  return { namespace: qualified.slice(0, at), name: qualified.slice(at + 1) };
}

/** True when `name` contains a `#`, the mark of a qualified global. */
export function isQualified(name: string): boolean {
  return name.includes("#");
}

/**
 * The namespace (without `#`) of a library's globals: its flat name, with the version for a hosted
 * module. `(github.com/fred hello @2.0)` -> `"github.com/fred/hello@2.0"`,
 * `(scheme base)` -> `"scheme/base"`, `(srfi 1)` -> `"srfi/1"`.
 */
export function libraryNamespace(name: ModuleName): string {
  if (name.kind === "relative")
    throw new ModuleNameError(
      "unresolved-relative",
      `The relative reference ${quote(formatModuleName(name))} has no namespace; resolve it against the module that contains it first.`,
      { part: formatModuleName(name) },
    );
  return formatModuleName(name);
}

/** The qualified name of `identifier` defined by library `name`: `scheme/base#car`. */
export function qualifiedGlobal(name: ModuleName, identifier: string): string {
  return qualify(libraryNamespace(name), identifier);
}
