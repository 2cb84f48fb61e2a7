// ## The expander
//
// One `Expander` per unit (library, program, script, REPL session): it owns the variable
// counter, the current source position and the unit's top level. Expressions go straight to core
// nodes; bodies (lambda bodies and top levels alike) are scanned first, expanding macro uses at
// their head until each form shows itself as a definition or an expression, so definitions made
// by macros count, and all of a body's names are known before any right-hand side is expanded.

import type { GlobalRef, LocalRef, Node, Variable } from "@termite/core";
import { locationOf, Pair, type SourceLocation, setLocation } from "@termite/datum";
import { keyword } from "./builtins.js";
import { condExpandBody } from "./cond-expand.js";
import {
  type Binding,
  type Env,
  type Expander,
  type GlobalBinding,
  type Identifier,
  type LibraryAccess,
  type MacroBinding,
  resolve,
  type TopLevel,
} from "./environment.js";
import type { ExpandErrorCode, ExpandWarning } from "./error-codes.js";
import { ExpandError } from "./errors.js";
import { includeForms } from "./include.js";
import { named } from "./procedure-names.js";
import { defineRecordType } from "./record-type.js";
import { baseSymbol, CoreForm, isIdentifier } from "./syntax.js";
import { makeTransformer } from "./transformer.js";

/** One element of a scanned body, waiting for its right-hand side to be expanded. */
interface BodyItem {
  /** A local variable, a global's qualified name, or null for an expression. */
  readonly target: Variable | string | null;
  readonly form: unknown;
  readonly env: Env;
  readonly loc: SourceLocation | undefined;
  /** For `(define (f . args) ...)`: the procedure's name. */
  readonly name?: string | undefined;
  /** A right-hand side already expanded (define-values and friends). */
  readonly node?: Node | undefined;
  /** A right-hand side built once the body is scanned. */
  readonly make?: (() => Node) | undefined;
  /** An expression that is part of a definition (`define-values` assigning its names). */
  readonly ofDefinition?: boolean | undefined;
}

/** Things an expansion asks of its surroundings. */
export interface ExpanderHost {
  readonly registry: LibraryAccess;
  /** The file being expanded, for `include` and messages. */
  readonly file?: string | undefined;
  /** Collects warnings. */
  warn(warning: ExpandWarning): void;
}

/** The expander of one unit (library body, program or script); forms see it as `Expander`. */
export class Expansion implements Expander {
  /** Position of the innermost form being expanded that the reader located. */
  loc: SourceLocation | undefined;
  private nextVariable = 0;
  private recordTypes = 0;
  /** The file whose forms are being expanded (changes inside `include`). */
  file: string | undefined;

  constructor(
    readonly host: ExpanderHost,
    readonly top: TopLevel,
  ) {
    this.file = host.file;
  }

  get registry(): LibraryAccess {
    return this.host.registry;
  }

  // ### Errors and small helpers

  error(code: ExpandErrorCode, what: string, form?: unknown): never {
    const loc = (form !== undefined ? locationOf(form) : undefined) ?? this.loc;
    throw new ExpandError(code, what, loc, form);
  }

  malformed(what: string, form: unknown): never {
    return this.error("malformed", what, form);
  }

  /** The elements of a proper list, or a `malformed` error naming `what`. */
  items(list: unknown, what: string, whole: unknown = list): unknown[] {
    const out: unknown[] = [];
    let node = list;
    while (node instanceof Pair) {
      out.push(node.car);
      node = node.cdr;
    }
    if (node !== null) this.malformed(`${what}: not a proper list`, whole);
    return out;
  }

  identifier(x: unknown, what: string, whole: unknown): Identifier {
    if (!isIdentifier(x)) this.malformed(`${what}: expected an identifier`, whole);
    return x;
  }

  newVariable(id: Identifier | string): Variable {
    return {
      name: typeof id === "string" ? id : baseSymbol(id).name,
      id: ++this.nextVariable,
      assigned: false,
    };
  }

  /** An identifier that means the built-in keyword `name` wherever it is inserted. */
  keyword(name: string): Identifier {
    return keyword(name);
  }

  /** A counter for the uids of record types defined inside bodies. */
  nextRecordType(): number {
    return ++this.recordTypes;
  }

  /** Runs `f` with `form`'s position as the current one, when the reader located it. */
  at<T>(form: unknown, f: () => T): T {
    const l = locationOf(form);
    if (l === undefined) return f();
    const saved = this.loc;
    this.loc = l;
    const result = f();
    this.loc = saved;
    return result;
  }

  // ### Expressions

