import { describe, expect, it } from "vitest";
import { ModuleNameError } from "./errors.js";
import type { HostedModuleName } from "./module-name.js";
import { parseModulePath } from "./module-path.js";
import { installDirectory, installPath, installPaths, repositoryOf, tagCandidates } from "./repository.js";

const hosted = (text: string) => parseModulePath(text) as HostedModuleName;

describe("repositoryOf", () => {
  it("maps (github.com/fred hello @2.0) to the repository, tags and module files", () => {
    expect(repositoryOf(hosted("github.com/fred/hello@2.0"))).toEqual({
      location: "github.com/fred/hello",
      host: "github.com",
      path: "fred/hello",
      url: "https://github.com/fred/hello.git",
      tags: ["2.0", "v2.0"],
      files: ["hello.sld", "hello/hello.sld"],
    });
  });

  it("uses the default branch when there is no version", () => {
    expect(repositoryOf(hosted("github.com/fred/hello")).tags).toBeNull();
  });

  it("takes the whole path as the repository and its last part as the module file", () => {
    const repo = repositoryOf(hosted("gitlab.com/zoo/animals/cats@1.2.3"));
    expect(repo.location).toBe("gitlab.com/zoo/animals/cats");
    expect(repo.files).toEqual(["cats.sld", "cats/cats.sld"]);
  });

  it("tries a v prefix only for versions that start with a digit", () => {
    expect(tagCandidates("1.0")).toEqual(["1.0", "v1.0"]);
    expect(tagCandidates("^1.2")).toEqual([]);
    expect(tagCandidates("v1.0")).toEqual(["v1.0"]);
    expect(tagCandidates("stable")).toEqual(["stable"]);
  });
});

describe("installPath", () => {
  it.each([
    ["github.com/fred/hello@1.0", ["github.com", "fred", "hello", "@1.0", "hello.sld"]],
    ["gitlab.com/zoo/animals/cats@1.2.3", ["gitlab.com", "zoo", "animals", "cats", "@1.2.3", "cats.sld"]],
    ["github.com/fred/hello", ["github.com", "fred", "hello", "@", "hello.sld"]],
    ["chibi/test", ["chibi", "test.sld"]],
    ["srfi/1", ["srfi", "1.sld"]],
    ["scheme", ["scheme.sld"]],
  ])("%s is installed at %j", (name, segments) => {
    expect(installPath(parseModulePath(name))).toEqual(segments);
  });

  it("gives the checkout directory of a hosted module", () => {
    expect(installDirectory(hosted("github.com/fred/hello@1.0"))).toEqual([
      "github.com",
      "fred",
      "hello",
      "@1.0",
    ]);
  });

  it("refuses a relative reference", () => {
    expect(() => installPath(parseModulePath("../x"))).toThrow(ModuleNameError);
  });
});

describe("version ranges", () => {
  it("accepts ^ and ~ before a tag and gives them no install directory", () => {
    const range = hosted("github.com/fred/hello@^1.2");
    expect(range.version).toBe("^1.2");
    expect(hosted("github.com/fred/hello@~1.4").version).toBe("~1.4");
    expect(() => installDirectory(range)).toThrow(/resolve it to a version first/);
    try {
      installPath(range);
    } catch (error) {
      expect(ModuleNameError.isInstance(error) && error.code).toBe("unresolved-range");
    }
    expect(() => hosted("github.com/fred/hello@^")).toThrow(/Bad version/);
    expect(() => hosted("github.com/fred/hello@^^1")).toThrow(/Bad version/);
  });
});

describe("installPaths", () => {
  it("tries a hosted module's file at the checkout root, then in a directory of its name", () => {
    expect(installPaths(hosted("github.com/fred/hello@2.0"))).toEqual([
      ["github.com", "fred", "hello", "@2.0", "hello.sld"],
      ["github.com", "fred", "hello", "@2.0", "hello", "hello.sld"],
    ]);
    expect(installPaths(parseModulePath("chibi/test"))).toEqual([["chibi", "test.sld"]]);
  });
});
