// ## define-library
//
// Expands one library to the ELS'20 shape: `(declare (block))`, `supply-module` of the name it
// was loaded under, `demand-module` for each hosted import, a namespace table, then the body.
// A hosted library's namespace comes from the name it was loaded under (with the version, which
// lives in the VCS), not from the name written in its `define-library`.

import type { CoreModule, LibraryMetadata, NamespaceRule } from "@termite/core";
import { intern, locationOf, MString, Pair, Sym } from "@termite/datum";
import {
  formatModuleName,
  libraryNamespace,
  type ModuleName,
  ModuleNameError,
  parseModuleName,
} from "@termite/namespace";
import { selectClause } from "./cond-expand.js";
import {
  type Binding,
  Env,
  type Expander,
  type Library,
  type LibraryAccess,
  type TopLevel,
} from "./environment.js";
import type { ExpandWarning } from "./error-codes.js";
import { ExpandError } from "./errors.js";
import { Expansion } from "./expander.js";
import { type ImportedSet, importSet } from "./import-sets.js";
import { includeForms } from "./include.js";
import { baseSymbol, isIdentifier, stripSyntax } from "./syntax.js";

const BUILD_OPTIONS: Record<string, Exclude<keyof LibraryMetadata, "namespace">> = {
  "cc-options": "ccOptions",
  "ld-options": "ldOptions",
  "ld-options-prelude": "ldOptionsPrelude",
  "pkg-config": "pkgConfig",
  "pkg-config-path": "pkgConfigPath",
};

function parseName(form: unknown, at: unknown): ModuleName {
  try {
    return parseModuleName(stripSyntax(form));
  } catch (e) {
    if (ModuleNameError.isInstance(e))
      throw new ExpandError(
        "bad-module-name",
        (e as Error).message,
        locationOf(at) ?? locationOf(form),
        form,
      );
    throw e;
  }
}

/** Flattens `cond-expand` and `include-library-declarations` among library declarations. */
function flattenDeclarations(decls: unknown[], x: Expander, out: unknown[]): void {
  for (const d of decls) {
    if (!(d instanceof Pair) || !(d.car instanceof Sym)) x.malformed("not a library declaration", d);
    const name = d.car.name;
    if (name === "cond-expand")
      flattenDeclarations(
        x.at(d, () => selectClause(d, x.registry.features, (n) => x.registry.hasLibrary(n), x)),
        x,
        out,
      );
    else if (name === "include-library-declarations")
      flattenDeclarations(
        x.at(d, () => includeForms(d, x, false)),
        x,
        out,
      );
    else out.push(d);
  }
}

function strings(d: Pair, x: Expander): string[] {
  return x.items(d.cdr, d.car instanceof Sym ? d.car.name : "declaration", d).map((s) => {
    const v = stripSyntax(s);
    if (v instanceof MString) return v.toString();
    if (v instanceof Sym) return v.name;
    return x.malformed("expected strings", d);
  });
}

export interface DefineLibraryOptions {
  /** The name it is loaded under (`github.com/fred/hello@2.0`); default: the written name. */
  readonly as?: ModuleName | undefined;
  readonly file?: string | undefined;
}

/** What expanding a `define-library` asks of the registry that reads it. */
export interface LibraryLoading extends LibraryAccess {
  /** Marks `flat` as being read, so that a library importing itself is reported. */
  beginLoading(flat: string, at?: unknown): void;
  endLoading(flat: string, library: Library | undefined): void;
  warn(warning: ExpandWarning): void;
}

