// ## Module aliases
//
// `(define-module-alias alias target)` makes a short name stand for a longer one, in the scope where
// it appears and the scopes inside it. An alias is an unversioned name read as a *prefix*: every
// name that starts with its parts is rewritten to start with the target's parts instead.
//
// | alias                         | target                           | then            | means                          |
// |-------------------------------|----------------------------------|-----------------|--------------------------------|
// | `(zoo)`                       | `(gitlab.com/zoo)`               | `(zoo cats)`    | `(gitlab.com/zoo cats)`        |
// | `(github.com/fred hello)`     | `(github.com/fred hello @2.0)`   | same, no `@`    | `github.com/fred/hello@2.0`    |
// | `(gl)`                        | `(gitlab.com)`                   | `(gl zoo cats)` | `(gitlab.com/zoo cats)`        |
//
// A version written on the name wins over one on the target, so a target's version only pins
// imports that leave it out. Lookup is lexical: the innermost scope that has a matching alias
// decides, and within a scope the longest matching alias (the newest among equals). A rewritten name
// is looked up again, each alias applying at most once; a name that comes back to one seen before is
// a cycle and an error.

import { list as listFrom, listToArray, Sym } from "@termite/datum";
import { ModuleNameError, quote } from "./errors.js";
import {
  checkHost,
  hostedModuleName,
  isCanonicalInteger,
  libraryName,
  type ModuleName,
} from "./module-name.js";
import { parseModuleName } from "./module-name-datum.js";
import { formatModuleName } from "./module-path.js";

/** One side of an alias: the parts of a hosted name (host first) or of a library name. */
export interface ModuleNamePrefix {
  readonly kind: "hosted" | "library";
  /** Hosted: `[host, ...path]`; library: the parts. */
  readonly parts: readonly (string | number)[];
  /** Only on a target: the version it pins. */
  readonly version: string | null;
}

/** One `define-module-alias`. */
export interface ModuleAlias {
  readonly alias: ModuleNamePrefix;
  readonly target: ModuleNamePrefix;
}

const MAX_REWRITES = 64;

export class ModuleAliases {
  readonly #entries: ModuleAlias[] = [];

  /** A new scope; `parent` holds the aliases of the enclosing scopes. */
  constructor(readonly parent: ModuleAliases | null = null) {}

  /** A child scope: aliases defined in it are seen only there and in its own children. */
  extend(): ModuleAliases {
    return new ModuleAliases(this);
  }

  /**
   * Defines `alias` as standing for `target` in this scope. Each is a list datum as written in
   * `define-module-alias`, or a `ModuleName`. Returns `this`.
   */
  define(alias: unknown, target: unknown): this {
    const from = toPrefix(alias, "alias");
    if (from.version !== null)
      throw new ModuleNameError(
        "bad-declaration",
        `A module alias is written without a version (got ${quote(`@${from.version}`)}); put the version on the target to pin it.`,
        { part: `@${from.version}`, form: alias },
      );
    this.#entries.push({ alias: from, target: toPrefix(target, "target") });
    return this;
  }

  /** The aliases defined in this scope (not its parents), oldest first. */
  get entries(): readonly ModuleAlias[] {
    return this.#entries;
  }

  /** The name `name` stands for here. Relative references are returned unchanged. */
  resolve(name: ModuleName): ModuleName {
    if (name.kind === "relative") return name;
    const seen = new Set<string>([formatModuleName(name)]);
    const used = new Set<ModuleAlias>();
    let current: ModuleName = name;
    for (let step = 0; step < MAX_REWRITES; step++) {
      const found = this.#lookup(current, used);
      if (found === undefined) return current;
      used.add(found.entry);
      const next = rewrite(current, found.entry, found.rest);
      const key = formatModuleName(next);
      if (key === formatModuleName(current)) return current;
      if (seen.has(key))
        throw new ModuleNameError(
          "alias-cycle",
          `Module aliases rewrite ${quote(formatModuleName(name))} in a cycle back to ${quote(key)}.`,
          { part: formatModuleName(name) },
        );
      seen.add(key);
      current = next;
    }
    throw new ModuleNameError(
      "alias-cycle",
      `Module aliases rewrite ${quote(formatModuleName(name))} too many times.`,
      {
        part: formatModuleName(name),
      },
    );
  }

