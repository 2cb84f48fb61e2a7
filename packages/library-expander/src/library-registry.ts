// ## The library registry
//
// Every library an expansion may import: the expander's keywords (pre-registered in the R7RS
// libraries that export them), the runtime's primitives (`defineNativeLibrary`), transformers
// written in TypeScript (`defineSyntax`), and libraries read from `.sld` source, found through a
// loader callback or a module search path laid out as `installPaths` says.

import type { CoreModule } from "@termite/core";
import { intern, locationOf, Pair } from "@termite/datum";
import {
  formatModuleName,
  installPaths,
  type ModuleName,
  ModuleNameError,
  parseModuleName,
  parseModulePath,
} from "@termite/namespace";
import { readAll } from "@termite/reader";
import { join, readFromDisk } from "#host";
import { builtinBindings, KEYWORD_LIBRARIES } from "./builtins.js";
import { defaultFeatures } from "./cond-expand.js";
import { expandDefineLibrary } from "./define-library.js";
import { type Binding, Env, type Library } from "./environment.js";
import type { ExpandWarning } from "./error-codes.js";
import { ExpandError } from "./errors.js";
import { nativeMacro, type SyntaxTransformer } from "./transformer.js";

/** A library's source text, as a loader hands it over. */
export interface LibrarySource {
  readonly file?: string | undefined;
  readonly text: string;
  /**
   * The name the library loads under when it is not the name asked for: a hosted version range
   * (`github.com/fred/hello@^1.2`) resolved to the exact version installed (`@1.4.0`), which then
   * names its globals.
   */
  readonly as?: ModuleName | undefined;
}

/** Finds the source of a library the registry does not hold yet. */
export type LibraryLoader = (name: ModuleName) => LibrarySource | undefined;

/** How a library is named in this API: `["scheme", "base"]`, `"scheme/base"`, or a `ModuleName`. */
export type LibraryNameSpec = readonly (string | number)[] | string | ModuleName;

export interface LibraryRegistryOptions {
  /** Directories holding modules in the install layout (`DIR/github.com/fred/hello/@1.0/hello.sld`). */
  readonly searchPath?: readonly string[];
  /** Asked first for a library the registry does not hold. */
  readonly loader?: LibraryLoader;
  /** `cond-expand` features in addition to the default ones (`r7rs`, `termite`, ...). */
  readonly features?: readonly string[];
  /** Reads a file (for `include` and the search path); defaults to the file system. */
  readonly readFile?: (path: string) => string | undefined;
  /** Receives warnings (each is also kept on the module it concerns). */
  readonly onWarning?: (warning: ExpandWarning) => void;
}

/** The module name a spec denotes. */
export function toModuleName(spec: LibraryNameSpec): ModuleName {
  if (typeof spec === "string") return parseModulePath(spec);
  if (Array.isArray(spec)) return parseModulePath(spec.join("/"));
  return spec as ModuleName;
}

export class LibraryRegistry {
  readonly features: Set<string>;
  readonly searchPath: string[];
  private readonly libraries = new Map<string, Library>();
  private readonly loading = new Set<string>();
  private readonly loaded: CoreModule[] = [];
  private readonly exportEnvs = new Map<string, Env>();
  private readonly options: LibraryRegistryOptions;
  private readonly finders: LibraryLoader[] = [];

  constructor(options: LibraryRegistryOptions = {}) {
    this.options = options;
    this.features = new Set([...defaultFeatures(), ...(options.features ?? [])]);
    this.searchPath = [...(options.searchPath ?? [])];
    const builtins = builtinBindings();
    for (const [library, names] of Object.entries(KEYWORD_LIBRARIES)) {
      const lib = this.nativeLibrary(toModuleName(library));
      for (const n of names) lib.exports.set(n, builtins.get(n)!);
    }
  }

  // ### Filling the registry

  /**
   * Declares value exports of a library implemented by the runtime. A plain name `car` of
   * `(scheme base)` denotes the global `scheme/base#car`; an entry `[name, "other/lib#global"]`
   * (in a record or map) makes `name` denote another global, for re-exports.
   */
  defineNativeLibrary(
    name: LibraryNameSpec,
    exports: readonly string[] | Readonly<Record<string, string>> | ReadonlyMap<string, string>,
  ): void {
    const moduleName = toModuleName(name);
    const lib = this.nativeLibrary(moduleName);
    const entries: [string, string][] = Array.isArray(exports)
      ? (exports as readonly string[]).map((n) => [n, `${lib.name}#${n}`])
      : exports instanceof Map
        ? [...exports]
        : Object.entries(exports as Record<string, string>);
    for (const [n, global] of entries)
      lib.exports.set(n, { kind: "global", name: global, assignable: false });
    this.exportEnvs.delete(lib.name);
  }

  /** Exports a keyword implemented by a TypeScript transformer. */
  defineSyntax(name: LibraryNameSpec, keyword: string, transformer: SyntaxTransformer): void {
    const lib = this.nativeLibrary(toModuleName(name));
    lib.exports.set(
      keyword,
      nativeMacro(keyword, transformer, (l) => this.exportsEnvironment(l)),
    );
    this.exportEnvs.delete(lib.name);
  }

  /** Makes `target` export what `source` exports (all, or the names listed, or `{new: old}`). */
  reexport(
    target: LibraryNameSpec,
    source: LibraryNameSpec,
    names?: readonly string[] | Readonly<Record<string, string>>,
  ): void {
    const to = this.nativeLibrary(toModuleName(target));
    const from = this.library(toModuleName(source));
    if (from === undefined)
      throw new ExpandError("unknown-library", `unknown library ${formatModuleName(toModuleName(source))}`);
    const pairs: [string, string][] =
      names === undefined
        ? [...from.exports.keys()].map((n) => [n, n])
        : Array.isArray(names)
          ? (names as readonly string[]).map((n) => [n, n])
          : Object.entries(names as Record<string, string>);
    for (const [as, original] of pairs) {
      const b = from.exports.get(original);
      if (b === undefined)
        throw new ExpandError("unknown-import", `'${original}' is not exported by ${from.name}`);
      to.exports.set(as, b);
    }
    this.exportEnvs.delete(to.name);
  }

