// ## Derived expression types (R7RS §4.2, §7.3)
//
// Each is expanded straight to core nodes rather than rewritten to other surface forms: it is
// faster, and hygienic by construction, since the globals used (`scheme/base#memv`,
// `termite/internal#with-guard`, ...) are named by their qualified names and no user binding can
// capture them.

import type { Lambda, Node, Variable } from "@termite/core";
import type { SourceLocation } from "@termite/datum";
import { Pair } from "@termite/datum";
import type { Env, Expander, Identifier } from "./environment.js";
import { named } from "./procedure-names.js";
import { args, lambda } from "./special-forms.js";
import { baseSymbol, CoreForm, isIdentifier, stripSyntax } from "./syntax.js";

type Loc = SourceLocation | undefined;

function global(name: string, loc: Loc): Node {
  return { kind: "global", name, loc };
}

function call(fn: string, argNodes: Node[], loc: Loc): Node {
  return { kind: "call", fn: global(fn, loc), args: argNodes, loc };
}

function ref(variable: Variable, loc: Loc): Node {
  return { kind: "local", variable, loc };
}

function constant(value: unknown, loc: Loc): Node {
  return { kind: "quote", value, loc };
}

function thunk(body: Node, loc: Loc): Lambda {
  return { kind: "lambda", params: [], rest: null, body, loc };
}

/** The `((name init) ...)` of a `let`-like form. */
function bindingPairs(spec: unknown, x: Expander, whole: unknown, what: string): [Identifier, unknown][] {
  return x.items(spec, what, whole).map((b) => {
    const parts = x.items(b, what, whole);
    if (parts.length !== 2) x.malformed(`${what}: a binding is (name value)`, b ?? whole);
    return [x.identifier(parts[0], what, whole), parts[1]];
  });
}

function checkDistinct(ids: Identifier[], x: Expander, whole: unknown): void {
  const seen = new Set<Identifier>();
  for (const id of ids) {
    if (seen.has(id)) x.malformed(`'${baseSymbol(id).name}' is bound twice`, whole);
    seen.add(id);
  }
}

function bodyOf(form: unknown, skip: number): unknown {
  let node = (form as Pair).cdr;
  for (let i = 0; i < skip && node instanceof Pair; i++) node = node.cdr;
  return node;
}

// ### Binding forms

export function letForm(form: unknown, env: Env, x: Expander): Node {
  const parts = args(form, x, 2, true);
  if (isIdentifier(parts[0])) return namedLet(form, parts, env, x);
  const loc = x.loc;
  const pairs = bindingPairs(parts[0], x, form, "let");
  checkDistinct(
    pairs.map((p) => p[0]),
    x,
    form,
  );
  const inits = pairs.map(([id, init]) => named(x.expand(init, env), baseSymbol(id).name));
  const scope = env.extend();
  const bindings = pairs.map(([id], i) => {
    const variable = x.newVariable(id);
    scope.define(id, { kind: "local", variable });
    return [variable, inits[i]!] as const;
  });
  const body = x.body(bodyOf(form, 1), scope, form);
  return { kind: "let", bindings, body, loc };
}

function namedLet(form: unknown, parts: unknown[], env: Env, x: Expander): Node {
  if (parts.length < 3) x.malformed("named let needs bindings and a body", form);
  const loc = x.loc;
  const name = parts[0] as Identifier;
  const pairs = bindingPairs(parts[1], x, form, "let");
  const inits = pairs.map(([, init]) => x.expand(init, env));
  const scope = env.extend();
  const loop = x.newVariable(name);
  scope.define(name, { kind: "local", variable: loop });
  let formals: unknown = null;
  for (let i = pairs.length - 1; i >= 0; i--) formals = new Pair(pairs[i]![0], formals);
  const proc = lambda(formals, bodyOf(form, 2), scope, x, form, baseSymbol(name).name);
  return {
    kind: "letrec",
    bindings: [[loop, proc]],
    body: { kind: "call", fn: ref(loop, loc), args: inits, loc },
    loc,
  };
}

export function letStarForm(form: unknown, env: Env, x: Expander): Node {
  const parts = args(form, x, 2, true);
  const loc = x.loc;
  const pairs = bindingPairs(parts[0], x, form, "let*");
  const levels: [Variable, Node][] = [];
  let scope = env;
  for (const [id, init] of pairs) {
    const value = named(x.expand(init, scope), baseSymbol(id).name);
    scope = scope.extend();
    const variable = x.newVariable(id);
    scope.define(id, { kind: "local", variable });
    levels.push([variable, value]);
  }
  let node = x.body(bodyOf(form, 1), scope, form);
  for (let i = levels.length - 1; i >= 0; i--)
    node = { kind: "let", bindings: [levels[i]!], body: node, loc };
  return node;
}

