import { describe, expect, it } from "vitest";
import { runSchemeProgram } from "../src/run-program.js";
import { CALLCC_OUTPUT, CALLCC_PROGRAM, CALLCC_VALUE } from "./fixtures.js";

describe("runSchemeProgram (on Node.js; the browser test runs the bundle)", () => {
  it("runs a program whose continuations are re-entered", async () => {
    const chunks: string[] = [];
    const run = await runSchemeProgram(CALLCC_PROGRAM, { onOutput: (t) => chunks.push(t) });
    expect(run).toEqual({ normal: true, value: CALLCC_VALUE, output: CALLCC_OUTPUT });
    expect(chunks.join("")).toBe(CALLCC_OUTPUT);
  });

  it("reports an error raised by the program", async () => {
    const run = await runSchemeProgram("(import (scheme base)) (car '())");
    expect(run.normal).toBe(false);
    expect(run.value).toMatch(/expected a pair/);
  });

  it("rejects a malformed program with its position", () => {
    expect(() => runSchemeProgram("(import (scheme base))\n(display 1", { file: "bad.scm" })).toThrow(
      /bad\.scm:2/,
    );
  });
});
