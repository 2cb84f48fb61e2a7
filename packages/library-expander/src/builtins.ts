// ## The expander's own keywords
//
// Every special form, derived form and auxiliary keyword the expander implements, and the R7RS
// library that exports each. Built-in transformers refer to these through `x.keyword(name)` (the
// expander's, which is `keyword` here), an alias resolved in this table whatever the user's
// environment binds that name to.

import type { Node } from "@termite/core";
import { intern } from "@termite/datum";
import {
  andForm,
  caseForm,
  caseLambdaForm,
  condForm,
  delayForceForm,
  delayForm,
  doForm,
  guardForm,
  letForm,
  letrecForm,
  letStarForm,
  letStarValuesForm,
  letValuesForm,
  orForm,
  parameterizeForm,
  unlessForm,
  whenForm,
} from "./derived-forms.js";
import { Alias, type Binding, Env, type Expander, type SpecialBinding } from "./environment.js";
import { quasiquoteForm } from "./quasiquote.js";
import {
  beginForm,
  condExpandExpression,
  definitionInExpression,
  ifForm,
  importInExpression,
  includeCiExpression,
  includeExpression,
  lambdaForm,
  letrecSyntaxForm,
  letSyntaxForm,
  quoteForm,
  setForm,
  syntaxErrorForm,
  syntaxRulesInExpression,
} from "./special-forms.js";

type Handler = (form: unknown, env: Env, x: Expander) => Node;

const HANDLERS: Record<string, Handler> = {
  quote: quoteForm,
  lambda: lambdaForm,
  if: ifForm,
  "set!": setForm,
  begin: beginForm,
  define: definitionInExpression,
  "define-values": definitionInExpression,
  "define-syntax": definitionInExpression,
  "define-record-type": definitionInExpression,
  "let-syntax": letSyntaxForm,
  "letrec-syntax": letrecSyntaxForm,
  "syntax-rules": syntaxRulesInExpression,
  "syntax-error": syntaxErrorForm,
  include: includeExpression,
  "include-ci": includeCiExpression,
  "cond-expand": condExpandExpression,
  import: importInExpression,
  let: letForm,
  "let*": letStarForm,
  letrec: letrecForm,
  "letrec*": letrecForm,
  "let-values": letValuesForm,
  "let*-values": letStarValuesForm,
  do: doForm,
  case: caseForm,
  cond: condForm,
  and: andForm,
  or: orForm,
  when: whenForm,
  unless: unlessForm,
  guard: guardForm,
  parameterize: parameterizeForm,
  quasiquote: quasiquoteForm,
  delay: delayForm,
  "delay-force": delayForceForm,
  "case-lambda": caseLambdaForm,
};

const AUXILIARY = ["else", "=>", "...", "_", "unquote", "unquote-splicing"];

/** Which R7RS library exports which of the expander's keywords. */
export const KEYWORD_LIBRARIES: Readonly<Record<string, readonly string[]>> = {
  "scheme/base": [
    "_",
    "...",
    "=>",
    "else",
    "unquote",
    "unquote-splicing",
    "quasiquote",
    "quote",
    "lambda",
    "if",
    "set!",
    "define",
    "define-values",
    "define-syntax",
    "define-record-type",
    "let",
    "let*",
    "letrec",
    "letrec*",
    "let-values",
    "let*-values",
    "let-syntax",
    "letrec-syntax",
    "syntax-rules",
    "syntax-error",
    "begin",
    "do",
    "case",
    "cond",
    "and",
    "or",
    "when",
    "unless",
    "guard",
    "parameterize",
    "include",
    "include-ci",
    "cond-expand",
  ],
  "scheme/case-lambda": ["case-lambda"],
  "scheme/lazy": ["delay", "delay-force"],
  "scheme/r5rs": [
    "quote",
    "lambda",
    "if",
    "set!",
    "define",
    "let",
    "let*",
    "letrec",
    "begin",
    "do",
    "case",
    "cond",
    "and",
    "or",
    "delay",
    "quasiquote",
    "unquote",
    "unquote-splicing",
    "define-syntax",
    "let-syntax",
    "letrec-syntax",
    "syntax-rules",
    "else",
    "=>",
    "...",
    "_",
  ],
};

let table: Map<string, Binding> | undefined;

/** Name -> binding of every built-in keyword (one binding object per keyword). */
export function builtinBindings(): Map<string, Binding> {
  if (table !== undefined) return table;
  table = new Map();
  for (const [name, expand] of Object.entries(HANDLERS)) {
    const b: SpecialBinding = { kind: "special", name, expand };
    table.set(name, b);
  }
  for (const name of AUXILIARY) table.set(name, { kind: "aux", name });
  return table;
}

let builtinEnv: Env | undefined;

/** A top level where every built-in keyword is bound (and nothing else). */
export function builtinEnvironment(): Env {
  if (builtinEnv !== undefined) return builtinEnv;
  builtinEnv = new Env(null);
  for (const [name, b] of builtinBindings()) builtinEnv.define(intern(name), b);
  return builtinEnv;
}

const keywords = new Map<string, Alias>();

/** An identifier that means the built-in keyword `name` wherever it is inserted. */
export function keyword(name: string): Alias {
  let id = keywords.get(name);
  if (id === undefined) {
    if (!builtinBindings().has(name)) throw new Error(`no built-in keyword ${name}`);
    id = new Alias(intern(name), builtinEnvironment());
    keywords.set(name, id);
  }
  return id;
}