/** Expands a `define-library` form and registers the library. */
export function expandDefineLibrary(
  registry: LibraryLoading,
  form: Pair,
  options: DefineLibraryOptions,
): Library {
  const rest = form.cdr;
  if (!(rest instanceof Pair))
    throw new ExpandError("malformed", "define-library needs a name", locationOf(form), form);
  const written = parseName(rest.car, form);
  const name = options.as ?? written;
  if (
    options.as !== undefined &&
    written.kind === "hosted" &&
    name.kind === "hosted" &&
    (written.host !== name.host || written.path.join("/") !== name.path.join("/"))
  )
    throw new ExpandError(
      "library-name-mismatch",
      `the library says it is ${formatModuleName(written)} but is loaded as ${formatModuleName(name)}`,
      locationOf(form),
      rest.car,
    );
  const flat = formatModuleName(name);
  registry.beginLoading(flat, form);
  let library: Library | undefined;
  try {
    library = expandLibraryBody(registry, form, rest, name, flat, options.file);
  } finally {
    registry.endLoading(flat, library);
  }
  return library;
}

function expandLibraryBody(
  registry: LibraryLoading,
  form: Pair,
  rest: Pair,
  name: ModuleName,
  flat: string,
  file: string | undefined,
): Library {
  const warnings: ExpandWarning[] = [];
  const host = {
    registry,
    file,
    warn(w: ExpandWarning) {
      warnings.push(w);
      registry.warn(w);
    },
  };

  // The namespace must be known before any definition: find a `namespace` declaration first.
  const probe = new Expansion(host, dummyTop());
  probe.loc = locationOf(form);
  const decls: unknown[] = [];
  flattenDeclarations(probe.items(rest.cdr, "define-library", form), probe, decls);
  let namespace = libraryNamespace(name);
  let declaredNamespace: string | undefined;
  for (const d of decls as Pair[]) {
    if ((d.car as Sym).name !== "namespace") continue;
    const [ns] = strings(d, probe);
    if (ns === undefined) probe.malformed("namespace takes a prefix", d);
    declaredNamespace = ns;
    if (name.kind === "hosted")
      host.warn({
        code: "namespace-ignored",
        message: `a hosted library's namespace is its module name (${flat}); the namespace declaration is kept as metadata only`,
        location: locationOf(d),
      });
    else namespace = ns.endsWith("#") ? ns.slice(0, -1) : ns;
  }

  const env = new Env(null);
  const top: TopLevel = { kind: "library", namespace, env, defined: new Set(), importsInBody: false };
  const x = new Expansion(host, top);
  x.loc = locationOf(form);

  const exportSpecs: [unknown, Pair][] = [];
  const imported: ImportedSet[] = [];
  const bodyForms: unknown[] = [];
  const options: Record<string, string[]> = {};
  let optionsDecl: Pair | undefined;

  for (const d of decls as Pair[]) {
    const keyword = (d.car as Sym).name;
    x.at(d, () => {
      switch (keyword) {
        case "export":
          for (const spec of x.items(d.cdr, "export", d)) exportSpecs.push([spec, d]);
          break;
        case "import":
          for (const spec of x.items(d.cdr, "import", d)) {
            const set = importSet(spec, name, x);
            imported.push(set);
            addImports(set, env, x, spec, false);
          }
          break;
        case "begin":
          bodyForms.push(...x.items(d.cdr, "begin", d));
          break;
        case "include":
        case "include-ci":
          bodyForms.push(...includeForms(d, x, keyword === "include-ci"));
          break;
        case "namespace":
          break;
        default: {
          const field = BUILD_OPTIONS[keyword];
          if (field === undefined) x.malformed(`unknown library declaration '${keyword}'`, d);
          (options[field] ??= []).push(...strings(d, x));
          optionsDecl ??= d;
        }
      }
    });
  }
  if (optionsDecl !== undefined)
    host.warn({
      code: "no-c-back-end",
      message: `${flat}: C build options (cc-options, ld-options, pkg-config...) are kept as metadata; this back end has no C step`,
      location: locationOf(optionsDecl),
    });

  const body = x.topLevel(bodyForms, env);

  const exports = new Map<string, Binding>();
  for (const [spec, decl] of exportSpecs) {
    let local: string;
    let external: string;
    if (isIdentifier(spec)) local = external = baseSymbol(spec).name;
    else {
      const parts = spec instanceof Pair ? x.items(spec, "export", decl) : [];
      if (parts.length !== 3 || !isIdentifier(parts[0]) || baseSymbol(parts[0]).name !== "rename")
        x.at(decl, () => x.malformed("an export is an identifier or (rename local external)", spec));
      local = baseSymbol(x.identifier(parts[1], "export", decl)).name;
      external = baseSymbol(x.identifier(parts[2], "export", decl)).name;
    }
    const b = env.bindings.get(intern(local));
    if (b === undefined)
      throw new ExpandError(
        "export-undefined",
        `${flat} exports '${local}', which it neither defines nor imports`,
        locationOf(spec) ?? locationOf(decl),
        spec,
      );
    exports.set(external, b.kind === "global" ? { kind: "global", name: b.name, assignable: false } : b);
  }

  const module: CoreModule = {
    kind: "library",
    block: true,
    supplies: flat,
    ...dependencies(imported),
    namespace: namespaceTable(`${namespace}#`, imported),
    exports: new Map(
      [...exports].filter(([, b]) => b.kind === "global").map(([n, b]) => [n, (b as { name: string }).name]),
    ),
    body,
    file,
    metadata: {
      ccOptions: options.ccOptions ?? [],
      ldOptions: options.ldOptions ?? [],
      ldOptionsPrelude: options.ldOptionsPrelude ?? [],
      pkgConfig: options.pkgConfig ?? [],
      pkgConfigPath: options.pkgConfigPath ?? [],
      namespace: declaredNamespace,
    },
    warnings,
  };
  return { name: flat, moduleName: name, exports, module, file };
}

