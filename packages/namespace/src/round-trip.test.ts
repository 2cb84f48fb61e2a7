// Property tests: every valid name survives both printed forms, and every malformed one is refused
// with a ModuleNameError carrying a catalogued code.

import { intern, list, listToArray } from "@termite/datum";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModuleNameError } from "./errors.js";
import type { HostedModuleName, LibraryName, ModuleName, RelativeModuleName } from "./module-name.js";
import { moduleNameToDatum, parseModuleName } from "./module-name-datum.js";
import { formatModuleName, parseModulePath, sameModule } from "./module-path.js";
import { qualify, splitQualified } from "./qualified.js";
import { resolveRelative } from "./relative.js";
import { installPath } from "./repository.js";

const CODES = new Set([
  "empty",
  "not-a-name",
  "bad-host",
  "no-path",
  "bad-part",
  "bad-version",
  "version-not-last",
  "version-not-hosted",
  "bad-relative",
  "relative-escape",
  "unresolved-relative",
  "bad-prefix",
  "bad-declaration",
  "alias-cycle",
]);

const alnum = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
const inner = fc.constantFrom(..."abcxyzXYZ019_.-");
// A path part or tag: starts with a letter, digit or '_', no '..', no trailing '.'.
const segment = fc
  .tuple(fc.oneof(alnum, fc.constant("_")), fc.array(inner, { maxLength: 8 }), alnum)
  .map(([a, middle, z]) => a + middle.join("") + z)
  .filter((s) => !s.includes(".."));
const label = fc
  .tuple(
    fc.constantFrom(..."abcdefghz019"),
    fc.array(fc.constantFrom(..."abz09-"), { maxLength: 5 }),
    fc.constantFrom(..."abz09"),
  )
  .map(([a, m, z]) => a + m.join("") + z);
const host = fc.array(label, { minLength: 2, maxLength: 4 }).map((labels) => labels.join("."));

const hostedName: fc.Arbitrary<HostedModuleName> = fc.record({
  kind: fc.constant("hosted" as const),
  host,
  path: fc.array(segment, { minLength: 1, maxLength: 4 }),
  version: fc.option(segment, { nil: null }),
});

const libraryWord = fc
  .tuple(fc.constantFrom(..."abcsz"), fc.array(fc.constantFrom(..."abz09-!?*<>=:+_~^$%&"), { maxLength: 6 }))
  .map(([a, rest]) => a + rest.join(""));
const libraryName: fc.Arbitrary<LibraryName> = fc.record({
  kind: fc.constant("library" as const),
  parts: fc
    .tuple(
      libraryWord,
      fc.array(fc.oneof(libraryWord, fc.nat({ max: 10_000 }), fc.constant("x.y")), { maxLength: 4 }),
    )
    .map(([first, rest]) => [first, ...rest]),
});

const relativeName: fc.Arbitrary<RelativeModuleName> = fc.record({
  kind: fc.constant("relative" as const),
  up: fc.integer({ min: 1, max: 3 }),
  parts: fc.array(segment, { minLength: 1, maxLength: 3 }),
});

const anyName: fc.Arbitrary<ModuleName> = fc.oneof(hostedName, libraryName, relativeName);

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (ModuleNameError.isInstance(error)) return error.code;
    throw error;
  }
  return "accepted";
}

