// A body with every node kind, and every optional field both present and absent. Written as plain
// object literals (not through the builders) so that it also checks what other producers may hand in.

import { intern, string } from "@termite/datum";
import type { Node, Variable } from "../src/index.js";

export function sampleBody(): Node[] {
  const x: Variable = { name: "x", id: 1, assigned: true };
  const y: Variable = { name: "y", id: 2, assigned: false };
  const r: Variable = { name: "r", id: 3, assigned: false };
  const f: Variable = { name: "f", id: 4, assigned: false };
  const at = { file: "t.scm", line: 2, column: 4, offset: 17 };
  const bare = { line: 9, column: 1 };
  const two: Node = {
    kind: "lambda",
    params: [x, y],
    rest: r,
    name: "two",
    loc: at,
    body: {
      kind: "begin",
      loc: bare,
      body: [
        {
          kind: "set",
          target: { kind: "local", variable: x },
          value: { kind: "quote", value: string("s") },
          loc: at,
        },
        { kind: "set", target: { kind: "global", name: "#g" }, value: { kind: "quote", value: 1.5 } },
        {
          kind: "if",
          test: { kind: "local", variable: y },
          // biome-ignore lint/suspicious/noThenProperty: the core language names its branch `then`
          then: { kind: "global", name: "#y", loc: at },
          else: undefined,
        },
        {
          kind: "if",
          test: { kind: "quote", value: false },
          // biome-ignore lint/suspicious/noThenProperty: the core language names its branch `then`
          then: { kind: "quote", value: null },
          else: { kind: "quote", value: [1, intern("v")] },
          loc: bare,
        },
        {
          kind: "let",
          bindings: [[f, { kind: "lambda", params: [], rest: null, body: { kind: "local", variable: r } }]],
          body: { kind: "call", fn: { kind: "local", variable: f }, args: [] },
          loc: at,
        },
        {
          kind: "letrec",
          bindings: [
            [f, { kind: "quote", value: 3n ** 70n }],
            [r, { kind: "local", variable: f }],
          ],
          body: { kind: "local", variable: r },
        },
        {
          kind: "case-lambda",
          clauses: [
            { kind: "lambda", params: [], rest: null, body: { kind: "quote", value: 0 } },
            {
              kind: "lambda",
              params: [],
              rest: y,
              body: { kind: "local", variable: y },
              name: "inner",
              loc: bare,
            },
          ],
          name: "cl",
          loc: at,
        },
        { kind: "case-lambda", clauses: [] },
        {
          kind: "call",
          fn: { kind: "global", name: "scheme/base#list" },
          args: [
            { kind: "quote", value: intern("q") },
            { kind: "quote", value: undefined },
          ],
          loc: bare,
        },
      ],
    },
  };
  return [
    { kind: "define", name: "#two", value: two, loc: at },
    { kind: "quote", value: true },
  ];
}

/** An `if` node (one place to name its `then` field, which the linter takes for a thenable). */
export function ifNode(test: Node, consequent: Node, alternative: Node | undefined): Node {
  // biome-ignore lint/suspicious/noThenProperty: the core language names its branch `then`
  return { kind: "if", test, then: consequent, else: alternative };
}
