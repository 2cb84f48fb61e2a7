// ## Identifiers, environments, and the expander as forms see it
//
// The vocabulary every part of the expander shares, in one module so that none of those parts
// imports another to name it: identifiers (symbols, and the aliases macros insert), bindings,
// scopes, libraries and top levels, and the `Expander` interface that special forms, derived
// forms and macros are written against (the class is in expander.ts).
//
// An environment is a chain of scopes, each a `Map` from identifier (a symbol, or an alias object) to what it means.
// The root of every chain is a top level (a library body, a script, a library's exports), which
// decides what an identifier bound nowhere means: an error in a library, a global `#name` in a
// script. Lookups cost one map probe per scope, never a scan of all names.

import type { CoreModule, Node, Variable } from "@termite/core";
import { intern, type Pair, type SourceLocation, type Sym } from "@termite/datum";
import type { ModuleName } from "@termite/namespace";
import type { ExpandErrorCode } from "./error-codes.js";

// ### Identifiers

/** An identifier renamed by a macro expansion. */
export class Alias {
  constructor(
    /** The identifier it renames (a symbol, or an alias for macros written by macros). */
    readonly name: Identifier,
    /** Where `name` is looked up when the alias is not bound at its use site. */
    readonly env: Env,
  ) {}

  /** The symbol at the bottom of the renaming chain. */
  get symbol(): Sym {
    let id: Identifier = this.name;
    while (id instanceof Alias) id = id.name;
    return id;
  }

  toString(): string {
    return this.symbol.name;
  }
}

export type Identifier = Sym | Alias;

// ### Bindings

/** A lexical variable. */
export interface LocalBinding {
  readonly kind: "local";
  readonly variable: Variable;
}

/** A global, by qualified name. */
export interface GlobalBinding {
  readonly kind: "global";
  readonly name: string;
  /** False for imported globals: R7RS forbids assigning them. */
  readonly assignable: boolean;
}

/** A special form of the expander itself: turns the whole form into core. */
export interface SpecialBinding {
  readonly kind: "special";
  readonly name: string;
  readonly expand: (form: unknown, env: Env, x: Expander) => Node;
}

/** A macro: turns the whole form into another form, expanded in turn. */
export interface MacroBinding {
  readonly kind: "macro";
  readonly name: string;
  readonly transform: (form: unknown, useEnv: Env, x: Expander) => unknown;
}

/** A keyword with no meaning of its own (`else`, `=>`, `...`, `_`, `unquote`): matched by binding. */
export interface AuxBinding {
  readonly kind: "aux";
  readonly name: string;
}

export type Binding = LocalBinding | GlobalBinding | SpecialBinding | MacroBinding | AuxBinding;

/** What a top level does with an identifier it does not bind. */
export type UnboundPolicy =
  /** Report it (library bodies, R7RS programs, library exports). */
  | { readonly kind: "error" }
  /** It is a global of this namespace (scripts, the REPL): `#name`. */
  | { readonly kind: "global"; readonly namespace: string };

// ### Scopes

export class Env {
  readonly bindings = new Map<Identifier, Binding>();
  readonly root: Env;
  /** Only meaningful on a root. */
  readonly unbound: UnboundPolicy;

  constructor(parent: Env | null, unbound: UnboundPolicy = { kind: "error" }) {
    this.parent = parent;
    this.root = parent === null ? this : parent.root;
    this.unbound = unbound;
  }

  readonly parent: Env | null;

  /** A new inner scope. */
  extend(): Env {
    return new Env(this);
  }

  define(id: Identifier, binding: Binding): void {
    this.bindings.set(id, binding);
  }
}

/**
 * What `id` means in `env`, or `undefined` when nothing binds it and the top level reports
 * unbound identifiers. Scripts' top levels bind unknown names on first use, to `#name`.
 */
export function resolve(id: Identifier, env: Env): Binding | undefined {
  for (;;) {
    for (let e: Env | null = env; e !== null; e = e.parent) {
      const b = e.bindings.get(id);
      if (b !== undefined) return b;
    }
    if (id instanceof Alias) {
      env = id.env;
      id = id.name;
      continue;
    }
    const policy = env.root.unbound;
    if (policy.kind === "global") {
      const b: GlobalBinding = { kind: "global", name: `${policy.namespace}#${id.name}`, assignable: true };
      env.root.bindings.set(id, b);
      return b;
    }
    return undefined;
  }
}

