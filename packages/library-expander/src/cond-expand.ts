// ## cond-expand
//
// Feature requirements: identifiers (features), `and`, `or`, `not`, `(library name)` and `else`.
// The features themselves live in the registry (see `defaultFeatures`).

import { Pair } from "@termite/datum";
import { hostPlatform } from "#host";
import type { Expander } from "./environment.js";
import { baseSymbol, isIdentifier, stripSyntax } from "./syntax.js";

/** The forms of the first clause whose requirement holds (none: no forms). */
export function condExpandBody(form: Pair, x: Expander): unknown[] {
  return selectClause(form, x.registry.features, (name) => x.registry.hasLibrary(name), x);
}

export function selectClause(
  form: Pair,
  features: ReadonlySet<string>,
  hasLibrary: (name: unknown) => boolean,
  x: Expander,
): unknown[] {
  const clauses = x.items(form.cdr, "cond-expand", form);
  for (const clause of clauses) {
    if (!(clause instanceof Pair)) x.malformed("a cond-expand clause is (requirement form ...)", form);
    if (holds(clause.car, features, hasLibrary, x, form))
      return x.items(clause.cdr, "cond-expand clause", form);
  }
  return [];
}

function holds(
  req: unknown,
  features: ReadonlySet<string>,
  hasLibrary: (name: unknown) => boolean,
  x: Expander,
  form: unknown,
): boolean {
  if (isIdentifier(req)) {
    const name = baseSymbol(req).name;
    return name === "else" || features.has(name);
  }
  if (req instanceof Pair && isIdentifier(req.car)) {
    const op = baseSymbol(req.car).name;
    const args = x.items(req.cdr, "cond-expand requirement", form);
    switch (op) {
      case "and":
        return args.every((a) => holds(a, features, hasLibrary, x, form));
      case "or":
        return args.some((a) => holds(a, features, hasLibrary, x, form));
      case "not":
        if (args.length !== 1) x.malformed("(not requirement) takes one requirement", req);
        return !holds(args[0], features, hasLibrary, x, form);
      case "library":
        if (args.length !== 1) x.malformed("(library name) takes one library name", req);
        return hasLibrary(stripSyntax(args[0]));
    }
  }
  return x.malformed("unknown cond-expand requirement", req);
}

/** The features every registry starts with: R7RS's, Termite's, the OS's and `javascript`. */
export function defaultFeatures(): string[] {
  const os = hostPlatform();
  const osFeatures =
    os === "win32"
      ? ["windows"]
      : os === "darwin"
        ? ["darwin", "macos", "unix", "posix"]
        : [os, "unix", "posix"];
  return [
    "r7rs",
    "termite",
    "exact-closed",
    "exact-complex",
    "ratios",
    "full-unicode",
    "full-continuations",
    "javascript",
    "node",
    ...osFeatures,
  ];
}
