// ## syntax-rules
//
// Patterns and templates are compiled once, when the macro is defined; each use then matches
// and instantiates without re-parsing. Supported: ellipsis after any subpattern, with patterns
// after it and a dotted tail; vector patterns; literals matched by binding (`free-identifier=?`);
// `_`; a custom ellipsis `(syntax-rules ::: (lits) ...)`; `(... ...)` escapes in templates.
// Each use renames the template's free identifiers to fresh aliases closed over the macro's
// definition environment (see syntax.ts).

import { Char, MString, Pair } from "@termite/datum";
import {
  Alias,
  type Env,
  type Expander,
  type Identifier,
  type MacroBinding,
  resolve,
  sameBinding,
} from "./environment.js";
import { baseSymbol, isIdentifier, stripSyntax } from "./syntax.js";

type Pattern =
  | { readonly k: "var"; readonly id: Identifier }
  | { readonly k: "any" }
  | { readonly k: "literal"; readonly id: Identifier }
  | { readonly k: "const"; readonly value: unknown }
  | {
      readonly k: "seq";
      readonly vector: boolean;
      readonly before: readonly Pattern[];
      /** The pattern followed by the ellipsis, if any. */
      readonly repeat: Pattern | null;
      readonly repeatVars: readonly Identifier[];
      /** Each repeated variable's ellipsis depth in the whole pattern. */
      readonly repeatDepths: readonly number[];
      readonly after: readonly Pattern[];
      /** What the final cdr must match; `null`: it must be `()`. */
      readonly tail: Pattern | null;
    };

type Template =
  | { readonly k: "var"; readonly id: Identifier }
  | { readonly k: "id"; readonly id: Identifier }
  | { readonly k: "const"; readonly value: unknown }
  | {
      readonly k: "seq";
      readonly vector: boolean;
      readonly items: readonly {
        readonly t: Template;
        readonly ellipses: number;
        readonly vars: readonly Identifier[];
      }[];
      readonly tail: Template | null;
    };

/** A pattern variable's value at the current ellipsis depth. */
interface Bound {
  value: unknown;
  depth: number;
}

class RulesCompiler {
  readonly vars = new Map<Identifier, number>();

  constructor(
    readonly x: Expander,
    readonly ellipsis: Identifier | null,
    readonly literals: ReadonlySet<Identifier>,
    readonly whole: unknown,
  ) {}

  isEllipsis(id: unknown): boolean {
    if (!isIdentifier(id) || this.literals.has(id)) return false;
    return this.ellipsis !== null ? id === this.ellipsis : baseSymbol(id).name === "...";
  }

  pattern(p: unknown, depth: number): Pattern {
    if (isIdentifier(p)) {
      if (this.literals.has(p)) return { k: "literal", id: p };
      if (baseSymbol(p).name === "_") return { k: "any" };
      if (this.isEllipsis(p)) this.x.malformed("misplaced ellipsis in pattern", this.whole);
      if (this.vars.has(p))
        this.x.malformed(`pattern variable '${baseSymbol(p).name}' used twice`, this.whole);
      this.vars.set(p, depth);
      return { k: "var", id: p };
    }
    if (p instanceof Pair || Array.isArray(p)) {
      const vector = Array.isArray(p);
      const elements: unknown[] = [];
      let node: unknown = p;
      if (vector) elements.push(...(p as unknown[]));
      else {
        while (node instanceof Pair) {
          elements.push(node.car);
          node = node.cdr;
        }
      }
      const before: Pattern[] = [];
      const after: Pattern[] = [];
      let repeat: Pattern | null = null;
      let repeatVars: Identifier[] = [];
      for (let i = 0; i < elements.length; i++) {
        const e = elements[i];
        if (i + 1 < elements.length && this.isEllipsis(elements[i + 1])) {
          if (repeat !== null) this.x.malformed("two ellipses in one list pattern", this.whole);
          const known = new Set(this.vars.keys());
          repeat = this.pattern(e, depth + 1);
          repeatVars = [...this.vars.keys()].filter((v) => !known.has(v));
          i++;
        } else (repeat === null ? before : after).push(this.pattern(e, depth));
      }
      const tail = vector || node === null ? null : this.pattern(node, depth);
      const repeatDepths = repeatVars.map((v) => this.vars.get(v)!);
      return { k: "seq", vector, before, repeat, repeatVars, repeatDepths, after, tail };
    }
    return { k: "const", value: p };
  }