/** `letrec` and `letrec*` (both as `letrec*`, which R7RS allows for `letrec`). */
export function letrecForm(form: unknown, env: Env, x: Expander): Node {
  const parts = args(form, x, 2, true);
  const loc = x.loc;
  const pairs = bindingPairs(parts[0], x, form, "letrec");
  checkDistinct(
    pairs.map((p) => p[0]),
    x,
    form,
  );
  const scope = env.extend();
  const vars = pairs.map(([id]) => {
    const variable = x.newVariable(id);
    scope.define(id, { kind: "local", variable });
    return variable;
  });
  const bindings = pairs.map(
    ([id, init], i) => [vars[i]!, named(x.expand(init, scope), baseSymbol(id).name)] as const,
  );
  return { kind: "letrec", bindings, body: x.body(bodyOf(form, 1), scope, form), loc };
}

/** Binds one formals list in `scope`; returns the lambda's parameters. */
function bindFormals(
  spec: unknown,
  scope: Env,
  x: Expander,
  whole: unknown,
): { params: Variable[]; rest: Variable | null } {
  const { ids, rest } = x.formals(spec, whole);
  const params = ids.map((id) => {
    const variable = x.newVariable(id);
    scope.define(id, { kind: "local", variable });
    return variable;
  });
  let restVar: Variable | null = null;
  if (rest !== null) {
    restVar = x.newVariable(rest);
    scope.define(rest, { kind: "local", variable: restVar });
  }
  return { params, rest: restVar };
}

function receive(
  producer: Node,
  formals: { params: Variable[]; rest: Variable | null },
  body: Node,
  loc: Loc,
): Node {
  return call(
    "scheme/base#call-with-values",
    [thunk(producer, loc), { kind: "lambda", params: formals.params, rest: formals.rest, body, loc }],
    loc,
  );
}

export function letValuesForm(form: unknown, env: Env, x: Expander): Node {
  return valuesBinding(form, env, x, false);
}

export function letStarValuesForm(form: unknown, env: Env, x: Expander): Node {
  return valuesBinding(form, env, x, true);
}

function valuesBinding(form: unknown, env: Env, x: Expander, sequential: boolean): Node {
  const parts = args(form, x, 2, true);
  const loc = x.loc;
  const specs = x.items(parts[0], "let-values", form).map((b) => {
    const p = x.items(b, "let-values", form);
    if (p.length !== 2) x.malformed("let-values: a binding is (formals expression)", b ?? form);
    return p;
  });
  const levels: [Node, { params: Variable[]; rest: Variable | null }][] = [];
  let scope = env;
  const shared = env.extend();
  for (const [formals, init] of specs) {
    const producer = x.expand(init, sequential ? scope : env);
    if (sequential) scope = scope.extend();
    levels.push([producer, bindFormals(formals, sequential ? scope : shared, x, form)]);
  }
  let node = x.body(bodyOf(form, 1), sequential ? scope : shared, form);
  for (let i = levels.length - 1; i >= 0; i--) node = receive(levels[i]![0], levels[i]![1], node, loc);
  return node;
}

// ### Iteration

export function doForm(form: unknown, env: Env, x: Expander): Node {
  const parts = args(form, x, 2, true);
  const loc = x.loc;
  const specs = x.items(parts[0], "do", form).map((s) => {
    const p = x.items(s, "do", form);
    if (p.length < 2 || p.length > 3) x.malformed("do: a variable is (name init [step])", s ?? form);
    return p;
  });
  const inits = specs.map((s) => x.expand(s[1], env));
  const scope = env.extend();
  const loop = x.newVariable("do-loop");
  const vars = specs.map((s) => {
    const id = x.identifier(s[0], "do", form);
    const variable = x.newVariable(id);
    scope.define(id, { kind: "local", variable });
    return variable;
  });
  const exit = x.items(parts[1], "do", form);
  if (exit.length === 0) x.malformed("do needs a test", form);
  const test = x.expand(exit[0], scope);
  const result = x.sequence(exit.slice(1).map((e) => x.expand(e, scope)));
  const commands = parts.slice(2).map((c) => x.expand(c, scope));
  const steps = specs.map((s, i) => (s.length === 3 ? x.expand(s[2], scope) : ref(vars[i]!, loc)));
  const again: Node = { kind: "call", fn: ref(loop, loc), args: steps, loc };
  const body: Node = { kind: "if", test, then: result, else: x.sequence([...commands, again]), loc };
  return {
    kind: "letrec",
    bindings: [[loop, { kind: "lambda", params: vars, rest: null, body, loc, name: "do-loop" }]],
    body: { kind: "call", fn: ref(loop, loc), args: inits, loc },
    loc,
  };
}

