import type { Node, Variable } from "@termite/core";
import { intern, string } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { packBody, unpackBody } from "./core-tree.js";

const x: Variable = { name: "x", id: 7, assigned: true };
const tree: Node = {
  kind: "lambda",
  params: [x],
  rest: null,
  name: "inc!",
  loc: { file: "a.scm", line: 3, column: 5, offset: 40 },
  body: {
    kind: "begin",
    body: [
      { kind: "set", target: { kind: "local", variable: x }, value: { kind: "quote", value: string("s") } },
      {
        kind: "if",
        test: { kind: "local", variable: x },
        // biome-ignore lint/suspicious/noThenProperty: the core language names its branch `then`
        then: { kind: "global", name: "#y" },
        else: undefined,
      },
      {
        kind: "call",
        fn: { kind: "global", name: "scheme/base#list" },
        args: [{ kind: "quote", value: intern("q") }],
      },
    ],
  },
};

describe("the syntax tree as data", () => {
  it("round-trips through bytes, with one Variable object per variable", () => {
    const [back] = unpackBody(packBody([tree]).bytes) as [Node & { kind: "lambda" }];
    expect(back.name).toBe("inc!");
    expect(back.loc).toEqual({ file: "a.scm", line: 3, column: 5, offset: 40 });
    const body = (back.body as Node & { kind: "begin" }).body;
    const set = body[0] as Node & { kind: "set" };
    expect(set.target.kind === "local" && set.target.variable).toBe(back.params[0]);
    expect((body[1] as Node & { kind: "if" }).else).toBeUndefined();
    expect(String((set.value as Node & { kind: "quote" }).value)).toBe("s");
    expect(back.params[0]).toEqual({ name: "x", id: 7, assigned: true });
  });
});
