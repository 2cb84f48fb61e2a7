// ## Quasiquote
//
// Nested levels and vectors, per R7RS §4.2.8. Constant parts stay constants (one `quote` node),
// so `` `(a b ,c) `` builds only the cells that depend on `c`.

import type { Node } from "@termite/core";
import { intern, Pair } from "@termite/datum";
import type { Env, Expander } from "./environment.js";
import { args } from "./special-forms.js";
import { isIdentifier, stripSyntax } from "./syntax.js";

export function quasiquoteForm(form: unknown, env: Env, x: Expander): Node {
  const [template] = args(form, x, 1);
  return qq(template, 1, env, x);
}

/** The datum `(keyword arg)` when `form` is exactly that, for the keyword named `name`. */
function special(form: unknown, name: string, env: Env, x: Expander): unknown | undefined {
  if (!(form instanceof Pair) || !isIdentifier(form.car) || !x.isKeyword(form.car, env, name))
    return undefined;
  const rest = form.cdr;
  if (!(rest instanceof Pair) || rest.cdr !== null) x.malformed(`${name} takes one form`, form);
  return rest.car;
}

function constant(value: unknown, x: Expander): Node {
  return { kind: "quote", value, loc: x.loc };
}

function call(name: string, argNodes: Node[], x: Expander): Node {
  return { kind: "call", fn: { kind: "global", name, loc: x.loc }, args: argNodes, loc: x.loc };
}

function cons(a: Node, d: Node, x: Expander): Node {
  if (a.kind === "quote" && d.kind === "quote") return constant(new Pair(a.value, d.value), x);
  return call("scheme/base#cons", [a, d], x);
}

function listOf(symbolName: string, arg: Node, x: Expander): Node {
  return cons(constant(intern(symbolName), x), cons(arg, constant(null, x), x), x);
}

function qq(t: unknown, depth: number, env: Env, x: Expander): Node {
  if (t instanceof Pair) {
    let arg = special(t, "unquote", env, x);
    if (arg !== undefined) {
      if (depth === 1) return x.expand(arg, env);
      return listOf("unquote", qq(arg, depth - 1, env, x), x);
    }
    arg = special(t, "quasiquote", env, x);
    if (arg !== undefined) return listOf("quasiquote", qq(arg, depth + 1, env, x), x);
    const spliced = special(t.car, "unquote-splicing", env, x);
    if (spliced !== undefined) {
      const rest = qq(t.cdr, depth, env, x);
      if (depth === 1) {
        const part = x.expand(spliced, env);
        if (rest.kind === "quote" && rest.value === null) return part;
        return call("scheme/base#append", [part, rest], x);
      }
      return cons(listOf("unquote-splicing", qq(spliced, depth - 1, env, x), x), rest, x);
    }
    return cons(qq(t.car, depth, env, x), qq(t.cdr, depth, env, x), x);
  }
  if (Array.isArray(t)) {
    let list: unknown = null;
    for (let i = t.length - 1; i >= 0; i--) list = new Pair(t[i], list);
    const items = qq(list, depth, env, x);
    // A constant result may still differ from the template: `` `#(1 ,@'(2 3)) `` splices a quote.
    if (items.kind === "quote") return constant(listToArray(items.value), x);
    return call("scheme/base#list->vector", [items], x);
  }
  return constant(stripSyntax(t), x);
}

function listToArray(items: unknown): unknown[] {
  const out: unknown[] = [];
  for (let p = items; p instanceof Pair; p = p.cdr) out.push(p.car);
  return out;
}