  /** Adds a module search directory (searched after those already there). */
  addSearchDirectory(dir: string): void {
    this.searchPath.push(dir);
  }

  // ### Finding libraries

  /** The library named `name`, read and expanded from source on first use; `undefined` if none. */
  library(name: ModuleName, at?: unknown): Library | undefined {
    const flat = formatModuleName(name);
    const known = this.libraries.get(flat);
    if (known !== undefined) return known;
    if (this.loading.has(flat))
      throw new ExpandError(
        "import-cycle",
        `library ${flat} imports itself (through its imports)`,
        locationOf(at),
        at,
      );
    const source = this.findSource(name);
    if (source === undefined) return undefined;
    if (source.as !== undefined) {
      const exact = this.libraries.get(formatModuleName(source.as));
      if (exact !== undefined) return exact;
    }
    return this.loadSource(source, source.as ?? name);
  }

  /** True when the library is held or its source can be found (`cond-expand`'s `library`). */
  hasLibrary(nameForm: unknown): boolean {
    let name: ModuleName;
    try {
      name = nameForm instanceof Pair ? parseModuleName(nameForm) : toModuleName(nameForm as LibraryNameSpec);
    } catch (e) {
      if (ModuleNameError.isInstance(e)) return false;
      throw e;
    }
    if (name.kind === "relative") return false;
    return this.libraries.has(formatModuleName(name)) || this.findSource(name) !== undefined;
  }

  /** The expansion of a library read from source, by flat name. */
  module(name: string): CoreModule | undefined {
    return this.libraries.get(name)?.module;
  }

  /** Every library expanded from source so far, dependencies before their users. */
  modules(): readonly CoreModule[] {
    return this.loaded;
  }

  /**
   * Adds a finder of library sources, asked after the `loader` option and before the search path
   * (how a system part such as the hosted modules' plugs in after the registry is made).
   */
  addSourceFinder(finder: LibraryLoader): void {
    this.finders.push(finder);
  }

  /** Where the source of `name` is: the loader first, then the finders, then each search directory. */
  findSource(name: ModuleName): LibrarySource | undefined {
    const fromLoader = this.options.loader?.(name);
    if (fromLoader !== undefined) return fromLoader;
    for (const finder of this.finders) {
      const found = finder(name);
      if (found !== undefined) return found;
    }
    if (name.kind === "relative") return undefined;
    const candidates = installPaths(name);
    for (const dir of this.searchPath) {
      for (const rel of candidates) {
        const file = join(dir, ...rel);
        const text = this.readFile(file);
        if (text !== undefined) return { file, text };
      }
    }
    return undefined;
  }

  /** Reads and expands a library from source, loaded under `as` (default: its written name). */
  loadSource(source: LibrarySource, as?: ModuleName): Library {
    const forms = readAll(source.text, { file: source.file });
    const def = forms.find((f) => f instanceof Pair && f.car === intern("define-library"));
    if (def === undefined)
      throw new ExpandError("malformed", `${source.file ?? "the source"} holds no define-library form`);
    return expandDefineLibrary(this, def as Pair, { as, file: source.file });
  }

  /**
   * Reads and expands every library of a source, in order: a library and the sub-libraries that
   * say what others take from it (the system's prelude declares so what each standard library
   * re-exports).
   */
  loadSources(source: LibrarySource): Library[] {
    const forms = readAll(source.text, { file: source.file });
    const defs = forms.filter((f) => f instanceof Pair && f.car === intern("define-library"));
    if (defs.length === 0)
      throw new ExpandError("malformed", `${source.file ?? "the source"} holds no define-library form`);
    return defs.map((def) => expandDefineLibrary(this, def as Pair, { file: source.file }));
  }

  readFile(path: string): string | undefined {
    return (this.options.readFile ?? readFromDisk)(path);
  }

  // ### For the expansion of libraries (internal)

  /** A top level binding exactly the exports of `library`, for identifiers that refer to them. */
  exportsEnvironment(library: string): Env {
    let env = this.exportEnvs.get(library);
    if (env !== undefined) return env;
    const lib = this.library(toModuleName(library));
    if (lib === undefined) throw new ExpandError("unknown-library", `unknown library ${library}`);
    env = new Env(null);
    for (const [n, b] of lib.exports) env.define(intern(n), b);
    this.exportEnvs.set(library, env);
    return env;
  }

  /** @internal */
  beginLoading(flat: string, at?: unknown): void {
    if (this.loading.has(flat) || this.libraries.has(flat))
      throw new ExpandError(
        "import-cycle",
        `library ${flat} is loaded twice (an import cycle?)`,
        locationOf(at),
        at,
      );
    this.loading.add(flat);
  }

  /** @internal */
  endLoading(flat: string, library: Library | undefined): void {
    this.loading.delete(flat);
    if (library !== undefined) {
      this.libraries.set(flat, library);
      if (library.module !== undefined) this.loaded.push(library.module);
    }
  }

  /** @internal */
  warn(warning: ExpandWarning): void {
    this.options.onWarning?.(warning);
  }

  private nativeLibrary(name: ModuleName): Library {
    const flat = formatModuleName(name);
    let lib = this.libraries.get(flat);
    if (lib === undefined) {
      lib = { name: flat, moduleName: name, exports: new Map<string, Binding>() };
      this.libraries.set(flat, lib);
    }
    return lib;
  }
}
