// A process may load both builds of this package: symbols, datums and errors must agree.
import { createRequire } from "node:module";
import { intern, locationOf } from "@termite/datum";
import { expect, it } from "vitest";
import * as esm from "../dist/index.js";

const cjs = createRequire(import.meta.url)("../dist/index.cjs") as typeof esm;

it("reads the same interned symbols from the ESM and CJS builds", () => {
  expect(cjs.readAll("hello")[0]).toBe(intern("hello"));
  expect(esm.readAll("hello")[0]).toBe(cjs.readAll("hello")[0]);
});

it("recognises a ReadError thrown by the other build", () => {
  let thrown: unknown;
  try {
    cjs.readAll("(");
  } catch (error) {
    thrown = error;
  }
  expect(thrown).not.toBeInstanceOf(esm.ReadError);
  expect(esm.ReadError.isInstance(thrown)).toBe(true);
});

it("records positions the other build's datum package can see", () => {
  const [list, str] = cjs.readAll('(a)\n"s"', { file: "dual.scm" });
  expect(locationOf(list)).toEqual({ file: "dual.scm", line: 1, column: 1, offset: 0 });
  expect(locationOf(str)).toEqual({ file: "dual.scm", line: 2, column: 1, offset: 4 });
});
