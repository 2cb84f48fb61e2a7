import { describe, expect, it } from "vitest";
import { read } from "../test/read-datum.js";
import { ModuleNameError } from "./errors.js";
import { hostedModuleName, libraryName, relativeModuleName } from "./module-name.js";
import { parseModuleName } from "./module-name-datum.js";
import { compareModuleNames, formatModuleName, parseModulePath, sameModule } from "./module-path.js";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (ModuleNameError.isInstance(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe("flat form", () => {
  it.each([
    ["(github.com/fred hello @2.0)", "github.com/fred/hello@2.0"],
    ["(github.com/fred hello)", "github.com/fred/hello"],
    ["(gitlab.com/zoo animals cats @1.2.3)", "gitlab.com/zoo/animals/cats@1.2.3"],
    ["(scheme base)", "scheme/base"],
    ["(srfi 1)", "srfi/1"],
    ["(.. hello)", "../hello"],
    ["(.. .. a b)", "../../a/b"],
  ])("%s is written %s and reads back", (list, flat) => {
    const name = parseModuleName(read(list));
    expect(formatModuleName(name)).toBe(flat);
    expect(parseModulePath(flat)).toEqual(name);
  });

  it.each([
    ["", "empty"],
    ["@2.0", "empty"],
    ["github.com", "no-path"],
    ["github.com@2.0", "no-path"],
    ["github.com/fred/hello@", "bad-version"],
    ["github.com/fred/hello@2.0@3", "bad-version"],
    ["github.com/fred/hello@2.0/x", "version-not-last"],
    ["github.com/fred/hello/", "bad-part"],
    ["github.com//hello", "bad-part"],
    ["github.com/fred/he llo", "bad-part"],
    ["github.com/fred/hello#hi", "bad-part"],
    ["bad_host.com/fred/hello", "bad-host"],
    ["scheme/base@1.0", "version-not-hosted"],
    ["srfi/01", "bad-part"],
    ["srfi/99999999999999999999", "bad-part"],
    ["../hello@1.0", "bad-relative"],
    ["..", "empty"],
    ["../a/../b", "bad-relative"],
    ["scheme/../base", "bad-relative"],
  ])("refuses %j with %s", (text, code) => {
    expect(codeOf(() => parseModulePath(text))).toBe(code);
  });

  it("reads digits in a library path as the integer part", () => {
    expect(parseModulePath("srfi/1")).toEqual({ kind: "library", parts: ["srfi", 1] });
    expect(parseModulePath("srfi/0")).toEqual({ kind: "library", parts: ["srfi", 0] });
  });

  it("lower-cases the host so spellings compare equal", () => {
    expect(
      sameModule(parseModulePath("GitHub.com/fred/hello"), parseModulePath("github.com/fred/hello")),
    ).toBe(true);
  });
});

describe("constructors", () => {
  it("validate like the parsers", () => {
    expect(hostedModuleName("GitHub.com", ["fred", "hello"], "2.0")).toEqual(
      parseModulePath("github.com/fred/hello@2.0"),
    );
    expect(codeOf(() => hostedModuleName("github.com", []))).toBe("no-path");
    expect(codeOf(() => hostedModuleName("github", ["x"]))).toBe("bad-host");
    expect(codeOf(() => libraryName([]))).toBe("empty");
    expect(codeOf(() => libraryName(["foo.bar", "x"]))).toBe("bad-part");
    expect(codeOf(() => libraryName(["srfi", 1.5]))).toBe("bad-part");
    expect(codeOf(() => relativeModuleName(0, ["x"]))).toBe("bad-relative");
    expect(codeOf(() => relativeModuleName(1, []))).toBe("empty");
  });
});

describe("sameModule and compareModuleNames", () => {
  const hello1 = parseModulePath("github.com/fred/hello@1.0");
  const hello2 = parseModulePath("github.com/fred/hello@2.0");
  const helloDev = parseModulePath("github.com/fred/hello");
  const base = parseModulePath("scheme/base");

  it("tells versions apart, and a versionless name from a versioned one", () => {
    expect(sameModule(hello1, parseModuleName(read("(github.com fred hello @1.0)")))).toBe(true);
    expect(sameModule(hello1, hello2)).toBe(false);
    expect(sameModule(hello1, helloDev)).toBe(false);
    expect(sameModule(base, libraryName(["scheme", "base"]))).toBe(true);
  });

  it("orders hosted names before libraries before relative references", () => {
    const rel = parseModulePath("../x");
    const sorted = [rel, base, hello2, helloDev, hello1].sort(compareModuleNames).map(formatModuleName);
    expect(sorted).toEqual([
      "github.com/fred/hello",
      "github.com/fred/hello@1.0",
      "github.com/fred/hello@2.0",
      "scheme/base",
      "../x",
    ]);
    expect(compareModuleNames(hello1, parseModulePath("github.com/fred/hello@1.0"))).toBe(0);
  });
});
