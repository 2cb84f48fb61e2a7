import { describe, expect, it } from "vitest";
import { read } from "../test/read-datum.js";
import { ModuleNameError } from "./errors.js";
import { ModuleAliases } from "./module-aliases.js";
import { parseModuleName } from "./module-name-datum.js";
import { formatModuleName, parseModulePath } from "./module-path.js";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (ModuleNameError.isInstance(error)) return error.code;
    throw error;
  }
  return undefined;
}

const resolve = (aliases: ModuleAliases, text: string) => formatModuleName(aliases.resolveForm(read(text)));

describe("ModuleAliases", () => {
  it("rewrites a prefix: (zoo) -> (gitlab.com/zoo)", () => {
    const aliases = new ModuleAliases().define(read("(zoo)"), read("(gitlab.com/zoo)"));
    expect(resolve(aliases, "(zoo cats)")).toBe("gitlab.com/zoo/cats");
    expect(resolve(aliases, "(zoo cats @2.0)")).toBe("gitlab.com/zoo/cats@2.0");
    expect(resolve(aliases, "(zoo animals cats)")).toBe("gitlab.com/zoo/animals/cats");
    expect(resolve(aliases, "(zoom cats)")).toBe("zoom/cats");
    expect(resolve(aliases, "(scheme base)")).toBe("scheme/base");
  });

  it("pins the version of an unversioned import, and an explicit version wins", () => {
    const aliases = new ModuleAliases().define(
      read("(github.com/fred hello)"),
      read("(github.com/fred hello @2.0)"),
    );
    expect(resolve(aliases, "(github.com/fred hello)")).toBe("github.com/fred/hello@2.0");
    expect(resolve(aliases, "(github.com fred hello)")).toBe("github.com/fred/hello@2.0");
    expect(resolve(aliases, "(github.com/fred hello @1.0)")).toBe("github.com/fred/hello@1.0");
    expect(resolve(aliases, "(github.com/fred other)")).toBe("github.com/fred/other");
  });

  it("aliases a whole name and a bare host", () => {
    const aliases = new ModuleAliases()
      .define(read("(hello)"), read("(github.com/fred hello @2.0)"))
      .define(read("(gl)"), read("(gitlab.com)"));
    expect(resolve(aliases, "(hello)")).toBe("github.com/fred/hello@2.0");
    expect(resolve(aliases, "(gl zoo cats @1.0)")).toBe("gitlab.com/zoo/cats@1.0");
    expect(codeOf(() => aliases.resolveForm(read("(gl)")))).toBe("no-path");
  });

  it("chains aliases, then stops", () => {
    const aliases = new ModuleAliases()
      .define(read("(zoo)"), read("(gitlab.com/zoo)"))
      .define(read("(gitlab.com/zoo cats)"), read("(gitlab.com/zoo cats @3.1)"));
    expect(resolve(aliases, "(zoo cats)")).toBe("gitlab.com/zoo/cats@3.1");
    // An alias that grows the name applies once.
    const grow = new ModuleAliases().define(read("(a)"), read("(a b)"));
    expect(resolve(grow, "(a x)")).toBe("a/b/x");
  });

  it("is lexically scoped: inner scopes see outer aliases and may shadow them", () => {
    const outer = new ModuleAliases().define(read("(zoo)"), read("(gitlab.com/zoo)"));
    const inner = outer.extend().define(read("(zoo)"), read("(github.com/zoo2)"));
    const sibling = outer.extend();
    expect(resolve(inner, "(zoo cats)")).toBe("github.com/zoo2/cats");
    expect(resolve(sibling, "(zoo cats)")).toBe("gitlab.com/zoo/cats");
    expect(resolve(outer, "(zoo cats)")).toBe("gitlab.com/zoo/cats");
    expect(inner.parent).toBe(outer);
    expect(inner.entries).toHaveLength(1);
  });

  it("prefers the longest alias within a scope", () => {
    const aliases = new ModuleAliases()
      .define(read("(zoo cats)"), read("(github.com/felines cats)"))
      .define(read("(zoo)"), read("(gitlab.com/zoo)"));
    expect(resolve(aliases, "(zoo cats)")).toBe("github.com/felines/cats");
    expect(resolve(aliases, "(zoo dogs)")).toBe("gitlab.com/zoo/dogs");
  });

  it("accepts ModuleName objects as well as datums", () => {
    const aliases = new ModuleAliases().define(parseModulePath("zoo"), parseModulePath("gitlab.com/zoo"));
    expect(formatModuleName(aliases.resolve(parseModuleName(read("(zoo cats)"))))).toBe(
      "gitlab.com/zoo/cats",
    );
  });

  it("leaves relative references to be resolved against their module", () => {
    const aliases = new ModuleAliases().define(read("(zoo)"), read("(gitlab.com/zoo)"));
    expect(aliases.resolve(parseModulePath("../zoo"))).toEqual(parseModulePath("../zoo"));
  });

  it("reports cycles", () => {
    const aliases = new ModuleAliases().define(read("(a)"), read("(b)")).define(read("(b)"), read("(a)"));
    expect(codeOf(() => aliases.resolveForm(read("(a x)")))).toBe("alias-cycle");
  });

  it("refuses malformed declarations", () => {
    const aliases = new ModuleAliases();
    expect(codeOf(() => aliases.define(read("(zoo @1.0)"), read("(gitlab.com/zoo)")))).toBe(
      "version-not-hosted",
    );
    expect(codeOf(() => aliases.define(read("(gitlab.com/zoo @1.0)"), read("(x)")))).toBe("bad-declaration");
    expect(codeOf(() => aliases.define(read("(.. zoo)"), read("(x)")))).toBe("bad-declaration");
    expect(codeOf(() => aliases.define(read("(zoo)"), read("(gitlab..com)")))).toBe("bad-host");
  });

  it("still refuses a version on a name no alias makes hosted", () => {
    expect(codeOf(() => new ModuleAliases().resolveForm(read("(scheme base @1.0)")))).toBe(
      "version-not-hosted",
    );
    const toLibrary = new ModuleAliases().define(read("(s)"), read("(scheme)"));
    expect(codeOf(() => toLibrary.resolveForm(read("(s base @1.0)")))).toBe("version-not-hosted");
  });
});
