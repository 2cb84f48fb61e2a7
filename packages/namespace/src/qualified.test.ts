import { describe, expect, it } from "vitest";
import { read } from "../test/read-datum.js";
import { ModuleNameError } from "./errors.js";
import { parseModuleName } from "./module-name-datum.js";
import { parseModulePath } from "./module-path.js";
import { libraryNamespace, qualifiedGlobal, qualify, SCRIPT_NAMESPACE, splitQualified } from "./qualified.js";

describe("qualify and splitQualified", () => {
  it("joins with # and splits back", () => {
    expect(qualify("github.com/fred/hello@2.0", "hi")).toBe("github.com/fred/hello@2.0#hi");
    expect(splitQualified("github.com/fred/hello@2.0#hi")).toEqual({
      namespace: "github.com/fred/hello@2.0",
      name: "hi",
    });
  });

  it("uses the empty namespace for scripts and the REPL", () => {
    expect(qualify(SCRIPT_NAMESPACE, "hi")).toBe("#hi");
    expect(splitQualified("#hi")).toEqual({ namespace: "", name: "hi" });
  });

  it("splits at the last #, and gives null for an unqualified name", () => {
    expect(splitQualified("##car")).toEqual({ namespace: "#", name: "car" });
    expect(splitQualified("a#b#c")).toEqual({ namespace: "a#b", name: "c" });
    expect(splitQualified("car")).toBeNull();
    expect(splitQualified("ns#")).toEqual({ namespace: "ns", name: "" });
  });

  it("qualifies identifiers with any characters", () => {
    expect(splitQualified(qualify("scheme/base", "string->list"))).toEqual({
      namespace: "scheme/base",
      name: "string->list",
    });
    expect(splitQualified(qualify("", "two words"))).toEqual({ namespace: "", name: "two words" });
  });
});

describe("libraryNamespace", () => {
  it.each([
    ["(github.com/fred hello @2.0)", "github.com/fred/hello@2.0"],
    ["(github.com/fred hello)", "github.com/fred/hello"],
    ["(scheme base)", "scheme/base"],
    ["(srfi 1)", "srfi/1"],
  ])("%s puts its globals in %s", (name, namespace) => {
    expect(libraryNamespace(parseModuleName(read(name)))).toBe(namespace);
  });

  it("gives scheme/base#car for car in (scheme base)", () => {
    expect(qualifiedGlobal(parseModulePath("scheme/base"), "car")).toBe("scheme/base#car");
  });

  it("refuses an unresolved relative reference", () => {
    try {
      libraryNamespace(parseModulePath("../x"));
      expect.unreachable();
    } catch (error) {
      expect(ModuleNameError.isInstance(error) && error.code).toBe("unresolved-relative");
    }
  });
});
