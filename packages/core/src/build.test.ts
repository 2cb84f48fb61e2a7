import { describe, expect, it } from "vitest";
import { ifNode } from "../test/sample-tree.js";
import { CoreShapeError, isKind, isProcedure, isVariableRef, make, type Node, validate } from "./index.js";

describe("builders", () => {
  it("make nodes with their fields in declared order and the kind filled in", () => {
    const x = { name: "x", id: 1, assigned: false };
    const body = make.local({ variable: x });
    const lambda = make.lambda({ body, rest: null, params: [x], loc: { line: 1, column: 0 } });
    expect(Object.keys(lambda)).toEqual(["kind", "params", "rest", "body", "loc"]);
    expect(lambda.kind).toBe("lambda");
    validate(make.call({ fn: lambda, args: [make.quote({ value: 1 })] }));
    const { kind: _, ...branches } = ifNode(body, body, undefined) as Node & { kind: "if" };
    expect(Object.keys(make.if(branches))).toEqual(["kind", "test", "then", "else", "loc"]);
  });

  it("refuse a field of the wrong shape or an unknown field, naming it", () => {
    const one = make.quote({ value: 1 });
    expect(() => make.call({ fn: one, args: [one, "two" as unknown as Node] })).toThrow(
      "call.args[1]: expected a core node, got string two",
    );
    expect(() => make.set({ target: one as never, value: one })).toThrow(CoreShapeError);
    expect(() => make.global({ name: "#x", nmae: 1 } as never)).toThrow("global: no field named nmae");
  });

  it("guards narrow by kind", () => {
    const g: Node = make.global({ name: "#g" });
    expect(isKind(g, "global") && g.name).toBe("#g");
    expect(isVariableRef(g)).toBe(true);
    expect(isProcedure(g)).toBe(false);
    expect(isProcedure(make["case-lambda"]({ clauses: [] }))).toBe(true);
  });
});