function dummyTop(): TopLevel {
  return { kind: "library", namespace: "", env: new Env(null), defined: new Set(), importsInBody: false };
}

/**
 * Adds an import set's names to a top level. The same name twice is an error unless it means
 * the same thing, or `shadow` is set (scripts: a later import wins).
 */
export function addImports(set: ImportedSet, env: Env, x: Expander, spec: unknown, shadow: boolean): void {
  for (const [n, b] of set.names) {
    const sym = intern(n);
    const existing = env.bindings.get(sym);
    if (existing !== undefined && !shadow && !sameMeaning(existing, b))
      x.error(
        "import-conflict",
        `'${n}' is imported twice with different meanings (again from ${set.library.name})`,
        spec,
      );
    env.define(sym, b);
  }
}

function sameMeaning(a: Binding, b: Binding): boolean {
  if (a === b) return true;
  if (a.kind === "global" && b.kind === "global") return a.name === b.name;
  return false;
}

/** The hosted modules demanded and all libraries imported, in first-import order. */
export function dependencies(sets: readonly ImportedSet[]): { demands: string[]; imports: string[] } {
  const demands: string[] = [];
  const imports: string[] = [];
  for (const s of sets) {
    if (!imports.includes(s.library.name)) imports.push(s.library.name);
    if (s.library.moduleName.kind === "hosted" && !demands.includes(s.library.name))
      demands.push(s.library.name);
  }
  return { demands, imports };
}

/** The namespace table: this unit's own prefix, then each import's names grouped by prefix. */
export function namespaceTable(own: string, sets: readonly ImportedSet[]): NamespaceRule[] {
  const rules: NamespaceRule[] = [{ prefix: own }];
  for (const s of sets) {
    const groups = new Map<string, [string, string][]>();
    for (const [local, b] of s.names) {
      let prefix = "";
      let target = local;
      if (b.kind === "global") {
        const hash = b.name.lastIndexOf("#");
        prefix = b.name.slice(0, hash + 1);
        target = b.name.slice(hash + 1);
      } else if (b.kind !== "local") target = b.name;
      let g = groups.get(prefix);
      if (g === undefined) groups.set(prefix, (g = []));
      g.push([local, target]);
    }
    for (const [prefix, names] of groups) rules.push({ prefix, names });
  }
  return rules;
}