  template(t: unknown, escaped: boolean): Template {
    if (isIdentifier(t)) {
      if (this.vars.has(t)) return { k: "var", id: t };
      if (!escaped && this.isEllipsis(t)) this.x.malformed("misplaced ellipsis in template", this.whole);
      return { k: "id", id: t };
    }
    if (t instanceof Pair || Array.isArray(t)) {
      const vector = Array.isArray(t);
      if (!vector && !escaped && this.isEllipsis((t as Pair).car)) {
        // (... template): the ellipsis stands for itself inside.
        const rest = (t as Pair).cdr;
        if (!(rest instanceof Pair) || rest.cdr !== null)
          this.x.malformed("(... template) takes one template", this.whole);
        return this.template(rest.car, true);
      }
      const elements: unknown[] = [];
      let node: unknown = t;
      if (vector) elements.push(...(t as unknown[]));
      else {
        while (node instanceof Pair) {
          elements.push(node.car);
          node = node.cdr;
        }
      }
      const items: { t: Template; ellipses: number; vars: Identifier[] }[] = [];
      for (let i = 0; i < elements.length; i++) {
        const sub = this.template(elements[i], escaped);
        let ellipses = 0;
        while (!escaped && i + 1 < elements.length && this.isEllipsis(elements[i + 1])) {
          ellipses++;
          i++;
        }
        const vars = ellipses > 0 ? this.varsIn(sub).filter((v) => this.vars.get(v)! > 0) : [];
        if (ellipses > 0 && vars.length === 0)
          this.x.malformed(
            "an ellipsis in a template follows no pattern variable of an ellipsis",
            this.whole,
          );
        items.push({ t: sub, ellipses, vars });
      }
      const tail = vector || node === null ? null : this.template(node, escaped);
      return { k: "seq", vector, items, tail };
    }
    return { k: "const", value: t };
  }

  private varsIn(t: Template, out: Identifier[] = []): Identifier[] {
    if (t.k === "var") out.push(t.id);
    else if (t.k === "seq") {
      for (const item of t.items) this.varsIn(item.t, out);
      if (t.tail !== null) this.varsIn(t.tail, out);
    }
    return out;
  }
}

/** Compiles `(syntax-rules ...)` defined in `env` into a macro. */
export function compileSyntaxRules(spec: Pair, env: Env, x: Expander, name: string): MacroBinding {
  let rest = spec.cdr;
  let ellipsis: Identifier | null = null;
  if (rest instanceof Pair && isIdentifier(rest.car)) {
    ellipsis = rest.car;
    rest = rest.cdr;
  }
  if (!(rest instanceof Pair)) x.malformed("syntax-rules needs a literals list", spec);
  const literals = new Set<Identifier>(
    x.items(rest.car, "syntax-rules literals", spec).map((l) => x.identifier(l, "literal", spec)),
  );
  const rules = x.items(rest.cdr, "syntax-rules", spec).map((rule) => {
    const parts = x.items(rule, "syntax rule", spec);
    if (parts.length !== 2 || !(parts[0] instanceof Pair))
      x.malformed("a syntax rule is (pattern template)", rule ?? spec);
    const c = new RulesCompiler(x, ellipsis, literals, rule);
    // The keyword position of the pattern is ignored.
    const pattern = c.pattern((parts[0] as Pair).cdr, 0);
    const template = c.template(parts[1], false);
    return { pattern, template, vars: c.vars };
  });

  return {
    kind: "macro",
    name,
    transform(form: unknown, useEnv: Env, ex: Expander): unknown {
      const input = (form as Pair).cdr;
      for (const rule of rules) {
        const b = new Map<Identifier, Bound>();
        if (match(rule.pattern, input, b, useEnv, env, 0)) {
          const renames = new Map<Identifier, Alias>();
          return instantiate(rule.template, b, renames, env, ex, form);
        }
      }
      return ex.error("no-matching-rule", `no rule of the macro '${name}' matches`, stripSyntax(form));
    },
  };
}

function sameLiteral(input: Identifier, useEnv: Env, literal: Identifier, macroEnv: Env): boolean {
  const a = resolve(input, useEnv);
  const b = resolve(literal, macroEnv);
  if (a === undefined && b === undefined) return baseSymbol(input) === baseSymbol(literal);
  return sameBinding(a, b);
}

function equalConstant(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof MString && b instanceof MString) return a.toString() === b.toString();
  if (a instanceof Char && b instanceof Char) return a.codePoint === b.codePoint;
  if (typeof a === "bigint" || typeof b === "bigint") return typeof a === typeof b && a === b;
  return false;
}

