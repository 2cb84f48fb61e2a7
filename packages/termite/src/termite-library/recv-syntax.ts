// ## `recv`: selective receive with Termite's patterns
//
//     (recv
//       ((from tag 'PING) (where (process? from)) (! from (list tag 'PONG)))
//       (_ 'other)
//       (after 5 'timeout))
//
// expands into a loop over the mailbox by position. For each message, oldest first, the clauses
// are tried in order; the first that matches takes the message out and runs its body (in tail
// position). When no message matches, the process waits for a new one (only new ones are
// scanned again) or, with an `after` clause, until the deadline, then runs the `after` body.
//
// Patterns: a free identifier binds (a repeated one must be `equal?` to its first binding), `_`
// matches anything, `'datum` and self-evaluating literals match an `equal?` value, `,expr`
// matches the value of `expr`, and pairs, lists and vectors match element-wise.

import { Pair } from "@termite/datum";
import type { TransformerApi } from "@termite/library-expander";

type Identifier = ReturnType<TransformerApi["fresh"]>;

function form(...items: unknown[]): unknown {
  let out: unknown = null;
  for (let i = items.length - 1; i >= 0; i--) out = new Pair(items[i], out);
  return out;
}

function items(api: TransformerApi, x: unknown, what: unknown): unknown[] {
  const out: unknown[] = [];
  while (x instanceof Pair) {
    out.push(x.car);
    x = x.cdr;
  }
  if (x !== null) api.error("expected a proper list", what);
  return out;
}

/** True for a list `(name …)` whose head is written `name`. */
function headed(api: TransformerApi, x: unknown, name: string): x is Pair {
  return x instanceof Pair && api.isIdentifier(x.car) && api.nameOf(x.car) === name;
}

interface Clause {
  readonly pattern: unknown;
  readonly guard: unknown;
  readonly body: unknown[];
}

export function recvTransformer(use: unknown, api: TransformerApi): unknown {
  const k = (name: string) => api.keyword(name);
  const base = (name: string) => api.ref("scheme/base", name);
  const box = (name: string) => api.ref("termite/mailbox", name);
  const clauses: Clause[] = [];
  let after: { seconds: unknown; body: unknown[] } | undefined;
  const parts = items(api, (use as Pair).cdr, use);
  parts.forEach((clause, index) => {
    const c = items(api, clause, clause);
    if (c.length === 0) api.error("empty clause", clause);
    if (headed(api, clause, "after")) {
      if (index !== parts.length - 1) api.error("the after clause must be the last one", clause);
      if (c.length < 3) api.error("expected (after seconds expression …)", clause);
      after = { seconds: c[1], body: c.slice(2) };
      return;
    }
    const hasGuard = c.length > 1 && headed(api, c[1], "where");
    if (hasGuard && items(api, c[1], c[1]).length !== 2) api.error("expected (where guard)", c[1]);
    const body = c.slice(hasGuard ? 2 : 1);
    if (body.length === 0) api.error("a clause needs a body", clause);
    clauses.push({ pattern: c[0], guard: hasGuard ? ((c[1] as Pair).cdr as Pair).car : undefined, body });
  });

  const scan = api.fresh("scan");
  const i = api.fresh("i");
  const m = api.fresh("m");
  const deadline = api.fresh("deadline");

  // Pattern -> test of `value` that continues with `success(bindings)` or calls `fail`.
  const match = (
    pattern: unknown,
    value: Identifier,
    bound: Map<string, Identifier>,
    fail: unknown,
    success: (bound: Map<string, Identifier>) => unknown,
  ): unknown => {
    const test = (condition: unknown, then: unknown) => form(k("if"), condition, then, fail);
    if (api.isIdentifier(pattern)) {
      const name = api.nameOf(pattern);
      if (name === "_") return success(bound);
      const previous = bound.get(name);
      if (previous !== undefined) return test(form(base("equal?"), value, previous), success(bound));
      const more = new Map(bound).set(name, pattern);
      return form(k("let"), form(form(pattern, value)), success(more));
    }
    if (headed(api, pattern, "quote")) return test(form(base("equal?"), value, pattern), success(bound));
    if (headed(api, pattern, "unquote")) {
      const [, expr] = items(api, pattern, pattern);
      return test(form(base("equal?"), value, expr), success(bound));
    }
    if (pattern === null) return test(form(base("null?"), value), success(bound));
    if (pattern instanceof Pair) {
      const a = api.fresh("a");
      const d = api.fresh("d");
      return test(
        form(base("pair?"), value),
        form(
          k("let"),
          form(form(a, form(base("car"), value)), form(d, form(base("cdr"), value))),
          match(pattern.car, a, bound, fail, (b) => match(pattern.cdr, d, b, fail, success)),
        ),
      );
    }
    if (Array.isArray(pattern)) {
      const n = pattern.length;
      const elements = pattern.map(() => api.fresh("e"));
      const matchFrom = (j: number, b: Map<string, Identifier>): unknown =>
        j === n ? success(b) : match(pattern[j], elements[j]!, b, fail, (b2) => matchFrom(j + 1, b2));
      const inner =
        n === 0
          ? success(bound)
          : form(
              k("let"),
              form(...elements.map((e, j) => form(e, form(base("vector-ref"), value, j)))),
              matchFrom(0, bound),
            );
      return test(
        form(base("vector?"), value),
        form(k("if"), form(base("="), form(base("vector-length"), value), n), inner, fail),
      );
    }
    // Numbers, strings, characters, booleans: compared with equal?.
    return test(form(base("equal?"), value, form(k("quote"), pattern)), success(bound));
  };

  // Clause j, failing over to the thunk `next`.
  const clauseCode = (c: Clause, next: Identifier): unknown => {
    const fail = form(next);
    return match(c.pattern, m, new Map(), fail, () => {
      const run = form(k("begin"), form(box("mailbox-take!"), i), ...c.body);
      return c.guard === undefined ? run : form(k("if"), c.guard, run, fail);
    });
  };

  // Clause j fails over to `next_j`, which tries clause j+1; the last one moves to the next message:
  // (let ((next_n (lambda () (scan (+ i 1))))) … (let ((next_1 (lambda () clause_2))) clause_1))
  const fails = clauses.map(() => api.fresh("next"));
  let body: unknown =
    clauses.length === 0 ? form(scan, form(base("+"), i, 1)) : clauseCode(clauses[0]!, fails[0]!);
  for (let j = 0; j < clauses.length; j++) {
    const value =
      j === clauses.length - 1
        ? form(k("lambda"), null, form(scan, form(base("+"), i, 1)))
        : form(k("lambda"), null, clauseCode(clauses[j + 1]!, fails[j + 1]!));
    body = form(k("let"), form(form(fails[j], value)), body);
  }

  const waitMore =
    after === undefined
      ? form(k("begin"), form(box("mailbox-wait"), i, false), form(scan, i))
      : form(k("if"), form(box("mailbox-wait"), i, deadline), form(scan, i), form(k("begin"), ...after.body));
  const loop = form(
    k("let"),
    scan,
    form(form(i, 0)),
    form(
      k("if"),
      form(box("mailbox-has?"), i),
      form(k("let"), form(form(m, form(box("mailbox-ref"), i))), body),
      waitMore,
    ),
  );
  return after === undefined
    ? loop
    : form(k("let"), form(form(deadline, form(box("recv-deadline"), after.seconds))), loop);
}
