// ## Hosted modules in a running system
//
// The part that wires @termite/hosted-loader into a system, in three places:
//
// - before a script, program or REPL input is expanded, the hosted modules it imports (and theirs)
//   are installed — automatically only for whitelisted locations, or when `confirm` says yes — and
//   the registry finds them in the install layout, a version range loading under the exact
//   version that names its globals;
// - a hosted library is compiled once into the compiled cache (compiled-cache.ts) and loaded from
//   it afterwards;
// - the wire's code resolver installs, compiles and loads the module of a received code
//   reference the node lacks, checking that both nodes compiled the same source.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type CompiledUnit, compileToFiles, loadCompiledText } from "@termite/compiler";
import type { CoreModule } from "@termite/core";
import type { CodeReference } from "@termite/datum";
import {
  HostedLoader,
  HostedLoaderError,
  type InstalledModule,
  type InstallManifest,
  MANIFEST_FILE,
} from "@termite/hosted-loader";
import { ExpandError, type LibrarySource } from "@termite/library-expander";
import {
  formatModuleName,
  type HostedModuleName,
  installDirectory,
  isHosted,
  type ModuleName,
  parseModulePath,
} from "@termite/namespace";
import { libraryUnitName, type SystemPart, type TermiteSystem } from "../system.js";
import { wireOf } from "../wire/install.js";
import { CompiledCache, type HostedUnitInputs, hostedUnitHash, hostedUnitSource } from "./compiled-cache.js";
import { type HostedImport, hostedImports } from "./imports.js";

/** A step of installing or compiling a module, for a progress display. */
export interface HostedProgress {
  readonly kind: "install" | "compile";
  readonly phase: "start" | "done" | "failed";
  readonly module: string;
}

export interface HostedModulesOptions {
  /** The loader (default: one over `root`, `env` and `whitelist`). */
  readonly loader?: HostedLoader;
  /** The install root (default: `TERMITE_HOME`, else the per-user directory). */
  readonly root?: string;
  /** Whitelist prefixes besides `ROOT/whitelist` and `TERMITE_WHITELIST` (the CLI's `--whitelist`). */
  readonly whitelist?: readonly string[];
  /** The environment git and the whitelist are read from (default: the process's). */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Asked once per location when an automatic install is outside the whitelist (the CLI asks on a
   * terminal); `true` installs it. Without it such installs are refused.
   */
  readonly confirm?: (module: string) => Promise<boolean>;
  /** Told of each install and compile, for a progress display. */
  readonly onProgress?: (event: HostedProgress) => void;
  /** Keep compiled hosted libraries on disk (default true). */
  readonly cache?: boolean;
}

const parts = new WeakMap<TermiteSystem, HostedModules>();

/** The hosted modules of `system`, when it was given `hostedModulesPart`. */
export function hostedModulesOf(system: TermiteSystem): HostedModules | undefined {
  return parts.get(system);
}

/** Hosted modules (import with auto-install, compiled cache, install on arrival) as a system part. */
export function hostedModulesPart(options: HostedModulesOptions = {}): SystemPart {
  return {
    name: "hosted-modules",
    install(system) {
      parts.set(system, new HostedModules(system, options));
    },
  };
}

export class HostedModules {
  readonly loader: HostedLoader;
  readonly cache: CompiledCache | undefined;
  /** Installs this system has seen, by requested and by exact flat name. */
  private readonly installed = new Map<string, InstalledModule>();
  private readonly pending = new Map<string, Promise<InstalledModule>>();
  /** Unit hash of each hosted library this system compiled, by exact flat name. */
  private readonly unitHashes = new Map<string, string>();
  /** Loads of modules named by received code references, by exact flat name (one per module). */
  private readonly arrivals = new Map<string, Promise<void>>();
  /** Modules loaded by `arrive`, by the flat name asked for. */
  private readonly arrived = new Set<string>();
  /** Locations the user was asked about (`confirm`), with the answer. */
  private readonly answers = new Map<string, Promise<boolean>>();