  expand(form: unknown, env: Env): Node {
    if (isIdentifier(form)) return this.reference(form, env);
    if (form instanceof Pair) {
      const l = locationOf(form);
      if (l === undefined) return this.combination(form, env);
      const saved = this.loc;
      this.loc = l;
      const node = this.combination(form, env);
      this.loc = saved;
      return node;
    }
    if (form instanceof CoreForm) return form.node;
    if (form === null) this.malformed("empty combination", form);
    return { kind: "quote", value: form, loc: this.loc };
  }

  /** Expands each form of a proper list. */
  expandAll(list: unknown, env: Env, whole: unknown): Node[] {
    const out: Node[] = [];
    let node = list;
    while (node instanceof Pair) {
      out.push(this.expand(node.car, env));
      node = node.cdr;
    }
    if (node !== null) this.malformed("not a proper list", whole);
    return out;
  }

  /** A sequence node, or the single node itself. */
  sequence(nodes: Node[]): Node {
    if (nodes.length === 1) return nodes[0]!;
    if (nodes.length === 0) return { kind: "quote", value: undefined, loc: this.loc };
    return { kind: "begin", body: nodes, loc: this.loc };
  }

  reference(id: Identifier, env: Env): Node {
    const b = resolve(id, env);
    if (b === undefined) return this.unbound(id);
    switch (b.kind) {
      case "local":
        return { kind: "local", variable: b.variable, loc: this.loc };
      case "global":
        return { kind: "global", name: b.name, loc: this.loc };
      default:
        return this.error(
          "keyword-as-variable",
          `syntax keyword '${baseSymbol(id).name}' used as a variable`,
          id,
        );
    }
  }

  unbound(id: Identifier): never {
    return this.error("unbound-identifier", `unbound identifier '${baseSymbol(id).name}'`, baseSymbol(id));
  }

  private combination(form: Pair, env: Env): Node {
    const head = form.car;
    if (isIdentifier(head)) {
      const b = resolve(head, env);
      if (b === undefined) this.unbound(head);
      if (b.kind === "special") return b.expand(form, env, this);
      if (b.kind === "macro") return this.expand(this.transform(b, form, env), env);
      if (b.kind === "aux") this.error("keyword-as-variable", `misplaced keyword '${b.name}'`, form);
    }
    const fn = this.expand(head, env);
    const loc = this.loc;
    const args = this.expandAll(form.cdr, env, form);
    return { kind: "call", fn, args, loc };
  }

  /** Applies a macro; the result takes the use's position when it has none of its own. */
  transform(b: MacroBinding, form: Pair, env: Env): unknown {
    const out = b.transform(form, env, this);
    if (out instanceof Pair && locationOf(out) === undefined) {
      const l = locationOf(form) ?? this.loc;
      if (l !== undefined) setLocation(out, l);
    }
    return out;
  }

  /** What `id` means here, without reporting unbound ones. */
  lookup(id: Identifier, env: Env): Binding | undefined {
    return resolve(id, env);
  }

  /** True when `x` is an identifier bound to the special form or auxiliary keyword `name`. */
  isKeyword(x: unknown, env: Env, name: string): boolean {
    if (!isIdentifier(x)) return false;
    const b = resolve(x, env);
    if (b === undefined) return baseSymbol(x).name === name;
    return (b.kind === "aux" || b.kind === "special") && b.name === name;
  }

  // ### Bodies

  /** A lambda or `let` body: internal definitions become one `letrec*`. */
  body(forms: unknown, env: Env, whole: unknown): Node {
    const scope = env.extend();
    const items: BodyItem[] = [];
    this.scan(this.items(forms, "body", whole), scope, items, false);
    if (items.length === 0) this.malformed("empty body", whole);
    // R7RS 4.1.4 and 5.3.2: a body's definitions come before its expressions (Gambit agrees).
    const firstExpression = items.findIndex((item) => item.target === null && !item.ofDefinition);
    if (firstExpression >= 0) {
      const late = items
        .slice(firstExpression)
        .find((item) => item.target !== null || item.ofDefinition === true);
      if (late !== undefined)
        throw new ExpandError(
          "definition-after-expression",
          "a definition after an expression in a body (definitions come first)",
          late.loc ?? this.loc,
          late.form,
        );
    }
    let last = items.length;
    while (last > 0 && items[last - 1]!.target === null) last--;
    const tail = items.slice(last).map((item) => this.rhs(item));
    if (last === 0) return this.sequence(tail);
    const bindings: (readonly [Variable, Node])[] = [];
    for (let i = 0; i < last; i++) {
      const item = items[i]!;
      const variable = item.target instanceof Object ? (item.target as Variable) : this.newVariable("_");
      bindings.push([variable, this.rhs(item)]);
    }
    const loc = items[0]!.loc ?? this.loc;
    return { kind: "letrec", bindings, body: this.sequence(tail), loc };
  }

