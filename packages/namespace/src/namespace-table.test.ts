import { MString } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { read, show } from "../test/read-datum.js";
import { ModuleNameError } from "./errors.js";
import { NamespaceTable } from "./namespace-table.js";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (ModuleNameError.isInstance(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe("NamespaceTable", () => {
  // The table of the ELS'20 paper's cats.sld expansion.
  const cats = NamespaceTable.fromDatum(
    read('(("gitlab.com/zoo/cats@2.0#") ("" define) ("github.com/fred/hello@1.0#" hi))'),
  );

  it("qualifies free identifiers as in the paper's cats.sld expansion", () => {
    expect(cats.resolve("main")).toBe("gitlab.com/zoo/cats@2.0#main");
    expect(cats.resolve("define")).toBe("define");
    expect(cats.resolve("hi")).toBe("github.com/fred/hello@1.0#hi");
  });

  it("leaves identifiers that already contain # alone", () => {
    expect(cats.resolve("##car")).toBe("##car");
    expect(cats.resolve("scheme/base#car")).toBe("scheme/base#car");
  });

  it("leaves identifiers unchanged when no rule covers them", () => {
    const table = new NamespaceTable().addNames("m#", ["a"]);
    expect(table.resolve("a")).toBe("m#a");
    expect(table.resolve("b")).toBe("b");
    expect(table.covers("b")).toBe(false);
    expect(table.covers("a")).toBe(true);
  });

  it("renames with (written defined) pairs", () => {
    const table = NamespaceTable.fromDatum(read('(("m#" (hello hi) bye))'));
    expect(table.resolve("hello")).toBe("m#hi");
    expect(table.resolve("bye")).toBe("m#bye");
    expect(table.resolve("hi")).toBe("hi");
  });

  it("lets a newer rule shadow an older one, including a newer default", () => {
    const table = new NamespaceTable().addNames("a#", ["x", "y"]).addNames("b#", ["y"]);
    expect(table.resolve("x")).toBe("a#x");
    expect(table.resolve("y")).toBe("b#y");
    table.addDefault("c#");
    expect(table.resolve("x")).toBe("c#x");
    table.addNames("", ["x"]);
    expect(table.resolve("x")).toBe("x");
    expect(table.resolve("z")).toBe("c#z");
  });

  it("starts a library's table with forNamespace", () => {
    expect(NamespaceTable.forNamespace("scheme/base").resolve("car")).toBe("scheme/base#car");
    expect(NamespaceTable.forNamespace("").resolve("x")).toBe("#x");
  });

  it("keeps its rules in order and round-trips through datums", () => {
    expect(cats.rules).toEqual([
      { prefix: "gitlab.com/zoo/cats@2.0#" },
      { prefix: "", names: [["define", "define"]] },
      { prefix: "github.com/fred/hello@1.0#", names: [["hi", "hi"]] },
    ]);
    const datum = cats.toDatum();
    expect(show(datum)).toBe("((gitlab.com/zoo/cats@2.0#) ( define) (github.com/fred/hello@1.0# hi))");
    expect(((datum as any).car.car as unknown) instanceof MString).toBe(true);
    expect(NamespaceTable.fromDatum(datum).rules).toEqual(cats.rules);
  });

  it("prints as a readable declaration", () => {
    expect(cats.print()).toBe(
      [
        '(namespace ("gitlab.com/zoo/cats@2.0#")',
        '           ("" define)',
        '           ("github.com/fred/hello@1.0#" hi))',
      ].join("\n"),
    );
    const odd = new NamespaceTable().addNames("m#", [["two words", "x"], "1+"]);
    expect(odd.print("##namespace")).toBe('(##namespace ("m#" (|two words| x) |1+|))');
  });

  it("clones without sharing later changes", () => {
    const copy = cats.clone().addDefault("other#");
    expect(copy.resolve("main")).toBe("other#main");
    expect(cats.resolve("main")).toBe("gitlab.com/zoo/cats@2.0#main");
  });

  it.each([
    ['(("ns"))', "bad-prefix"],
    ["((ns#))", "bad-declaration"],
    ['(("ns#" (a)))', "bad-declaration"],
    ['(("ns#" 12))', "bad-declaration"],
    ['"ns#"', "bad-declaration"],
    ["(())", "bad-declaration"],
  ])("refuses %s with %s", (text, code) => {
    expect(codeOf(() => NamespaceTable.fromDatum(read(text)))).toBe(code);
  });

  it("refuses a prefix without # when built by hand", () => {
    expect(codeOf(() => new NamespaceTable().addDefault("github.com/fred/hello@2.0"))).toBe("bad-prefix");
  });
});