  constructor(
    readonly system: TermiteSystem,
    private readonly options: HostedModulesOptions = {},
  ) {
    this.loader =
      options.loader ??
      new HostedLoader({ root: options.root, env: options.env, whitelist: options.whitelist });
    this.cache = options.cache === false ? undefined : new CompiledCache(join(this.loader.root, "compiled"));
    system.registry.addSourceFinder((name) => this.findSource(name));
    // Installed exact versions are found there even when no import declared them beforehand (eval).
    system.registry.addSearchDirectory(this.loader.root);
    system.addSourcePreparer((text, file) => this.prepare(text, file));
    system.addUnitCompiler((module, unit) => this.compile(module, unit));
    wireOf(system)?.addCodeResolver((ref) => this.resolveCode(ref));
    // A global of a hosted module named by code that travels as its tree (a script's closure).
    wireOf(system)?.addModuleLoader({
      claims: (module) => parseHosted(module) !== undefined && !this.arrived.has(module),
      load: (module) => this.arrive(parseHosted(module)!),
    });
  }

  // ### Imports

  /** Installs what `text` imports (and what that imports); a failure is an error at the import. */
  async prepare(text: string, file?: string): Promise<void> {
    let imports: HostedImport[];
    try {
      imports = hostedImports(text, file);
    } catch {
      return; // a read error: the expander reports it with its position
    }
    for (const at of imports) {
      try {
        await this.provide(at.name);
      } catch (e) {
        if (!HostedLoaderError.isInstance(e)) throw e;
        throw new ExpandError(
          "unknown-library",
          `cannot install ${formatModuleName(at.name)}: ${e.message}`,
          at.location,
          at.form,
        );
      }
    }
  }

  /**
   * The installed copy of `name` (installing it if allowed) and of every hosted module it imports.
   * Concurrent calls for one name share one install.
   */
  provide(name: HostedModuleName, how: { readonly byHand?: boolean } = {}): Promise<InstalledModule> {
    const key = formatModuleName(name);
    const known = this.installed.get(key);
    if (known !== undefined) return Promise.resolve(known);
    let work = this.pending.get(key);
    if (work === undefined) {
      work = this.fetch(name, how.byHand === true).finally(() => this.pending.delete(key));
      this.pending.set(key, work);
    }
    return work;
  }

  /** `byHand`: asked for by a person (`termite install`), so are the modules it imports. */
  private async fetch(name: HostedModuleName, byHand: boolean): Promise<InstalledModule> {
    const flat = formatModuleName(name);
    let module = await this.loader.lookup(name);
    if (module === undefined) {
      const allowed = byHand || this.loader.isWhitelisted(name) || (await this.confirmed(name));
      // Refused before anything runs, with the loader's message on how to allow it.
      if (!allowed) module = await this.loader.install(name, { automatic: true });
      else module = await this.progress("install", flat, () => this.loader.install(name));
    }
    // Known before its imports are: a module importing itself through others is then the
    // expander's import cycle, not a wait on itself.
    this.installed.set(flat, module);
    this.installed.set(module.module, module);
    for (const imported of hostedImports(readFileSync(module.moduleFile, "utf8"), module.moduleFile))
      await this.provide(imported.name, { byHand });
    return module;
  }

  /** Runs `work` between a start and a done (or failed) progress event. */
  private async progress<T>(
    kind: HostedProgress["kind"],
    module: string,
    work: () => T | Promise<T>,
  ): Promise<T> {
    this.options.onProgress?.({ kind, phase: "start", module });
    try {
      const result = await work();
      this.options.onProgress?.({ kind, phase: "done", module });
      return result;
    } catch (e) {
      this.options.onProgress?.({ kind, phase: "failed", module });
      throw e;
    }
  }

  /** Asks `confirm` once per location whether a module outside the whitelist may install. */
  private confirmed(name: HostedModuleName): Promise<boolean> {
    const confirm = this.options.confirm;
    if (confirm === undefined) return Promise.resolve(false);
    const location = [name.host, ...name.path].join("/");
    let answer = this.answers.get(location);
    if (answer === undefined) {
      answer = confirm(formatModuleName(name));
      this.answers.set(location, answer);
    }
    return answer;
  }

  /** The registry's finder: an install seen by this system, under its exact name. */
  private findSource(name: ModuleName): LibrarySource | undefined {
    if (!isHosted(name)) return undefined;
    const module = this.installed.get(formatModuleName(name));
    if (module === undefined) return undefined;
    return { file: module.moduleFile, text: readFileSync(module.moduleFile, "utf8"), as: module.name };
  }

  // ### The compiled cache

