// ## The primitive special forms
//
// The forms that map one to one onto core nodes (`quote`, `lambda`, `if`, `set!`, `begin`) and
// the syntax-binding forms. Everything else is derived (see derived-forms.ts).

import type { GlobalRef, LocalRef, Node } from "@termite/core";
import { Pair } from "@termite/datum";
import { condExpandBody } from "./cond-expand.js";
import { type Env, type Expander, resolve } from "./environment.js";
import { includeForms } from "./include.js";
import { baseSymbol, stripSyntax } from "./syntax.js";
import { makeTransformer } from "./transformer.js";

/** The parts after the keyword, checked to be exactly `count` (or at least `count` when `atLeast`). */
export function args(form: unknown, x: Expander, count: number, atLeast = false): unknown[] {
  const parts = x.items((form as Pair).cdr, "form", form);
  if (atLeast ? parts.length < count : parts.length !== count)
    x.malformed(`${baseSymbol((form as Pair).car as never).name}: wrong number of parts`, form);
  return parts;
}

export function quoteForm(form: unknown, _env: Env, x: Expander): Node {
  const [datum] = args(form, x, 1);
  return { kind: "quote", value: stripSyntax(datum), loc: x.loc };
}

export function ifForm(form: unknown, env: Env, x: Expander): Node {
  const parts = x.items((form as Pair).cdr, "if", form);
  if (parts.length < 2 || parts.length > 3)
    x.malformed("if takes a test, a consequent and an optional alternative", form);
  const loc = x.loc;
  const test = x.expand(parts[0], env);
  const then = x.expand(parts[1], env);
  const otherwise = parts.length === 3 ? x.expand(parts[2], env) : undefined;
  return { kind: "if", test, then, else: otherwise, loc };
}

/** `(lambda formals body...)`, also used by the derived forms that build procedures. */
export function lambda(
  formals: unknown,
  body: unknown,
  env: Env,
  x: Expander,
  whole: unknown,
  name?: string,
): Node {
  const loc = x.loc;
  const { ids, rest } = x.formals(formals, whole);
  const scope = env.extend();
  const params = ids.map((id) => {
    const variable = x.newVariable(id);
    scope.define(id, { kind: "local", variable });
    return variable;
  });
  let restVar = null;
  if (rest !== null) {
    restVar = x.newVariable(rest);
    scope.define(rest, { kind: "local", variable: restVar });
  }
  return { kind: "lambda", params, rest: restVar, body: x.body(body, scope, whole), loc, name };
}

export function lambdaForm(form: unknown, env: Env, x: Expander): Node {
  const f = form as Pair;
  if (!(f.cdr instanceof Pair)) x.malformed("lambda needs formals and a body", form);
  return lambda(f.cdr.car, f.cdr.cdr, env, x, form);
}

export function setForm(form: unknown, env: Env, x: Expander): Node {
  const [id, expr] = args(form, x, 2);
  const loc = x.loc;
  const name = x.identifier(id, "set!", form);
  const b = resolve(name, env);
  if (b === undefined) x.unbound(name);
  let target: LocalRef | GlobalRef;
  if (b.kind === "local") {
    b.variable.assigned = true;
    target = { kind: "local", variable: b.variable, loc };
  } else if (b.kind === "global") {
    if (!b.assignable && x.top.kind !== "script")
      x.error("assign-immutable", `cannot assign the imported variable '${baseSymbol(name).name}'`, form);
    target = { kind: "global", name: b.name, loc };
  } else return x.error("keyword-as-variable", `cannot assign the keyword '${baseSymbol(name).name}'`, form);
  return { kind: "set", target, value: x.expand(expr, env), loc };
}

export function beginForm(form: unknown, env: Env, x: Expander): Node {
  const parts = x.items((form as Pair).cdr, "begin", form);
  if (parts.length === 0) return { kind: "quote", value: undefined, loc: x.loc };
  return x.sequence(parts.map((p) => x.expand(p, env)));
}

/** `define` and friends where only an expression may stand. */
export function definitionInExpression(form: unknown, _env: Env, x: Expander): Node {
  return x.malformed("definition where an expression is expected", form);
}

export function importInExpression(form: unknown, _env: Env, x: Expander): Node {
  return x.malformed("import is allowed only at the top level of a script or program", form);
}

export function syntaxRulesInExpression(form: unknown, _env: Env, x: Expander): Node {
  return x.malformed("syntax-rules outside define-syntax, let-syntax or letrec-syntax", form);
}

/** `(let-syntax ((kw transformer) ...) body...)`: transformers see the outer scope. */
export function letSyntaxForm(form: unknown, env: Env, x: Expander): Node {
  return syntaxBindings(form, env, x, false);
}

/** `(letrec-syntax ((kw transformer) ...) body...)`: transformers see each other. */
export function letrecSyntaxForm(form: unknown, env: Env, x: Expander): Node {
  return syntaxBindings(form, env, x, true);
}

function syntaxBindings(form: unknown, env: Env, x: Expander, recursive: boolean): Node {
  const parts = args(form, x, 2, true);
  const scope = env.extend();
  for (const binding of x.items(parts[0], "syntax bindings", form)) {
    const pair = x.items(binding, "syntax binding", form);
    if (pair.length !== 2) x.malformed("a syntax binding is (keyword transformer)", form);
    const id = x.identifier(pair[0], "keyword", form);
    scope.define(id, makeTransformer(pair[1], recursive ? scope : env, x, baseSymbol(id).name));
  }
  return x.body((form as Pair).cdr instanceof Pair ? ((form as Pair).cdr as Pair).cdr : null, scope, form);
}

/** `(syntax-error "message" form...)`: reports at expansion time. */
export function syntaxErrorForm(form: unknown, _env: Env, x: Expander): Node {
  const parts = args(form, x, 1, true);
  const message = String(stripSyntax(parts[0]));
  const irritants = parts.slice(1).map((p) => stripSyntax(p));
  const shown =
    irritants.length === 0 ? undefined : irritants.length === 1 ? irritants[0] : toList(irritants);
  return x.error("syntax-error", message, shown ?? form);
}

function toList(items: unknown[]): unknown {
  let out: unknown = null;
  for (let i = items.length - 1; i >= 0; i--) out = new Pair(items[i], out);
  return out;
}

/** `(include "file" ...)` as an expression: a `begin` of the file's forms. */
export function includeExpression(form: unknown, env: Env, x: Expander): Node {
  return x.sequence(includeForms(form as Pair, x, false).map((f) => x.expand(f, env)));
}

/** `(include-ci "file" ...)` as an expression, with symbols folded to lower case. */
export function includeCiExpression(form: unknown, env: Env, x: Expander): Node {
  return x.sequence(includeForms(form as Pair, x, true).map((f) => x.expand(f, env)));
}

/** `cond-expand` as an expression. */
export function condExpandExpression(form: unknown, env: Env, x: Expander): Node {
  return x.sequence(condExpandBody(form as Pair, x).map((f) => x.expand(f, env)));
}