  /**
   * Parses and resolves a list datum from an `import`. Unlike `parseModuleName` it accepts a
   * version on a name that only an alias makes hosted: `(zoo cats @1.0)` with `(zoo)` aliased.
   */
  resolveForm(form: unknown): ModuleName {
    try {
      return this.resolve(parseModuleName(form));
    } catch (error) {
      if (!ModuleNameError.isInstance(error) || error.code !== "version-not-hosted") throw error;
      const elements = listToArray(form);
      const tag = (elements[elements.length - 1] as Sym).name.slice(1);
      const bare = parseModuleName(listFrom(elements.slice(0, -1)));
      const resolved = this.resolve(bare);
      if (resolved.kind !== "hosted") throw error;
      return hostedModuleName(resolved.host, resolved.path, tag);
    }
  }

  #lookup(
    name: ModuleName,
    used: ReadonlySet<ModuleAlias>,
  ): { entry: ModuleAlias; rest: (string | number)[] } | undefined {
    const parts = partsOf(name);
    for (let scope: ModuleAliases | null = this; scope !== null; scope = scope.parent) {
      let best: ModuleAlias | undefined;
      for (const entry of scope.#entries) {
        if (used.has(entry) || entry.alias.kind !== name.kind) continue;
        if (!startsWith(parts, entry.alias.parts)) continue;
        if (best === undefined || entry.alias.parts.length >= best.alias.parts.length) best = entry;
      }
      if (best !== undefined) return { entry: best, rest: parts.slice(best.alias.parts.length) };
    }
    return undefined;
  }
}

function partsOf(name: ModuleName): (string | number)[] {
  return name.kind === "hosted" ? [name.host, ...name.path] : name.kind === "library" ? [...name.parts] : [];
}

function startsWith(parts: readonly (string | number)[], prefix: readonly (string | number)[]): boolean {
  if (prefix.length > parts.length) return false;
  return prefix.every((part, i) => part === parts[i]);
}

function rewrite(name: ModuleName, entry: ModuleAlias, rest: (string | number)[]): ModuleName {
  const { target } = entry;
  const version = (name.kind === "hosted" ? name.version : null) ?? target.version;
  if (target.kind === "hosted") {
    const [host, ...path] = [...target.parts, ...rest].map(String);
    if (path.length === 0)
      throw new ModuleNameError(
        "no-path",
        `The alias for ${quote(formatModuleName(name))} leaves only the host ${quote(host!)}, no repository.`,
        { part: formatModuleName(name) },
      );
    return hostedModuleName(host!, path, version);
  }
  const parts = [...target.parts, ...rest].map((part) =>
    typeof part === "string" && isCanonicalInteger(part) ? Number(part) : part,
  );
  if (version !== null)
    throw new ModuleNameError(
      "version-not-hosted",
      `The alias turns ${quote(formatModuleName(name))} into an ordinary library name, which cannot carry ${quote(`@${version}`)}.`,
      { part: `@${version}` },
    );
  return libraryName(parts);
}

/** Reads one side of an alias; a host alone (`(gitlab.com)`) is allowed here. */
function toPrefix(value: unknown, role: "alias" | "target"): ModuleNamePrefix {
  const name = isModuleName(value) ? value : parseSide(value);
  if (name.kind === "relative")
    throw new ModuleNameError(
      "bad-declaration",
      `A module alias ${role} cannot be a relative reference (${quote(formatModuleName(name))}).`,
      { part: formatModuleName(name), form: value },
    );
  if (name.kind === "hosted")
    return { kind: "hosted", parts: [name.host, ...name.path], version: name.version };
  return { kind: "library", parts: name.parts, version: null };
}

function parseSide(
  form: unknown,
): ModuleName | { kind: "hosted"; host: string; path: string[]; version: string | null } {
  try {
    return parseModuleName(form);
  } catch (error) {
    if (!ModuleNameError.isInstance(error) || error.code !== "no-path") throw error;
    // Only a bare host reaches here: `(gitlab.com)` or `(gitlab.com @1.0)`.
    const elements = listToArray(form);
    const host = checkHost((elements[0] as Sym).name, form);
    const last = elements[elements.length - 1];
    const version = elements.length > 1 && last instanceof Sym ? last.name.slice(1) : null;
    return { kind: "hosted", host, path: [], version };
  }
}

function isModuleName(value: unknown): value is ModuleName {
  return (
    typeof value === "object" &&
    value !== null &&
    "kind" in value &&
    ((value as ModuleName).kind === "hosted" ||
      (value as ModuleName).kind === "library" ||
      (value as ModuleName).kind === "relative")
  );
}