  /** A top level: definitions become `define` nodes of qualified globals, in order. */
  topLevel(forms: unknown[], env: Env): Node[] {
    const items: BodyItem[] = [];
    this.scan(forms, env, items, true);
    return this.topLevelNodes(items);
  }

  private topLevelNodes(items: BodyItem[]): Node[] {
    const out: Node[] = [];
    for (const item of items) {
      const value = this.rhs(item);
      if (typeof item.target === "string")
        out.push({ kind: "define", name: item.target, value, loc: item.loc });
      else if (item.target !== null) throw new Error("local definition at top level");
      else out.push(value);
    }
    return out;
  }

  private rhs(item: BodyItem): Node {
    if (item.node !== undefined) return item.node;
    const saved = this.loc;
    this.loc = item.loc;
    let node = item.make !== undefined ? item.make() : this.expand(item.form, item.env);
    this.loc = saved;
    if (item.name !== undefined) node = named(node, item.name);
    return node;
  }

  /**
   * Scans body forms: splices `begin`, `include` and `cond-expand`, records definitions (so a
   * later right-hand side sees every name of the body), expands macro uses at the head, and
   * queues everything else as an expression.
   */
  scan(forms: unknown[], env: Env, items: BodyItem[], atTop: boolean): void {
    const work = forms.slice().reverse();
    while (work.length > 0) {
      let form = work.pop();
      const outer = this.loc;
      this.loc = locationOf(form) ?? outer;
      for (;;) {
        if (!(form instanceof Pair) || !isIdentifier(form.car)) {
          items.push({ target: null, form, env, loc: this.loc });
          break;
        }
        const b = resolve(form.car, env);
        if (b?.kind === "macro") {
          form = this.transform(b, form, env);
          this.loc = locationOf(form) ?? this.loc;
          continue;
        }
        if (b?.kind !== "special" || !BODY_FORMS.has(b.name)) {
          items.push({ target: null, form, env, loc: this.loc });
          break;
        }
        switch (b.name) {
          case "begin": {
            const inner = this.items(form.cdr, "begin", form);
            for (let i = inner.length - 1; i >= 0; i--) work.push(inner[i]);
            break;
          }
          case "define":
            this.scanDefine(form, env, items, atTop);
            break;
          case "define-values":
            this.scanDefineValues(form, env, items, atTop);
            break;
          case "define-syntax":
            this.scanDefineSyntax(form, env, atTop);
            break;
          case "define-record-type":
            form = defineRecordType(form, env, this, atTop);
            continue;
          case "include":
          case "include-ci": {
            const inner = includeForms(form, this, b.name === "include-ci");
            for (let i = inner.length - 1; i >= 0; i--) work.push(inner[i]);
            break;
          }
          case "cond-expand": {
            const inner = condExpandBody(form, this);
            for (let i = inner.length - 1; i >= 0; i--) work.push(inner[i]);
            break;
          }
          case "import":
            if (!atTop || !this.top.importsInBody || this.top.importForm === undefined)
              this.malformed("import is allowed only at the top level of a script or program", form);
            this.top.importForm(form, this);
            break;
        }
        break;
      }
      this.loc = outer;
    }
  }

  /** Binds a name defined by a body: a local, or at top level a global of this unit. */
  defineName(id: Identifier, env: Env, atTop: boolean, form: unknown): Variable | string {
    if (!atTop) {
      const existing = env.bindings.get(id);
      if (existing !== undefined && existing.kind === "local")
        this.error("duplicate-definition", `'${baseSymbol(id).name}' is defined twice in this body`, form);
      const variable = this.newVariable(id);
      env.define(id, { kind: "local", variable });
      return variable;
    }
    // At top level, a name a macro introduced is defined under its written name.
    const sym = baseSymbol(id);
    const root = this.top.env;
    const existing = root.bindings.get(sym);
    if (existing !== undefined && !this.top.defined.has(sym) && this.top.kind !== "script")
      this.error("duplicate-definition", `'${sym.name}' is imported and cannot be redefined`, form);
    const name = `${this.top.namespace}#${sym.name}`;
    this.top.defined.add(sym);
    if (existing === undefined || existing.kind !== "global" || existing.name !== name) {
      const b: GlobalBinding = { kind: "global", name, assignable: true };
      root.define(sym, b);
    }
    return name;
  }

