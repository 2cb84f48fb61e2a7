// ## Units of expansion: libraries, programs, scripts and REPL input
//
// - a *library* file is expanded under the module name it is loaded as;
// - an *R7RS program* sees only what its `import` forms bring;
// - a *script* starts with the default environment (every R7RS-small library plus Termite's
//   extras) and its `import` forms add to it; its own globals are `#name`;
// - a *session* (the REPL) is a script fed one form at a time, whose top level persists.

import type { CoreModule, Node } from "@termite/core";
import { intern, locationOf, Pair } from "@termite/datum";
import type { ModuleName } from "@termite/namespace";
import { readAll } from "@termite/reader";
import { builtinBindings } from "./builtins.js";
import { addImports, dependencies, namespaceTable } from "./define-library.js";
import type { Expander } from "./environment.js";
import { Env, type TopLevel } from "./environment.js";
import type { ExpandWarning } from "./error-codes.js";
import { ExpandError } from "./errors.js";
import { Expansion } from "./expander.js";
import { type ImportedSet, importSet } from "./import-sets.js";
import { type LibraryNameSpec, type LibraryRegistry, toModuleName } from "./library-registry.js";

/** The libraries a script starts with, when present in the registry (missing ones are skipped). */
export const DEFAULT_SCRIPT_LIBRARIES: readonly string[] = [
  "scheme/base",
  "scheme/case-lambda",
  "scheme/char",
  "scheme/complex",
  "scheme/cxr",
  "scheme/eval",
  "scheme/file",
  "scheme/inexact",
  "scheme/lazy",
  "scheme/load",
  "scheme/process-context",
  "scheme/read",
  "scheme/repl",
  "scheme/time",
  "scheme/write",
  "termite/extras",
];

export interface SourceOptions {
  /** The file the text comes from (positions and `include` use it). */
  readonly file?: string | undefined;
}

/** Expands a library file (`.sld`) loaded under the module name `as` (default: its written name). */
export function expandLibrary(
  registry: LibraryRegistry,
  text: string,
  options: SourceOptions & { readonly as?: LibraryNameSpec | undefined } = {},
): CoreModule {
  const as: ModuleName | undefined = options.as === undefined ? undefined : toModuleName(options.as);
  const lib = registry.loadSource({ file: options.file, text }, as);
  return lib.module!;
}

function hostFor(registry: LibraryRegistry, file: string | undefined, warnings: ExpandWarning[]) {
  return {
    registry,
    file,
    warn(w: ExpandWarning) {
      warnings.push(w);
      registry.warn(w);
    },
  };
}

function isImport(form: unknown): form is Pair {
  return form instanceof Pair && form.car === intern("import");
}

/** Expands an R7RS program: leading `import` forms, then the body; unbound names are errors. */
export function expandProgram(
  registry: LibraryRegistry,
  text: string,
  options: SourceOptions = {},
): CoreModule {
  const forms = readAll(text, { file: options.file });
  if (forms.length === 0 || !isImport(forms[0]))
    throw new ExpandError(
      "malformed",
      "an R7RS program begins with an import form",
      locationOf(forms[0]),
      forms[0],
    );
  const warnings: ExpandWarning[] = [];
  const env = new Env(null);
  const imported: ImportedSet[] = [];
  const top: TopLevel = {
    kind: "program",
    namespace: "",
    env,
    defined: new Set(),
    importsInBody: true,
    importForm: (form, x) => {
      for (const spec of x.items(form.cdr, "import", form)) {
        const set = importSet(spec, undefined, x);
        imported.push(set);
        addImports(set, env, x, spec, false);
      }
    },
  };
  env.define(intern("import"), builtinBindings().get("import")!);
  const x = new Expansion(hostFor(registry, options.file, warnings), top);
  const body = x.topLevel(forms, env);
  return unit("program", imported, body, options.file, warnings);
}

