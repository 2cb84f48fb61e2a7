import { describe, expect, it } from "vitest";
import { ModuleNameError } from "./errors.js";
import type { HostedModuleName, LibraryName, RelativeModuleName } from "./module-name.js";
import { formatModuleName, parseModulePath } from "./module-path.js";
import { resolveRelative } from "./relative.js";

const hosted = (text: string) => parseModulePath(text) as HostedModuleName;
const library = (text: string) => parseModulePath(text) as LibraryName;
const relative = (text: string) => parseModulePath(text) as RelativeModuleName;

describe("resolveRelative", () => {
  it.each([
    ["github.com/fred/x@1.0", "../hello", "github.com/fred/hello@1.0"],
    ["github.com/fred/x", "../hello", "github.com/fred/hello"],
    ["gitlab.com/zoo/animals/cats@1.2.3", "../dogs", "gitlab.com/zoo/animals/dogs@1.2.3"],
    ["gitlab.com/zoo/animals/cats", "../../birds", "gitlab.com/zoo/birds"],
    ["gitlab.com/zoo/animals/cats@2", "../../../other/thing", "gitlab.com/other/thing@2"],
  ])("inside %s, %s is %s", (base, rel, expected) => {
    expect(formatModuleName(resolveRelative(hosted(base), relative(rel)))).toBe(expected);
  });

  it("works inside ordinary libraries too", () => {
    expect(resolveRelative(library("scheme/char"), relative("../base"))).toEqual(library("scheme/base"));
    expect(resolveRelative(library("srfi/1"), relative("../2"))).toEqual(library("srfi/2"));
  });

  it("refuses to climb above the host", () => {
    try {
      resolveRelative(hosted("github.com/fred/x@1.0"), relative("../../../y"));
      expect.unreachable();
    } catch (error) {
      expect(ModuleNameError.isInstance(error) && error.code).toBe("relative-escape");
      expect((error as Error).message).toContain('"../../../y"');
    }
  });

  it("refuses a result that would read as another kind of name", () => {
    expect(() => resolveRelative(library("a/b"), relative("../../x.y"))).toThrow(ModuleNameError);
  });
});
