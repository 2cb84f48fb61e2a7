import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { primitiveGroups } from "./groups.js";

const LIBRARIES = [
  "scheme/base",
  "scheme/char",
  "scheme/cxr",
  "scheme/inexact",
  "scheme/complex",
  "scheme/r5rs",
  "srfi/1",
  "termite/internal",
];

function testSources(): string {
  const here = import.meta.dirname;
  const dirs = [here, join(here, "numbers")];
  return dirs
    .flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith(".test.ts") && f !== "groups.test.ts")
        .map((f) => readFileSync(join(d, f), "utf8")),
    )
    .join("\n");
}

describe("primitive groups", () => {
  it("has one group per library", () => {
    expect(primitiveGroups.map((g) => g.library)).toEqual(LIBRARIES);
  });

  it("gives a name the same spec in every library that exports it", () => {
    const seen = new Map<string, unknown>();
    for (const group of primitiveGroups) {
      for (const [name, spec] of Object.entries(group.bindings)) {
        if (seen.has(name)) expect(spec, name).toBe(seen.get(name));
        seen.set(name, spec);
      }
    }
  });

  it("declares sane arities", () => {
    for (const group of primitiveGroups) {
      for (const [name, spec] of Object.entries(group.bindings)) {
        expect(spec.min, name).toBeGreaterThanOrEqual(0);
        expect(spec.max === -1 || spec.max >= spec.min, name).toBe(true);
        expect(typeof spec.fn, name).toBe("function");
      }
    }
  });

  it("has every R7RS (scheme base) name this module owns", () => {
    const base = primitiveGroups[0]!.bindings;
    for (const name of [
      "+",
      "exact-integer-sqrt",
      "string-copy!",
      "bytevector-append",
      "list-set!",
      "error-object?",
    ]) {
      expect(base[name], name).toBeDefined();
    }
    expect(Object.keys(primitiveGroups[2]!.bindings)).toHaveLength(24);
  });

  it("tests every binding of every group by name", () => {
    const sources = testSources();
    const untested: string[] = [];
    for (const group of primitiveGroups) {
      for (const name of Object.keys(group.bindings)) {
        if (!sources.includes(JSON.stringify(name))) untested.push(`${group.library}#${name}`);
      }
    }
    expect(untested).toEqual([]);
  });
});
