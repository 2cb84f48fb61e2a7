// The ESM and CJS builds of this package may both be loaded in one process (the dual-package
// hazard). Errors and names must still be understood across them. Needs the build (`npx tsup`),
// which turbo runs before the tests.

import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as esm from "../dist/index.js";

const cjs = createRequire(import.meta.url)("../dist/index.cjs") as typeof esm;

describe("two copies of the package", () => {
  it("are two different module instances", () => {
    expect(cjs.ModuleNameError).not.toBe(esm.ModuleNameError);
  });

  it("recognise each other's errors with isInstance", () => {
    let thrown: unknown;
    try {
      cjs.parseModulePath("github.com/fred/hello@..");
    } catch (error) {
      thrown = error;
    }
    expect(thrown instanceof esm.ModuleNameError).toBe(false);
    expect(esm.ModuleNameError.isInstance(thrown)).toBe(true);
    expect((thrown as esm.ModuleNameError).code).toBe("bad-version");
  });

  it("read each other's list forms (symbols are shared through @termite/datum)", () => {
    const datum = cjs.moduleNameToDatum(cjs.parseModulePath("github.com/fred/hello@2.0"));
    expect(esm.formatModuleName(esm.parseModuleName(datum))).toBe("github.com/fred/hello@2.0");
  });

  it("do not mistake an ordinary error for a ModuleNameError", () => {
    expect(esm.ModuleNameError.isInstance(new Error("x"))).toBe(false);
    expect(esm.ModuleNameError.isInstance(null)).toBe(false);
    expect(esm.ModuleNameError.isInstance("bad-host")).toBe(false);
  });
});
