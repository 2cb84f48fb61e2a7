import { describe, expect, it } from "vitest";
import { ifNode, sampleBody } from "../test/sample-tree.js";
import { CoreShapeError, isNode, validate } from "./index.js";

describe("validate", () => {
  it("accepts every node of a well-formed tree", () => {
    for (const node of sampleBody()) validate(node);
    expect(isNode({ kind: "begin" })).toBe(true);
    expect(isNode({ kind: "loop" })).toBe(false);
  });

  it("names the path to the bad field and the nearest source position", () => {
    const bad = {
      kind: "lambda",
      params: [],
      rest: null,
      loc: { file: "f.scm", line: 3, column: 1 },
      body: ifNode({ kind: "quote", value: 1 }, { kind: "global" } as never, undefined),
    };
    expect(() => validate(bad, "body[0]")).toThrow(CoreShapeError);
    expect(() => validate(bad, "body[0]")).toThrow(
      "body[0].body.then.name: expected a string, got nothing (at f.scm:3:1)",
    );
    expect(() =>
      validate({ kind: "let", bindings: [[{ name: "x", id: -1, assigned: false }, 1]], body: 1 }),
    ).toThrow("node.bindings[0][0]: expected a variable");
  });
});