function match(
  p: Pattern,
  form: unknown,
  b: Map<Identifier, Bound>,
  useEnv: Env,
  macroEnv: Env,
  depth: number,
): boolean {
  switch (p.k) {
    case "var":
      b.set(p.id, { value: form, depth });
      return true;
    case "any":
      return true;
    case "literal":
      return isIdentifier(form) && sameLiteral(form, useEnv, p.id, macroEnv);
    case "const":
      return equalConstant(p.value, form);
    case "seq": {
      let items: unknown[];
      let tail: unknown = null;
      if (p.vector) {
        if (!Array.isArray(form)) return false;
        items = form;
      } else {
        if (p.repeat === null) {
          // No ellipsis: walk the fixed elements, then the tail takes whatever is left.
          let node = form;
          for (const q of p.before) {
            if (!(node instanceof Pair) || !match(q, node.car, b, useEnv, macroEnv, depth)) return false;
            node = node.cdr;
          }
          return p.tail !== null ? match(p.tail, node, b, useEnv, macroEnv, depth) : node === null;
        }
        items = [];
        let node = form;
        while (node instanceof Pair) {
          items.push(node.car);
          node = node.cdr;
        }
        tail = node;
      }
      const n = items.length;
      if (n < p.before.length + p.after.length) return false;
      if (p.repeat === null && n !== p.before.length) return false;
      for (let i = 0; i < p.before.length; i++)
        if (!match(p.before[i]!, items[i], b, useEnv, macroEnv, depth)) return false;
      if (p.repeat !== null) {
        const end = n - p.after.length;
        const collected: unknown[][] = p.repeatVars.map(() => []);
        for (let i = p.before.length; i < end; i++) {
          const inner = new Map<Identifier, Bound>();
          if (!match(p.repeat, items[i], inner, useEnv, macroEnv, depth + 1)) return false;
          for (let v = 0; v < p.repeatVars.length; v++)
            collected[v]!.push(inner.get(p.repeatVars[v]!)!.value);
        }
        for (let v = 0; v < p.repeatVars.length; v++)
          b.set(p.repeatVars[v]!, { value: collected[v], depth: p.repeatDepths[v]! });
        for (let i = 0; i < p.after.length; i++)
          if (!match(p.after[i]!, items[end + i], b, useEnv, macroEnv, depth)) return false;
      }
      if (p.vector) return true;
      return p.tail !== null ? match(p.tail, tail, b, useEnv, macroEnv, depth) : tail === null;
    }
  }
}

function instantiate(
  t: Template,
  b: Map<Identifier, Bound>,
  renames: Map<Identifier, Alias>,
  macroEnv: Env,
  x: Expander,
  form: unknown,
): unknown {
  switch (t.k) {
    case "var": {
      const bound = b.get(t.id)!;
      if (bound.depth > 0)
        x.malformed(
          `pattern variable '${baseSymbol(t.id).name}' needs an ellipsis in the template`,
          stripSyntax(form),
        );
      return bound.value;
    }
    case "id": {
      let alias = renames.get(t.id);
      if (alias === undefined) {
        alias = new Alias(t.id, macroEnv);
        renames.set(t.id, alias);
      }
      return alias;
    }
    case "const":
      return t.value;
    case "seq": {
      const out: unknown[] = [];
      for (const item of t.items) {
        if (item.ellipses === 0) out.push(instantiate(item.t, b, renames, macroEnv, x, form));
        else repeat(item.t, item.vars, item.ellipses, b, renames, macroEnv, x, form, out);
      }
      if (t.vector) return out;
      let list: unknown = t.tail === null ? null : instantiate(t.tail, b, renames, macroEnv, x, form);
      for (let i = out.length - 1; i >= 0; i--) list = new Pair(out[i], list);
      return list;
    }
  }
}

function repeat(
  t: Template,
  vars: readonly Identifier[],
  levels: number,
  b: Map<Identifier, Bound>,
  renames: Map<Identifier, Alias>,
  macroEnv: Env,
  x: Expander,
  form: unknown,
  out: unknown[],
): void {
  const iterated: Identifier[] = [];
  const saved: Bound[] = [];
  let length = -1;
  for (const v of vars) {
    const bound = b.get(v)!;
    if (bound.depth === 0) continue;
    const n = (bound.value as unknown[]).length;
    if (length >= 0 && n !== length)
      x.malformed("pattern variables under one ellipsis matched different lengths", stripSyntax(form));
    length = n;
    iterated.push(v);
    saved.push(bound);
  }
  if (iterated.length === 0) x.malformed("too many ellipses in template", stripSyntax(form));
  for (let i = 0; i < length; i++) {
    for (let j = 0; j < iterated.length; j++)
      b.set(iterated[j]!, { value: (saved[j]!.value as unknown[])[i], depth: saved[j]!.depth - 1 });
    if (levels > 1) repeat(t, vars, levels - 1, b, renames, macroEnv, x, form, out);
    else out.push(instantiate(t, b, renames, macroEnv, x, form));
  }
  for (let j = 0; j < iterated.length; j++) b.set(iterated[j]!, saved[j]!);
}