// ### Conditionals

export function condForm(form: unknown, env: Env, x: Expander): Node {
  const clauses = x.items((form as Pair).cdr, "cond", form);
  const loc = x.loc;
  let acc: Node | undefined;
  for (let i = clauses.length - 1; i >= 0; i--) {
    const clause = clauses[i];
    const parts = x.items(clause, "cond clause", form);
    if (parts.length === 0) x.malformed("empty cond clause", form);
    if (x.isKeyword(parts[0], env, "else")) {
      if (i !== clauses.length - 1) x.malformed("else must be the last cond clause", form);
      acc = x.sequence(parts.slice(1).map((e) => x.expand(e, env)));
      continue;
    }
    const test = x.expand(parts[0], env);
    if (parts.length === 1) {
      const t = x.newVariable("t");
      acc = {
        kind: "let",
        bindings: [[t, test]],
        body: { kind: "if", test: ref(t, loc), then: ref(t, loc), else: acc, loc },
        loc,
      };
    } else if (x.isKeyword(parts[1], env, "=>")) {
      if (parts.length !== 3) x.malformed("cond: => takes one receiver", clause);
      const t = x.newVariable("t");
      const receiver: Node = { kind: "call", fn: x.expand(parts[2], env), args: [ref(t, loc)], loc };
      acc = {
        kind: "let",
        bindings: [[t, test]],
        body: { kind: "if", test: ref(t, loc), then: receiver, else: acc, loc },
        loc,
      };
    } else {
      acc = {
        kind: "if",
        test,
        then: x.sequence(parts.slice(1).map((e) => x.expand(e, env))),
        else: acc,
        loc,
      };
    }
  }
  return acc ?? constant(undefined, loc);
}

export function caseForm(form: unknown, env: Env, x: Expander): Node {
  const parts = args(form, x, 1, true);
  const loc = x.loc;
  const key = x.expand(parts[0], env);
  const t = x.newVariable("key");
  let acc: Node | undefined;
  for (let i = parts.length - 1; i >= 1; i--) {
    const clause = x.items(parts[i], "case clause", form);
    if (clause.length < 2) x.malformed("a case clause is ((datum ...) expression ...)", parts[i] ?? form);
    let body: Node;
    if (x.isKeyword(clause[1], env, "=>")) {
      if (clause.length !== 3) x.malformed("case: => takes one receiver", parts[i]);
      body = { kind: "call", fn: x.expand(clause[2], env), args: [ref(t, loc)], loc };
    } else body = x.sequence(clause.slice(1).map((e) => x.expand(e, env)));
    if (x.isKeyword(clause[0], env, "else")) {
      if (i !== parts.length - 1) x.malformed("else must be the last case clause", form);
      acc = body;
      continue;
    }
    const data = x.items(stripSyntax(clause[0]), "case data", form);
    const test =
      data.length === 1
        ? call("scheme/base#eqv?", [ref(t, loc), constant(data[0], loc)], loc)
        : call("scheme/base#memv", [ref(t, loc), constant(stripSyntax(clause[0]), loc)], loc);
    acc = { kind: "if", test, then: body, else: acc, loc };
  }
  return { kind: "let", bindings: [[t, key]], body: acc ?? constant(undefined, loc), loc };
}

export function andForm(form: unknown, env: Env, x: Expander): Node {
  const parts = x.items((form as Pair).cdr, "and", form);
  const loc = x.loc;
  if (parts.length === 0) return constant(true, loc);
  let acc = x.expand(parts[parts.length - 1], env);
  for (let i = parts.length - 2; i >= 0; i--)
    acc = { kind: "if", test: x.expand(parts[i], env), then: acc, else: constant(false, loc), loc };
  return acc;
}

export function orForm(form: unknown, env: Env, x: Expander): Node {
  const parts = x.items((form as Pair).cdr, "or", form);
  const loc = x.loc;
  if (parts.length === 0) return constant(false, loc);
  let acc = x.expand(parts[parts.length - 1], env);
  for (let i = parts.length - 2; i >= 0; i--) {
    const t = x.newVariable("t");
    acc = {
      kind: "let",
      bindings: [[t, x.expand(parts[i], env)]],
      body: { kind: "if", test: ref(t, loc), then: ref(t, loc), else: acc, loc },
      loc,
    };
  }
  return acc;
}