describe("round trips", () => {
  it("flat form: parseModulePath(formatModuleName(n)) is n", () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const normal = name.kind === "hosted" ? { ...name, host: name.host.toLowerCase() } : name;
        expect(parseModulePath(formatModuleName(name))).toEqual(normal);
      }),
    );
  });

  it("list form: parseModuleName(moduleNameToDatum(n)) is n", () => {
    fc.assert(
      fc.property(anyName, (name) => {
        expect(parseModuleName(moduleNameToDatum(name))).toEqual(name);
      }),
    );
  });

  it("the two forms agree", () => {
    fc.assert(
      fc.property(anyName, (name) => {
        expect(
          sameModule(parseModuleName(moduleNameToDatum(name)), parseModulePath(formatModuleName(name))),
        ).toBe(true);
      }),
    );
  });

  it("qualified names split back when the identifier has no #", () => {
    fc.assert(
      fc.property(
        fc.oneof(hostedName, libraryName).map(formatModuleName),
        fc.string().filter((s) => !s.includes("#")),
        (namespace, identifier) => {
          expect(splitQualified(qualify(namespace, identifier))).toEqual({ namespace, name: identifier });
        },
      ),
    );
  });

  it("a resolved relative reference keeps host and version and ends with the reference's parts", () => {
    fc.assert(
      fc.property(hostedName, relativeName, (base, rel) => {
        fc.pre(rel.up <= base.path.length);
        const resolved = resolveRelative(base, rel);
        expect(resolved.host).toBe(base.host);
        expect(resolved.version).toBe(base.version);
        expect(resolved.path.slice(-rel.parts.length)).toEqual(rel.parts);
        expect(resolved.path.length).toBe(base.path.length - rel.up + rel.parts.length);
      }),
    );
  });

  it("install paths have no empty, '.' or '..' segment and no separator inside a segment", () => {
    fc.assert(
      fc.property(fc.oneof(hostedName, libraryName), (name) => {
        for (const segment of installPath(name)) {
          expect(segment).not.toBe("");
          expect(segment).not.toMatch(/^\.\.?$/);
          expect(segment).not.toMatch(/[/\\]/);
        }
      }),
    );
  });
});

describe("malformed names", () => {
  const badChar = fc.constantFrom(" ", "/", "#", "@", "\\", "%", "é", "\u0000", "..");

  it("a bad character spliced into a hosted flat form is refused with a code", () => {
    fc.assert(
      fc.property(hostedName, badChar, fc.nat(), (name, bad, at) => {
        const text = formatModuleName(name);
        const i = at % (text.length + 1);
        const spliced = text.slice(0, i) + bad + text.slice(i);
        const code = refusal(() => parseModulePath(spliced));
        // Some splices still spell a valid name (a '/' between two parts, '@' before a valid tag...).
        if (code === "accepted") return;
        expect(CODES.has(code)).toBe(true);
      }),
    );
  });

  it("a malformed version is always refused as bad-version", () => {
    const badVersion = fc.oneof(
      fc.constant(""),
      segment.map((s) => `.${s}`),
      segment.map((s) => `-${s}`),
      segment.map((s) => `${s}..${s}`),
      segment.map((s) => `${s}.`),
      fc.tuple(segment, fc.constantFrom(" ", "%", "é", "#", "~", ":")).map(([s, c]) => s + c),
    );
    fc.assert(
      fc.property(hostedName, badVersion, (name, version) => {
        expect(
          refusal(() => parseModulePath(`${formatModuleName({ ...name, version: null })}@${version}`)),
        ).toBe("bad-version");
      }),
    );
  });

  it("a version anywhere but last is refused, in both forms", () => {
    fc.assert(
      fc.property(hostedName, segment, fc.nat(), (name, tag, at) => {
        const elements = listToArray(moduleNameToDatum({ ...name, version: null }));
        const i = at % elements.length;
        elements.splice(i, 0, intern(`@${tag}`));
        expect(refusal(() => parseModuleName(list(elements)))).toBe("version-not-last");
        expect(refusal(() => parseModulePath(`${formatModuleName({ ...name, version: tag })}/x`))).toBe(
          "version-not-last",
        );
      }),
    );
  });

  it("arbitrary strings are either valid names that print back, or refused with a code", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        let name: ModuleName;
        try {
          name = parseModulePath(text);
        } catch (error) {
          expect(ModuleNameError.isInstance(error)).toBe(true);
          expect(CODES.has((error as ModuleNameError).code)).toBe(true);
          return;
        }
        expect(parseModulePath(formatModuleName(name))).toEqual(name);
      }),
    );
  });
});