  private scanDefine(form: Pair, env: Env, items: BodyItem[], atTop: boolean): void {
    const parts = this.items(form.cdr, "define", form);
    if (parts.length === 0) this.malformed("define needs a name", form);
    let target = parts[0];
    let value: unknown;
    let name: string | undefined;
    if (target instanceof Pair) {
      // (define (f . formals) body...) and the curried (define ((f a) b) body...).
      let body: unknown = form.cdr instanceof Pair ? form.cdr.cdr : null;
      while (target instanceof Pair) {
        value = new Pair(keyword("lambda"), new Pair(target.cdr, body));
        body = new Pair(value, null);
        target = target.car;
      }
      const id = this.identifier(target, "define", form);
      name = baseSymbol(id).name;
      items.push({ target: this.defineName(id, env, atTop, form), form: value, env, loc: this.loc, name });
      return;
    }
    const id = this.identifier(target, "define", form);
    if (parts.length > 2) this.malformed("define takes one value", form);
    value = parts.length === 2 ? parts[1] : new CoreForm({ kind: "quote", value: undefined, loc: this.loc });
    name = baseSymbol(id).name;
    items.push({ target: this.defineName(id, env, atTop, form), form: value, env, loc: this.loc, name });
  }

  private scanDefineValues(form: Pair, env: Env, items: BodyItem[], atTop: boolean): void {
    const parts = this.items(form.cdr, "define-values", form);
    if (parts.length !== 2) this.malformed("define-values takes formals and one expression", form);
    const { ids, rest } = this.formals(parts[0], form);
    const all = rest === null ? ids : [...ids, rest];
    const targets = all.map((id) => this.defineName(id, env, atTop, form));
    const loc = this.loc;
    for (const t of targets)
      items.push({ target: t, form: null, env, loc, node: { kind: "quote", value: undefined, loc } });
    // The values are received by a procedure that assigns each defined name in turn.
    const producer = parts[1];
    const make = (): Node => {
      const params = ids.map((id) => this.newVariable(id));
      const restVar = rest === null ? null : this.newVariable(rest);
      const received = restVar === null ? params : [...params, restVar];
      const assigns: Node[] = received.map((v, i) => {
        const t = targets[i]!;
        if (typeof t !== "string") t.assigned = true;
        const target: LocalRef | GlobalRef =
          typeof t === "string" ? { kind: "global", name: t, loc } : { kind: "local", variable: t, loc };
        return { kind: "set", target, value: { kind: "local", variable: v, loc }, loc };
      });
      return {
        kind: "call",
        fn: { kind: "global", name: "scheme/base#call-with-values", loc },
        args: [
          { kind: "lambda", params: [], rest: null, body: this.expand(producer, env), loc },
          { kind: "lambda", params, rest: restVar, body: this.sequence(assigns), loc },
        ],
        loc,
      };
    };
    items.push({ target: null, form: null, env, loc, make, ofDefinition: true });
  }

  private scanDefineSyntax(form: Pair, env: Env, atTop: boolean): void {
    const parts = this.items(form.cdr, "define-syntax", form);
    if (parts.length !== 2) this.malformed("define-syntax takes a keyword and a transformer", form);
    const id = this.identifier(parts[0], "define-syntax", form);
    const binding = makeTransformer(parts[1], env, this, baseSymbol(id).name);
    if (atTop) {
      const sym = baseSymbol(id);
      this.top.defined.add(sym);
      this.top.env.define(sym, binding);
    } else env.define(id, binding);
  }

  /** Parses lambda formals: identifiers, optionally dotted with a rest identifier. */
  formals(spec: unknown, whole: unknown): { ids: Identifier[]; rest: Identifier | null } {
    const ids: Identifier[] = [];
    let node = spec;
    while (node instanceof Pair) {
      ids.push(this.identifier(node.car, "parameter", whole));
      node = node.cdr;
    }
    let rest: Identifier | null = null;
    if (node !== null) rest = this.identifier(node, "rest parameter", whole);
    const seen = new Set<Identifier>();
    for (const id of rest === null ? ids : [...ids, rest]) {
      if (seen.has(id)) this.malformed(`duplicate parameter '${baseSymbol(id).name}'`, whole);
      seen.add(id);
    }
    return { ids, rest };
  }
}

const BODY_FORMS = new Set([
  "begin",
  "define",
  "define-values",
  "define-syntax",
  "define-record-type",
  "include",
  "include-ci",
  "cond-expand",
  "import",
]);
