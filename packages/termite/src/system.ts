// ## A Termite system: the packages composed into something that runs Scheme
//
// Boot order: the runtime's primitives become globals (`scheme/base#car`…) and native libraries of
// the expander's registry; the prelude library (Scheme code) is expanded, run, and its names
// re-exported from the R7RS libraries; then scripts, programs and REPL input can be expanded and
// run, each in a green thread. The optional parts (eval, `(termite)`, the wire) are `SystemPart`s
// given to the constructor; `createSystem` composes the standard system.

import { readFileSync } from "node:fs";
import {
  type CodeUnit,
  type CompiledUnit,
  compileUnit,
  type InterpretedUnit,
  interpretUnit,
} from "@termite/compiler";
import type { CoreModule, Node } from "@termite/core";
import { ErrorObject, write } from "@termite/datum";
import {
  DEFAULT_SCRIPT_LIBRARIES,
  expandProgram,
  LibraryRegistry,
  type LibraryRegistryOptions,
  ScriptSession,
} from "@termite/library-expander";
import {
  controlPrimitives,
  defaultScheduler,
  definePrimitives,
  type ExitReason,
  GlobalEnvironment,
  type IoContext,
  ioPrimitiveGroups,
  type PrimitiveGroup,
  primitiveGroups,
  processIoContext,
  type Scheduler,
  SchemeThread,
} from "@termite/runtime";
import { reportedByStarter } from "./reported-threads.js";
import { schemeFile } from "./scheme-files.js";

/** Names the prelude provides, and the R7RS libraries that export them. */
const PRELUDE_EXPORTS: Readonly<Record<string, readonly string[]>> = {
  "scheme/base": [
    "map",
    "for-each",
    "vector-map",
    "vector-for-each",
    "string-map",
    "string-for-each",
    "member",
    "assoc",
    "make-parameter",
    "call-with-port",
  ],
  "scheme/lazy": ["make-promise", "promise?", "force"],
  "scheme/file": [
    "call-with-input-file",
    "call-with-output-file",
    "with-input-from-file",
    "with-output-to-file",
  ],
  "termite/internal": ["with-parameters", "make-lazy-promise"],
  "termite/extras": [
    "call-with-output-string",
    "call-with-input-string",
    "with-output-to-string",
    "sort",
    "list-sort",
  ],
  "srfi/1": [
    "fold",
    "fold-right",
    "reduce",
    "filter",
    "remove",
    "partition",
    "find",
    "find-tail",
    "any",
    "every",
    "list-index",
    "delete",
    "delete!",
    "filter-map",
    "append-map",
    "count",
    "delete-duplicates",
    "list-tabulate",
    "member",
    "assoc",
    "map",
    "for-each",
  ],
  "srfi/132": ["list-sort", "vector-sort"],
};

/** The condition an interrupted evaluation ends with. */
function schemeInterrupt(): ErrorObject {
  return new ErrorObject("error", "interrupted", [], undefined);
}

export interface SystemOptions {
  /** The console, command line and environment of this node (default: the process's own). */
  readonly io?: IoContext;
  /** Primitive groups added to the standard ones (ports and I/O, the `(termite)` library…). */
  readonly groups?: readonly PrimitiveGroup[];
  /** Options of the library registry (search path, loader of hosted modules…). */
  readonly registry?: LibraryRegistryOptions;
  /** How core code runs: compiled to JavaScript (the default) or interpreted. */
  readonly backend?: Backend;
  /** The optional parts (eval, the `(termite)` library, the wire…), installed by `boot()`. */
  readonly parts?: readonly SystemPart[];
  /**
   * The scheduler of this system's threads, with their frame limit and exit hook (default: the
   * process's default scheduler). Give each system its own when several share a process.
   */
  readonly scheduler?: Scheduler;
}

/**
 * An optional part of a system: eval, the `(termite)` library, the wire, and next the transports
 * and the hosted loader all plug in this one way (`createSystem` gives the standard ones). A part
 * adds globals, libraries, syntax or listeners through the system's public methods.
 */
export interface SystemPart {
  /** What the part is, for errors and for `system.parts`. */
  readonly name: string;
  /** Runs before the prelude loads: for a part that must hear of every unit (the wire). */
  beforePrelude?(system: TermiteSystem): void;
  /** Runs once the prelude has run and its procedures are exported. */
  install?(system: TermiteSystem): void;
}

