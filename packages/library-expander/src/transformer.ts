// ## Transformers
//
// What may stand on the right of `define-syntax`, `let-syntax` and `letrec-syntax`: a
// `syntax-rules` form, or another keyword (which then gets a second name). Also the API through
// which transformers written in TypeScript build their output hygienically.

import type { GlobalRef } from "@termite/core";
import { intern, Pair, type SourceLocation } from "@termite/datum";
import {
  Alias,
  type Binding,
  type Env,
  type Expander,
  freshIdentifier,
  type Identifier,
  type MacroBinding,
  resolve,
  sameBinding,
} from "./environment.js";
import { baseSymbol, CoreForm, isIdentifier, stripSyntax } from "./syntax.js";
import { compileSyntaxRules } from "./syntax-rules.js";

export function makeTransformer(spec: unknown, env: Env, x: Expander, name: string): Binding {
  if (spec instanceof Pair && isIdentifier(spec.car)) {
    const b = resolve(spec.car, env);
    if (b?.kind === "special" && b.name === "syntax-rules")
      return x.at(spec, () => compileSyntaxRules(spec, env, x, name));
  }
  if (isIdentifier(spec)) {
    const b = resolve(spec, env);
    if (b !== undefined && (b.kind === "macro" || b.kind === "special" || b.kind === "aux")) return b;
  }
  return x.malformed("unsupported transformer (expected syntax-rules or a keyword)", spec);
}

/** The services a transformer written in TypeScript gets with each use. */
export interface TransformerApi {
  /** An identifier meaning `name` as exported by `library` (`["scheme","base"]` or `"scheme/base"`). */
  ref(library: readonly (string | number)[] | string, name: string): Identifier;
  /** An identifier meaning the expander's built-in keyword `name` (`let`, `if`, `lambda`...). */
  keyword(name: string): Identifier;
  /** A form that denotes the global `qualifiedName` directly (`"scheme/base#equal?"`). */
  global(qualifiedName: string): unknown;
  /** A new identifier that no other identifier can capture or be captured by. */
  fresh(name: string): Identifier;
  isIdentifier(x: unknown): x is Identifier;
  /** `free-identifier=?`: both mean the same thing where the macro is used. */
  sameIdentifier(a: Identifier, b: Identifier): boolean;
  /** The name an identifier was written as. */
  nameOf(id: Identifier): string;
  /** `syntax->datum`. */
  strip(form: unknown): unknown;
  /** Where the macro use was read, when known. */
  readonly location: SourceLocation | undefined;
  /** Reports a malformed use. */
  error(message: string, form?: unknown): never;
}

/** A transformer written in TypeScript: gets the whole use form, returns the form to expand. */
export type SyntaxTransformer = (form: unknown, api: TransformerApi) => unknown;

/** Wraps a TypeScript transformer as a macro binding. */
export function nativeMacro(
  name: string,
  transformer: SyntaxTransformer,
  exportsEnv: (library: string) => Env,
): MacroBinding {
  return {
    kind: "macro",
    name,
    transform(form: unknown, useEnv: Env, x: Expander): unknown {
      const api: TransformerApi = {
        ref: (library, id) =>
          new Alias(intern(id), exportsEnv(typeof library === "string" ? library : library.join("/"))),
        keyword: (name) => x.keyword(name),
        global: (qualifiedName) =>
          new CoreForm({ kind: "global", name: qualifiedName, loc: x.loc } satisfies GlobalRef),
        fresh: freshIdentifier,
        isIdentifier,
        sameIdentifier: (a, b) => {
          const ba = resolve(a, useEnv);
          const bb = resolve(b, useEnv);
          if (ba === undefined && bb === undefined) return baseSymbol(a) === baseSymbol(b);
          return sameBinding(ba, bb);
        },
        nameOf: (id) => baseSymbol(id).name,
        strip: stripSyntax,
        location: x.loc,
        error: (message, f) =>
          x.malformed(`${name}: ${message}`, f === undefined ? stripSyntax(form) : stripSyntax(f)),
      };
      return transformer(form, api);
    },
  };
}