function unit(
  kind: "program" | "script",
  imported: readonly ImportedSet[],
  body: Node[],
  file: string | undefined,
  warnings: ExpandWarning[],
  extraImports: readonly string[] = [],
): CoreModule {
  const deps = dependencies(imported);
  const imports = [...extraImports];
  for (const i of deps.imports) if (!imports.includes(i)) imports.push(i);
  return {
    kind,
    block: false,
    supplies: null,
    demands: deps.demands,
    imports,
    namespace: namespaceTable("#", imported),
    exports: new Map(),
    body,
    file,
    warnings,
  };
}

export interface ScriptOptions extends SourceOptions {
  /** Libraries of the default environment (default: `DEFAULT_SCRIPT_LIBRARIES`). */
  readonly defaultLibraries?: readonly string[] | undefined;
  /**
   * The namespace of the session's own globals (default `""`: `#name`, the top level that scripts
   * and the REPL share). A session with another namespace sees none of their definitions.
   */
  readonly namespace?: string | undefined;
}

/**
 * A script's (or REPL's) top level, kept between inputs: definitions accumulate, `import` adds
 * bindings (a later import shadows an earlier one), `define-syntax` persists.
 */
export class ScriptSession {
  readonly env: Env;
  private readonly top: TopLevel;
  private readonly expander: Expander;
  private readonly warnings: ExpandWarning[] = [];
  private imported: ImportedSet[] = [];
  /** The default libraries found in the registry, imported at the start. */
  readonly defaultImports: readonly string[];

  constructor(
    readonly registry: LibraryRegistry,
    options: ScriptOptions = {},
  ) {
    const namespace = options.namespace ?? "";
    this.env = new Env(null, { kind: "global", namespace });
    this.top = {
      kind: "script",
      namespace,
      env: this.env,
      defined: new Set(),
      importsInBody: true,
      importForm: (form, x) => {
        for (const spec of x.items(form.cdr, "import", form)) {
          const set = importSet(spec, undefined, x);
          this.imported.push(set);
          for (const n of set.names.keys()) this.top.defined.delete(intern(n));
          addImports(set, this.env, x, spec, true);
        }
      },
    };
    this.expander = new Expansion(hostFor(registry, options.file, this.warnings), this.top);
    const defaults: string[] = [];
    for (const name of options.defaultLibraries ?? DEFAULT_SCRIPT_LIBRARIES) {
      const lib = registry.library(toModuleName(name));
      if (lib === undefined) continue;
      defaults.push(lib.name);
      for (const [n, b] of lib.exports) this.env.define(intern(n), b);
    }
    this.env.define(intern("import"), builtinBindings().get("import")!);
    this.defaultImports = defaults;
  }

  /** Expands a whole script text (or the next chunk of REPL input) as one unit. */
  expandText(text: string, options: SourceOptions = {}): CoreModule {
    return this.expandForms(readAll(text, { file: options.file ?? this.expander.file }), options.file);
  }

  /** Expands data already read (each a top-level form), in order, as one unit. */
  expandForms(forms: readonly unknown[], file?: string): CoreModule {
    this.imported = [];
    this.warnings.length = 0;
    const saved = this.expander.file;
    if (file !== undefined) this.expander.file = file;
    this.expander.loc = undefined;
    try {
      const body = this.expander.topLevel([...forms], this.env);
      return unit("script", this.imported, body, file ?? saved, [...this.warnings], this.defaultImports);
    } finally {
      this.expander.file = saved;
    }
  }

  /** True when `name` is defined by the script itself (not imported). */
  defines(name: string): boolean {
    return this.top.defined.has(intern(name));
  }
}

/** Expands a script: the default environment plus its own imports; its globals are `#name`. */
export function expandScript(
  registry: LibraryRegistry,
  text: string,
  options: ScriptOptions = {},
): CoreModule {
  return new ScriptSession(registry, options).expandText(text, options);
}