/** The two ways of running core code; they follow the same frame protocol and mix freely. */
export type Backend = "compile" | "interpret";

/** A unit of code the system has just made runnable, with its code table. */
export type LoadedUnit =
  | {
      readonly kind: "compiled";
      readonly module: CoreModule;
      readonly unit: string;
      readonly compiled: CompiledUnit;
    }
  | {
      readonly kind: "interpreted";
      readonly module: CoreModule;
      readonly unit: CodeUnit;
      readonly interpreted: InterpretedUnit;
    };

/** The outcome of running code in a green thread. */
export type RunResult = ExitReason;

export class TermiteSystem {
  readonly globals = new GlobalEnvironment();
  readonly io: IoContext;
  readonly registry: LibraryRegistry;
  /** Modules (by flat name) whose bodies have run in this system. */
  private readonly started = new Set<string>();
  private unitCounter = 0;
  private readonly unitListeners: ((loaded: LoadedUnit) => void)[] = [];
  private readonly primitiveGlobals = new Map<unknown, string>();
  private session: ScriptSession | undefined;
  /** The optional parts `boot()` installs, in order. */
  readonly parts: readonly SystemPart[];
  /** Runs this system's threads (and the threads they make). */
  readonly scheduler: Scheduler;

  /** How `load` runs core code. */
  backend: Backend;

  constructor(options: SystemOptions = {}) {
    this.backend = options.backend ?? "compile";
    this.parts = options.parts ?? [];
    this.scheduler = options.scheduler ?? defaultScheduler;
    this.registry = new LibraryRegistry(options.registry);
    this.io = options.io ?? processIoContext();
    const groups = [
      ...primitiveGroups,
      ...controlPrimitives(),
      ...ioPrimitiveGroups(this.io),
      ...(options.groups ?? []),
    ];
    this.installGroups(groups);
    // The prelude replaces these primitives with fuller versions written in Scheme, which call the
    // primitives under their own names: copies made before the replacement.
    const primitives: Record<string, string> = {
      "%member": "scheme/base#member",
      "%assoc": "scheme/base#assoc",
      "%make-parameter": "scheme/base#make-parameter",
      "%with-parameter-bindings": "termite/internal#with-parameter-bindings",
    };
    for (const [alias, global] of Object.entries(primitives))
      this.globals.define(`termite/internal#${alias}`, this.globals.lookup(global));
    this.registry.defineNativeLibrary("termite/internal", Object.keys(primitives));
  }

  /**
   * Makes each primitive a global and declares it in its library. A procedure exported by several
   * libraries (`cons` from (scheme base) and (srfi 1)) is one global, named after the first, so
   * that importing both is no conflict.
   */
  installGroups(groups: readonly PrimitiveGroup[]): void {
    const byLibrary = definePrimitives(this.globals, groups, this.primitiveGlobals);
    for (const [library, names] of byLibrary) this.registry.defineNativeLibrary(library, names);
  }

  /** Expands and runs the prelude, then exports its procedures from the standard libraries. */
  async boot(): Promise<this> {
    for (const part of this.parts) part.beforePrelude?.(this);
    const file = schemeFile("termite", "prelude.sld");
    this.registry.loadSource({ file, text: readFileSync(file, "utf8") });
    const result = await this.runStartedModules();
    if (!result.normal) throw new Error(`the prelude failed: ${String(result.condition)}`);
    // Each name also becomes a global of the library that exports it (`termite/internal#with-parameters`,
    // `scheme/lazy#force`): the expander's derived forms refer to some of them by that name.
    for (const [library, names] of Object.entries(PRELUDE_EXPORTS)) {
      for (const n of names)
        this.globals.define(`${library}#${n}`, this.globals.lookup(`termite/prelude#${n}`));
      this.registry.defineNativeLibrary(library, names);
    }
    this.globals.define("scheme/base#make-promise", this.globals.lookup("termite/prelude#make-promise"));
    for (const part of this.parts) part.install?.(this);
    return this;
  }

  /** How values are written back to a person (the REPL, `termite -e`). */
  write(value: unknown): string {
    return write(value);
  }