  /** The install manifest of an exact hosted name, read synchronously (`undefined` if not installed). */
  private manifestOf(name: HostedModuleName): InstallManifest | undefined {
    const known = this.installed.get(formatModuleName(name));
    if (known !== undefined) return known.manifest;
    try {
      const file = join(this.loader.root, ...installDirectory(name), MANIFEST_FILE);
      return JSON.parse(readFileSync(file, "utf8")) as InstallManifest;
    } catch {
      return undefined;
    }
  }

  /** The unit compiler: an installed hosted library from the cache, compiled into it when stale. */
  private compile(module: CoreModule, unit: string): CompiledUnit | undefined {
    const name = hostedLibraryName(module);
    if (name === undefined) return undefined;
    const manifest = this.manifestOf(name);
    if (manifest === undefined) return undefined; // not installed: a library of a --search directory
    const imports: [string, string][] = [];
    for (const imported of module.imports) {
      const dependency = parseHosted(imported);
      if (dependency === undefined) continue;
      const exact = this.installed.get(imported)?.module ?? imported;
      imports.push([exact, this.unitHashes.get(exact) ?? this.manifestOf(dependency)?.sourceHash ?? "?"]);
    }
    const inputs: HostedUnitInputs = { module: module.supplies!, sourceHash: manifest.sourceHash, imports };
    const hash = hostedUnitHash(inputs);
    this.unitHashes.set(inputs.module, hash);
    let texts = this.cache?.read(name, hash);
    if (texts === undefined) {
      this.options.onProgress?.({ kind: "compile", phase: "start", module: inputs.module });
      try {
        texts = compileToFiles(module, { unit, source: hostedUnitSource(inputs) });
        this.cache?.write(name, texts);
      } catch (e) {
        this.options.onProgress?.({ kind: "compile", phase: "failed", module: inputs.module });
        throw e;
      }
      this.options.onProgress?.({ kind: "compile", phase: "done", module: inputs.module });
    }
    return loadCompiledText(texts.js, texts.manifest, this.system.globals);
  }

  /**
   * Compiles an installed module and the hosted modules it imports (installing them: asked for by
   * hand) into the cache without running them (`termite install`).
   */
  async compileInstalled(name: HostedModuleName): Promise<void> {
    const module = await this.provide(name, { byHand: true });
    this.system.registry.library(module.name);
    for (const m of this.system.registry.modules())
      if (m.supplies !== null && !this.unitHashes.has(m.supplies))
        this.compile(m, libraryUnitName(m.supplies));
  }

  // ### Code that arrives

  /** The wire's resolver: code of a hosted module, loaded first if this node lacks it. */
  private resolveCode(ref: CodeReference): unknown {
    const name = parseHosted(ref.module);
    if (name === undefined) return undefined;
    const check = (): unknown => {
      const here = this.unitHashes.get(ref.module);
      if (here !== undefined && ref.hash !== undefined && here !== ref.hash)
        throw new HostedLoaderError(
          "modified",
          `${ref.module}: the code received was compiled from other source than this node's copy ` +
            `(received unit hash ${ref.hash}, here ${here}): the version's tag may have moved or a copy ` +
            `was edited; run \`termite update ${ref.module}\` on the node whose copy is old`,
          ref.module,
        );
      return wireOf(this.system)?.compiled.resolve(ref);
    };
    if (this.unitHashes.has(ref.module)) return check();
    return this.arrive(name).then(check);
  }

  /** Installs (if allowed), checks, expands, compiles and runs a module; once per module. */
  arrive(name: HostedModuleName): Promise<void> {
    const key = formatModuleName(name);
    let work = this.arrivals.get(key);
    if (work === undefined) {
      work = this.load(name);
      this.arrivals.set(key, work);
      // A failure is for the messages that wait on it; a later message may try again.
      work.catch(() => this.arrivals.delete(key));
    }
    return work;
  }

  private async load(name: HostedModuleName): Promise<void> {
    const module = await this.provide(name);
    await this.loader.check(module.name); // files edited since the install
    this.system.registry.library(module.name);
    const result = await this.system.runPendingLibraries();
    if (!result.normal)
      throw new Error(`${module.module}: running the module's body failed: ${String(result.condition)}`);
    this.arrived.add(formatModuleName(name));
  }
}

function parseHosted(flat: string): HostedModuleName | undefined {
  try {
    const name = parseModulePath(flat);
    return isHosted(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

function hostedLibraryName(module: CoreModule): HostedModuleName | undefined {
  if (module.kind !== "library" || module.supplies === null) return undefined;
  return parseHosted(module.supplies);
}
