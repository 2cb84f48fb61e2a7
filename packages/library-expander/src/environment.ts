// ## Environments
//
// A chain of scopes, each a `Map` from identifier (a symbol, or an alias object) to what it means.
// The root of every chain is a top level (a library body, a script, a library's exports), which
// decides what an identifier bound nowhere means: an error in a library, a global `#name` in a
// script. Lookups cost one map probe per scope, never a scan of all names.

import type { Node, Variable } from "@termite/core";
import type { Sym } from "@termite/datum";
import type { Expander } from "./expander.js";
import { Alias, type Identifier } from "./syntax.js";

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
