import { readFileSync, writeFileSync } from "node:fs";
import { intern } from "@termite/datum";
import { decodeSync, encode } from "@termite/serializer";
import { describe, expect, it } from "vitest";
import { sampleBody } from "../test/sample-tree.js";
import {
  datumToTree,
  MalformedTreeError,
  type Node,
  printCore,
  treeToDatum,
  type Variable,
} from "./index.js";

const body = (): Node => ({ kind: "begin", body: sampleBody() });

describe("the tree as data", () => {
  it("encodes to the same bytes as the wire format has always had (docs/wire-format.md §7.2)", () => {
    // The fixture is the encoding made by the hand-written encoder this one replaced. A new node
    // kind changes it (the sample holds every kind): UPDATE_FIXTURES=1 rewrites it, and the change
    // is a wire format change.
    const fixture = new URL("../test/fixtures/sample-tree.hex", import.meta.url);
    const bytes = Buffer.from(encode(treeToDatum(body()))).toString("hex");
    if (process.env.UPDATE_FIXTURES === "1") writeFileSync(fixture, `${bytes}\n`);
    expect(bytes).toBe(readFileSync(fixture, "utf8").trim());
  });

  it("writes a node as #(kind field… loc) and shares a variable's vector", () => {
    const x: Variable = { name: "x", id: 7, assigned: true };
    const d = treeToDatum({
      kind: "set",
      target: { kind: "local", variable: x },
      value: { kind: "local", variable: x },
      loc: { line: 1, column: 2 },
    }) as unknown[];
    expect(d[0]).toBe(intern("set"));
    expect(d[3]).toEqual([false, 1, 2, false]);
    const target = d[1] as unknown[];
    const value = d[2] as unknown[];
    expect(target[1]).toBe(value[1]);
    expect(target[1]).toEqual([intern("variable"), "x", 7, true]);
  });

  it("round-trips through bytes with one Variable object per variable", () => {
    const back = datumToTree(decodeSync(encode(treeToDatum(body()))));
    expect(printCore(back)).toBe(printCore(body()));
    const define = (back as Node & { kind: "begin" }).body[0] as Node & { kind: "define" };
    const lambda = define.value as Node & { kind: "lambda" };
    const set = (lambda.body as Node & { kind: "begin" }).body[0] as Node & { kind: "set" };
    expect(set.target.kind === "local" && set.target.variable).toBe(lambda.params[0]);
    expect(lambda.loc).toEqual({ file: "t.scm", line: 2, column: 4, offset: 17 });
    expect(lambda.name).toBe("two");
  });

  it("refuses a variable whose id is not a plain integer (ids become JS names)", () => {
    const d = treeToDatum({ kind: "local", variable: { name: "x", id: 1, assigned: false } }) as unknown[];
    (d[1] as unknown[])[2] = 1e300;
    expect(() => datumToTree(d)).toThrow(
      "malformed syntax tree at root.variable: a variable id is not an integer",
    );
  });

  it("names the path to what is wrong", () => {
    const d = treeToDatum(body()) as unknown[];
    const define = (d[1] as unknown[])[0] as unknown[];
    const lambda = define[2] as unknown[];
    const clauses = ((lambda[3] as unknown[])[1] as unknown[])[6] as unknown[];
    (clauses[1] as unknown[])[0] = [intern("quote"), 1, false];
    expect(() => datumToTree(d)).toThrow(MalformedTreeError);
    expect(() => datumToTree(d)).toThrow(
      "malformed syntax tree at root.body[0].value.body.body[6].clauses[0]: a clause is not a lambda",
    );
    expect(() => datumToTree([intern("frob"), false])).toThrow("unknown node kind frob");
    expect(() => datumToTree([intern("if"), false])).toThrow(
      "a node of kind if has 3 fields and a location, not 0 items",
    );
  });
});