/** Where resolution of `id` ends: the symbol and the top level that would bind it. */
export function unboundSymbol(id: Identifier): Sym {
  while (id instanceof Alias) id = id.name;
  return id;
}

/** `free-identifier=?` on bindings: the same meaning. */
export function sameBinding(a: Binding | undefined, b: Binding | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (a.kind === "global" && b.kind === "global") return a.name === b.name;
  if (a.kind === "aux" && b.kind === "aux") return a.name === b.name;
  if (a.kind === "special" && b.kind === "special") return a.expand === b.expand;
  return false;
}

/** An empty top level that reports every identifier unbound: fresh identifiers live here. */
export const EMPTY_ENV = new Env(null);

/** A new identifier no other can capture or be captured by. */
export function freshIdentifier(name: string): Alias {
  return new Alias(intern(name), EMPTY_ENV);
}

// ### Libraries and top levels

/**
 * A library as the expander sees it: a name and a table of exports. Native libraries (the
 * runtime's primitives, the expander's keywords, TypeScript transformers) are filled through the
 * registry; libraries read from source also carry their expansion, which the runtime runs before
 * anything importing them.
 */
export interface Library {
  /** The flat name: `scheme/base`, `github.com/fred/hello@1.0`. */
  readonly name: string;
  readonly moduleName: ModuleName;
  /** Exported name -> binding, in export order. */
  readonly exports: Map<string, Binding>;
  /** The expansion, for a library read from source. */
  module?: CoreModule | undefined;
  /** The file it was read from, if any. */
  file?: string | undefined;
}

/** What an expansion asks of the library registry. */
export interface LibraryAccess {
  /** `cond-expand` features. */
  readonly features: ReadonlySet<string>;
  /** The library named `name`, read and expanded from source on first use; `undefined` if none. */
  library(name: ModuleName, at?: unknown): Library | undefined;
  /** True when the library is held or its source can be found (`cond-expand`'s `library`). */
  hasLibrary(nameForm: unknown): boolean;
  /** A file's text for `include`, `undefined` when it cannot be read. */
  readFile(path: string): string | undefined;
}

/** The top level being expanded: a library body, an R7RS program or a script. */
export interface TopLevel {
  readonly kind: "library" | "program" | "script";
  /** Namespace of this unit's own globals, without `#` (`""` for scripts and programs). */
  readonly namespace: string;
  readonly env: Env;
  /** Names this unit defines itself (as opposed to imports). */
  readonly defined: Set<Sym>;
  /** Whether `import` forms may appear among the body forms (scripts and the REPL). */
  readonly importsInBody: boolean;
  /** Called for an `import` form met in the body. */
  importForm?: (form: Pair, x: Expander) => void;
}

// ### The expander, as forms see it

/**
 * What a special form, derived form or macro is given: the expander of the unit being expanded.
 * The class is in expander.ts; forms are written against this interface so that they and the
 * expander, which dispatches to them, do not import each other.
 */
export interface Expander {
  /** Position of the innermost form being expanded that the reader located. */
  loc: SourceLocation | undefined;
  /** The file whose forms are being expanded (changes inside `include`). */
  file: string | undefined;
  readonly top: TopLevel;
  readonly registry: LibraryAccess;
  error(code: ExpandErrorCode, what: string, form?: unknown): never;
  malformed(what: string, form: unknown): never;
  /** The elements of a proper list, or a `malformed` error naming `what`. */
  items(list: unknown, what: string, whole?: unknown): unknown[];
  identifier(x: unknown, what: string, whole: unknown): Identifier;
  newVariable(id: Identifier | string): Variable;
  /** A counter for the uids of record types defined inside bodies. */
  nextRecordType(): number;
  /** Runs `f` with `form`'s position as the current one, when the reader located it. */
  at<T>(form: unknown, f: () => T): T;
  /** An identifier that means the built-in keyword `name` wherever it is inserted. */
  keyword(name: string): Identifier;
  expand(form: unknown, env: Env): Node;
  sequence(nodes: Node[]): Node;
  unbound(id: Identifier): never;
  isKeyword(x: unknown, env: Env, name: string): boolean;
  /** A lambda or `let` body: internal definitions, then expressions. */
  body(forms: unknown, env: Env, whole: unknown): Node;
  /** The forms of a top level, in order. */
  topLevel(forms: unknown[], env: Env): Node[];
  formals(spec: unknown, whole: unknown): { ids: Identifier[]; rest: Identifier | null };
}
