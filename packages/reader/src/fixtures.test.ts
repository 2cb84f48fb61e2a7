// The corpus in ../fixtures: valid inputs with their expected `write-shared` output (one datum per
// line) and malformed inputs with their expected reason code, line:col and incompleteness.
// Regenerate the expected output of the valid ones with OVERWRITE=1 after checking the change.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { writeShared } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { readAll } from "./read-all.js";
import { ReadError } from "./read-error.js";

const fixtures = new URL("../fixtures/", import.meta.url);
const overwrite = process.env.OVERWRITE === "1" || process.env.OVERWRITE === "true";

function inputs(folder: string): string[] {
  return readdirSync(new URL(folder, fixtures))
    .filter((name) => name.endsWith(".scm"))
    .map((name) => name.slice(0, -4))
    .sort();
}

describe("valid fixtures", () => {
  for (const name of inputs("valid/")) {
    it(name, () => {
      const source = readFileSync(new URL(`valid/${name}.scm`, fixtures), "utf8");
      const written = `${readAll(source, { file: `${name}.scm` })
        .map(writeShared)
        .join("\n")}\n`;
      const expectedFile = new URL(`valid/${name}.out`, fixtures);
      if (overwrite || !existsSync(expectedFile)) writeFileSync(expectedFile, written);
      expect(written).toBe(readFileSync(expectedFile, "utf8"));
      // What was written reads back as the same data.
      const again = `${readAll(written).map(writeShared).join("\n")}\n`;
      expect(again).toBe(written);
    });
  }
});

describe("malformed fixtures", () => {
  for (const name of inputs("malformed/")) {
    it(name, () => {
      const source = readFileSync(new URL(`malformed/${name}.scm`, fixtures), "utf8");
      const [code, position, kind] = readFileSync(new URL(`malformed/${name}.error`, fixtures), "utf8")
        .trim()
        .split(" ");
      let error: unknown;
      try {
        readAll(source, { file: `${name}.scm` });
      } catch (caught) {
        error = caught;
      }
      expect(ReadError.isInstance(error), "a ReadError is thrown").toBe(true);
      const readError = error as ReadError;
      expect(readError.code).toBe(code);
      expect(`${readError.location.line}:${readError.location.column}`).toBe(position);
      expect(readError.incomplete ? "incomplete" : "malformed").toBe(kind);
      expect(readError.message.startsWith(`${name}.scm:${position}: `)).toBe(true);
      expect(readError.message).toContain(", expected ");
    });
  }
});
