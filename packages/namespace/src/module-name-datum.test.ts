import { intern, list, setLocation, string } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { read, show } from "../test/read-datum.js";
import { ModuleNameError } from "./errors.js";
import { moduleNameToDatum, parseModuleName } from "./module-name-datum.js";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (ModuleNameError.isInstance(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe("parseModuleName", () => {
  it.each([
    [
      "(github.com/fred hello @2.0)",
      { kind: "hosted", host: "github.com", path: ["fred", "hello"], version: "2.0" },
    ],
    [
      "(github.com/fred hello)",
      { kind: "hosted", host: "github.com", path: ["fred", "hello"], version: null },
    ],
    [
      "(gitlab.com/zoo animals cats @1.2.3)",
      { kind: "hosted", host: "gitlab.com", path: ["zoo", "animals", "cats"], version: "1.2.3" },
    ],
    [
      "(github.com fred hello @2.0)",
      { kind: "hosted", host: "github.com", path: ["fred", "hello"], version: "2.0" },
    ],
    [
      "(github.com/fred/hello @2.0)",
      { kind: "hosted", host: "github.com", path: ["fred", "hello"], version: "2.0" },
    ],
    [
      "(GitHub.COM/fred hello)",
      { kind: "hosted", host: "github.com", path: ["fred", "hello"], version: null },
    ],
    [
      "(github.com/fred 2048 @v1.0-rc_1)",
      { kind: "hosted", host: "github.com", path: ["fred", "2048"], version: "v1.0-rc_1" },
    ],
    ["(github.com/fred)", { kind: "hosted", host: "github.com", path: ["fred"], version: null }],
    ["(scheme base)", { kind: "library", parts: ["scheme", "base"] }],
    ["(srfi 1)", { kind: "library", parts: ["srfi", 1] }],
    ["(chibi show c)", { kind: "library", parts: ["chibi", "show", "c"] }],
    ["(srfi :1 lists)", { kind: "library", parts: ["srfi", ":1", "lists"] }],
    ["(.. hello)", { kind: "relative", up: 1, parts: ["hello"] }],
    ["(.. .. birds nest)", { kind: "relative", up: 2, parts: ["birds", "nest"] }],
  ])("reads %s", (text, expected) => {
    expect(parseModuleName(read(text))).toEqual(expected);
  });

  it("reads both spellings of host and owner as the same name", () => {
    expect(parseModuleName(read("(github.com fred hello @2.0)"))).toEqual(
      parseModuleName(read("(github.com/fred hello @2.0)")),
    );
  });

  it.each([
    ["()", "empty"],
    ["(@2.0)", "empty"],
    ["(..)", "empty"],
    ["(github.com)", "no-path"],
    ["(github.com @1.0)", "no-path"],
    ["(github..com/fred hello)", "bad-host"],
    ["(github.com-/fred hello)", "bad-host"],
    ["(.github.com/fred hello)", "bad-host"],
    ["(github.com/fred hel%lo)", "bad-part"],
    ["(github.com/fred .hidden)", "bad-part"],
    ["(github.com/fred -x)", "bad-part"],
    ["(github.com/fred a..b)", "bad-part"],
    ["(github.com//fred hello)", "bad-part"],
    ["(github.com/fred hello/world)", "bad-part"],
    ["(github.com/fred/hello@2.0)", "bad-part"],
    ["(github.com/fred hello @)", "bad-version"],
    ["(github.com/fred hello @.2)", "bad-version"],
    ["(github.com/fred hello @-2)", "bad-version"],
    ["(github.com/fred hello @1..2)", "bad-version"],
    ["(github.com/fred hello @1.2.)", "bad-version"],
    ["(github.com/fred hello @1/2)", "bad-version"],
    ["(github.com/fred @2.0 hello)", "version-not-last"],
    ["(scheme base @1.0)", "version-not-hosted"],
    ["(scheme base/x)", "bad-part"],
    ["(scheme -1)", "bad-part"],
    ["(scheme 1.5)", "bad-part"],
    ["(scheme |12|)", "bad-part"],
    ["(scheme |a#b|)", "bad-part"],
    ["(scheme |two words|)", "bad-part"],
    ["(scheme ..)", "bad-relative"],
    ["(.. hello @1.0)", "bad-relative"],
    ["(.. hello .. x)", "bad-relative"],
  ])("refuses %s with %s", (text, code) => {
    expect(codeOf(() => parseModuleName(read(text)))).toBe(code);
  });

  it("refuses what is not a proper list", () => {
    expect(codeOf(() => parseModuleName(intern("hello")))).toBe("not-a-name");
    expect(codeOf(() => parseModuleName(list([intern("a")], intern("b"))))).toBe("not-a-name");
    expect(codeOf(() => parseModuleName(list([string("scheme"), intern("base")])))).toBe("bad-part");
    expect(codeOf(() => parseModuleName(list([intern("srfi"), 2n ** 80n])))).toBe("bad-part");
  });

  it("quotes the wrong part in the message and in `part`", () => {
    try {
      parseModuleName(read("(github..com/fred hello @2.0)"));
      expect.unreachable();
    } catch (error) {
      const e = error as ModuleNameError;
      expect(e.part).toBe("github..com");
      expect(e.message).toContain('"github..com"');
    }
    try {
      parseModuleName(read("(github.com/fred hello @1..2)"));
      expect.unreachable();
    } catch (error) {
      const e = error as ModuleNameError;
      expect(e.part).toBe("@1..2");
      expect(e.message).toContain('"@1..2"');
      expect(e.message).toContain("..");
    }
  });

  it("puts the source position of the form in front of the message", () => {
    const form = read("(github.com/fred hello @)");
    setLocation(form as object, { file: "cats.sld", line: 3, column: 11 });
    expect(() => parseModuleName(form)).toThrow(/^cats\.sld:3:11: Bad version "@"/);
  });
});

describe("moduleNameToDatum", () => {
  it.each([
    ["(github.com fred hello @2.0)", "(github.com/fred hello @2.0)"],
    ["(gitlab.com/zoo animals cats @1.2.3)", "(gitlab.com/zoo animals cats @1.2.3)"],
    ["(github.com/fred hello)", "(github.com/fred hello)"],
    ["(github.com/fred 2048)", "(github.com/fred 2048)"],
    ["(github.com/fred |007|)", "(github.com/fred 007)"],
    ["(srfi 1)", "(srfi 1)"],
    ["(.. .. hello)", "(.. .. hello)"],
  ])("writes %s as %s", (text, expected) => {
    expect(show(moduleNameToDatum(parseModuleName(read(text))))).toBe(expected);
  });

  it("gives interned symbols and integers", () => {
    const datum = moduleNameToDatum(parseModuleName(read("(srfi 1)"))) as {
      car: unknown;
      cdr: { car: unknown };
    };
    expect(datum.car).toBe(intern("srfi"));
    expect(datum.cdr.car).toBe(1);
  });
});