  /** The persistent top level of scripts and the REPL. */
  scriptSession(): ScriptSession {
    // As under Gambit's gsi, scripts also have SRFI 1 lists, SRFI 18 threads and the R5RS names
    // (`exact->inexact`, `scheme-report-environment`) at hand.
    this.session ??= new ScriptSession(this.registry, {
      defaultLibraries: [...DEFAULT_SCRIPT_LIBRARIES, "scheme/r5rs", "srfi/1", "srfi/18"],
    });
    return this.session;
  }

  /** Core code of one unit -> a thunk that runs it, compiled to JavaScript or interpreted. */
  load(module: CoreModule, backend: Backend = this.backend): () => unknown {
    // A library's unit is named after the library, so nodes that load libraries in another order
    // still generate the same code (and hash) for them; scripts and REPL input are numbered.
    const unit =
      module.kind === "library" && module.supplies !== null
        ? module.supplies.replace(/[/:~]/g, "_")
        : `u${this.unitCounter++}`;
    if (backend === "compile") {
      const compiled = compileUnit(module.body, this.globals, {
        module: module.supplies ?? "",
        unit,
        block: module.block,
      });
      for (const listener of this.unitListeners) listener({ kind: "compiled", module, unit, compiled });
      return compiled.run;
    }
    const node: Node =
      module.body.length === 0
        ? { kind: "quote", value: undefined }
        : module.body.length === 1
          ? module.body[0]!
          : { kind: "begin", body: module.body };
    const codeUnit: CodeUnit = { module: module.supplies ?? "", id: unit, node };
    const interpreted = interpretUnit(codeUnit, this.globals);
    for (const listener of this.unitListeners)
      listener({ kind: "interpreted", module, unit: codeUnit, interpreted });
    return interpreted.run;
  }

  /** Hears of every unit this system loads (the wire uses it to know what code can travel). */
  onUnitLoaded(listener: (loaded: LoadedUnit) => void): void {
    this.unitListeners.push(listener);
  }

  /**
   * The libraries expanded but not yet run, in order, each loaded and counted as started when
   * reached: the system runs them each in a green thread, `eval` in the caller's thread.
   */
  *unstartedLibraries(): Generator<{ readonly name: string; readonly run: () => unknown }> {
    for (const m of this.registry.modules()) {
      if (m.supplies === null || this.started.has(m.supplies)) continue;
      this.started.add(m.supplies);
      yield { name: m.supplies, run: this.load(m) };
    }
  }

  /** Runs the bodies of libraries expanded but not yet run, in order, each in a green thread. */
  private async runStartedModules(): Promise<RunResult> {
    for (const library of this.unstartedLibraries()) {
      const result = await this.runInThread(library.run, library.name);
      if (!result.normal) return result;
    }
    return { normal: true, value: undefined };
  }

  /**
   * Runs `thunk` as the main thread of something; resolves with how the thread ended. Aborting
   * `signal` ends the thread with an "interrupted" error (the REPL's Ctrl-C).
   */
  runInThread(thunk: () => unknown, name?: unknown, signal?: AbortSignal): Promise<RunResult> {
    return new Promise((resolve) => {
      const t = new SchemeThread(thunk, name, this.scheduler);
      // The caller reports how it ended; should it become a process, the node does not again.
      reportedByStarter.add(t);
      t.onExit(resolve);
      if (signal !== undefined) {
        // Between time slices: the thread is queued or parked, never on the JS stack here.
        const interrupt = (): void => {
          if (t.exit === undefined) t.finish({ normal: false, condition: schemeInterrupt() });
        };
        signal.addEventListener("abort", interrupt, { once: true });
        t.onExit(() => signal.removeEventListener("abort", interrupt));
      }
      t.start();
    });
  }

  /**
   * Expands and runs a script (or a chunk of REPL input) in the persistent top level; libraries
   * it imports from source run first. Resolves with how the main thread ended.
   */
  async runScript(
    text: string,
    file?: string,
    options?: { signal?: AbortSignal | undefined },
  ): Promise<RunResult> {
    const module = this.scriptSession().expandText(text, { file });
    return this.runUnit(module, options?.signal);
  }

  /** Expands and runs an R7RS program: it sees only what it imports. */
  async runProgram(text: string, file?: string): Promise<RunResult> {
    return this.runUnit(expandProgram(this.registry, text, { file }));
  }

  private async runUnit(module: CoreModule, signal?: AbortSignal): Promise<RunResult> {
    const libraries = await this.runStartedModules();
    if (!libraries.normal) return libraries;
    return this.runInThread(this.load(module), "main", signal);
  }
}