export function whenForm(form: unknown, env: Env, x: Expander): Node {
  const parts = args(form, x, 2, true);
  const loc = x.loc;
  const test = x.expand(parts[0], env);
  return {
    kind: "if",
    test,
    then: x.sequence(parts.slice(1).map((e) => x.expand(e, env))),
    else: undefined,
    loc,
  };
}

export function unlessForm(form: unknown, env: Env, x: Expander): Node {
  const parts = args(form, x, 2, true);
  const loc = x.loc;
  const test = x.expand(parts[0], env);
  return {
    kind: "if",
    test,
    then: constant(undefined, loc),
    else: x.sequence(parts.slice(1).map((e) => x.expand(e, env))),
    loc,
  };
}

// ### Exceptions, parameters, promises

/**
 * `(guard (var clause...) body...)` -> `(with-guard (lambda () body...) handler)` where the
 * handler is `(lambda (var reraise) (cond clause... (else (reraise))))`.
 */
export function guardForm(form: unknown, env: Env, x: Expander): Node {
  const parts = args(form, x, 2, true);
  const loc = x.loc;
  const spec = parts[0];
  if (!(spec instanceof Pair)) x.malformed("guard needs (variable clause ...)", form);
  const id = x.identifier(spec.car, "guard", form);
  const body = x.body(bodyOf(form, 1), env, form);
  const scope = env.extend();
  const condition = x.newVariable(id);
  scope.define(id, { kind: "local", variable: condition });
  const reraise = x.newVariable("reraise");
  const clauses = x.items(spec.cdr, "guard clauses", form);
  const last = clauses[clauses.length - 1];
  const hasElse = last instanceof Pair && x.isKeyword(last.car, scope, "else");
  let list: unknown = hasElse
    ? null
    : new Pair(
        new Pair(
          x.keyword("else"),
          new Pair(new CoreForm({ kind: "call", fn: ref(reraise, loc), args: [], loc }), null),
        ),
        null,
      );
  for (let i = clauses.length - 1; i >= 0; i--) list = new Pair(clauses[i], list);
  const handlerBody = condForm(new Pair(x.keyword("cond"), list), scope, x);
  const handler: Lambda = {
    kind: "lambda",
    params: [condition, reraise],
    rest: null,
    body: handlerBody,
    loc,
  };
  return call("termite/internal#with-guard", [thunk(body, loc), handler], loc);
}

export function parameterizeForm(form: unknown, env: Env, x: Expander): Node {
  const parts = args(form, x, 2, true);
  const loc = x.loc;
  const pairs = x.items(parts[0], "parameterize", form).map((b) => {
    const p = x.items(b, "parameterize", form);
    if (p.length !== 2) x.malformed("parameterize: a binding is (parameter value)", b ?? form);
    return p;
  });
  const params = pairs.map((p) => x.expand(p[0], env));
  const values = pairs.map((p) => x.expand(p[1], env));
  const body = x.body(bodyOf(form, 1), env, form);
  return call(
    "termite/internal#with-parameters",
    [call("scheme/base#list", params, loc), call("scheme/base#list", values, loc), thunk(body, loc)],
    loc,
  );
}

/** `(delay e)` = `(make-lazy-promise (lambda () (make-promise e)))`. */
export function delayForm(form: unknown, env: Env, x: Expander): Node {
  const [expr] = args(form, x, 1);
  const loc = x.loc;
  const value = call("scheme/base#make-promise", [x.expand(expr, env)], loc);
  return call("termite/internal#make-lazy-promise", [thunk(value, loc)], loc);
}

/** `(delay-force e)` = `(make-lazy-promise (lambda () e))`. */
export function delayForceForm(form: unknown, env: Env, x: Expander): Node {
  const [expr] = args(form, x, 1);
  const loc = x.loc;
  return call("termite/internal#make-lazy-promise", [thunk(x.expand(expr, env), loc)], loc);
}

export function caseLambdaForm(form: unknown, env: Env, x: Expander): Node {
  const loc = x.loc;
  const clauses = x.items((form as Pair).cdr, "case-lambda", form).map((clause) => {
    if (!(clause instanceof Pair)) x.malformed("a case-lambda clause is (formals body ...)", form);
    return x.at(clause, () => lambda(clause.car, clause.cdr, env, x, clause)) as Lambda;
  });
  return { kind: "case-lambda", clauses, loc };
}
