// ## Import sets
//
// `only`, `except`, `prefix` and `rename`, nested to any depth, around a library name. The
// result keeps export order, so namespace tables and error messages read in a stable order.

import { Pair } from "@termite/datum";
import {
  formatModuleName,
  installPath,
  isHosted,
  type ModuleName,
  ModuleNameError,
  parseModuleName,
  resolveRelative,
} from "@termite/namespace";
import type { Binding, Expander, Library } from "./environment.js";
import { baseSymbol, isIdentifier, stripSyntax } from "./syntax.js";

export interface ImportedSet {
  readonly library: Library;
  /** Local name -> binding, in order. */
  readonly names: Map<string, Binding>;
}

const OPERATORS = new Set(["only", "except", "prefix", "rename"]);

/** Parses a library name form into a module name, resolving `(.. x)` against `within`. */
export function moduleNameOf(form: unknown, within: ModuleName | undefined, x: Expander): ModuleName {
  let name: ModuleName;
  try {
    name = parseModuleName(stripSyntax(form));
  } catch (e) {
    if (ModuleNameError.isInstance(e)) x.error("bad-module-name", (e as Error).message, form);
    throw e;
  }
  if (name.kind === "relative") {
    if (within === undefined || within.kind === "relative")
      x.error("bad-module-name", "a relative module name is allowed only inside a library", form);
    return resolveRelative(within, name);
  }
  return name;
}

export function importSet(spec: unknown, within: ModuleName | undefined, x: Expander): ImportedSet {
  if (spec instanceof Pair && isIdentifier(spec.car) && OPERATORS.has(baseSymbol(spec.car).name)) {
    const op = baseSymbol(spec.car).name;
    const args = x.items(spec.cdr, `import ${op}`, spec);
    if (args.length === 0) x.malformed(`${op} needs an import set`, spec);
    const inner = x.at(spec, () => importSet(args[0], within, x));
    const names = inner.names;
    const missing = (n: string): never =>
      x.error(
        "unknown-import",
        `'${n}' is not exported by (${inner.library.name.replace(/\//g, " ")})`,
        spec,
      );
    switch (op) {
      case "only": {
        const out = new Map<string, Binding>();
        for (const a of args.slice(1)) {
          const n = baseSymbol(x.identifier(a, "only", spec)).name;
          const b = names.get(n);
          out.set(n, b ?? missing(n));
        }
        return { library: inner.library, names: out };
      }
      case "except": {
        const out = new Map(names);
        for (const a of args.slice(1)) {
          const n = baseSymbol(x.identifier(a, "except", spec)).name;
          if (!out.delete(n)) missing(n);
        }
        return { library: inner.library, names: out };
      }
      case "prefix": {
        if (args.length !== 2 || !isIdentifier(args[1]))
          x.malformed("prefix takes an import set and an identifier", spec);
        const p = baseSymbol(args[1]).name;
        const out = new Map<string, Binding>();
        for (const [n, b] of names) out.set(p + n, b);
        return { library: inner.library, names: out };
      }
      case "rename": {
        const renames = new Map<string, string>();
        for (const r of args.slice(1)) {
          const pair = x.items(r, "rename", spec);
          if (pair.length !== 2) x.malformed("rename takes (old new) pairs", spec);
          const from = baseSymbol(x.identifier(pair[0], "rename", spec)).name;
          const to = baseSymbol(x.identifier(pair[1], "rename", spec)).name;
          if (!names.has(from)) missing(from);
          renames.set(from, to);
        }
        const out = new Map<string, Binding>();
        for (const [n, b] of names) out.set(renames.get(n) ?? n, b);
        return { library: inner.library, names: out };
      }
    }
  }
  const name = x.at(spec, () => moduleNameOf(spec, within, x));
  const library = x.at(spec, () => x.registry.library(name, spec));
  if (library === undefined) x.error("unknown-library", unknownLibraryMessage(name), spec);
  return { library, names: new Map(library.exports) };
}

/**
 * A hosted module that is not on the search path cannot be fetched yet (the git loader is being
 * built): say so, and how to make it available by hand, rather than only "unknown".
 */
function unknownLibraryMessage(name: ModuleName): string {
  if (!isHosted(name)) return `unknown library ${formatModuleName(name)}`;
  return (
    `hosted module ${formatModuleName(name)} is not installed, and fetching hosted modules from git ` +
    `is not there yet (in progress): put its files under a search directory DIR (termite run --search DIR) ` +
    `as DIR/${installPath(name).join("/")}`
  );
}
