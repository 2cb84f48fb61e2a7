// Both back ends place an uncaught error at the same Scheme positions. Each program of
// fixtures/failing fails at run time; run compiled and interpreted, its report (message and
// backtrace) must be the same and name at least one place in the program itself.

import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const corpus = fileURLToPath(new URL("fixtures/failing/", import.meta.url));

/**
 * Known differences between the back ends, each with its cause (none today: a call whose arguments
 * made calls of their own is placed at the call itself, `argumentsAt` in compiler/src/js/render.ts).
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {};

/**
 * Reports with no position in either back end (the same, so the comparison still runs): a frame
 * carries a procedure name but no source position, and a guard's re-raise starts a new trace.
 */
const WITHOUT_POSITION: Readonly<Record<string, string>> = {
  "deep-recursion.scm": "the recursion limit is met on an empty JS stack: frames name only the procedure",
  "guard-does-not-match.scm": "guard re-raises from its own continuation, where the trace starts anew",
};

function report(backend: "--compile" | "--interpret", file: string) {
  const r = spawnSync(process.execPath, [cli, "run", backend, "--max-frames", "20000", file], {
    cwd: corpus,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stderr: r.stderr };
}

/** The `(file:line:col)` places of a report that are in the program itself (not the prelude). */
function placesIn(stderr: string, file: string): string[] {
  return [...stderr.matchAll(/\(([^()\s]+):(\d+):(\d+)\)/g)]
    .filter((m) => m[1] === file)
    .map((m) => `${m[2]}:${m[3]}`);
}

describe("compiled and interpreted code report a failing program at the same places", () => {
  const files = readdirSync(corpus).filter((f) => f.endsWith(".scm"));
  it("has a corpus", () => expect(files.length).toBeGreaterThanOrEqual(10));
  for (const file of files) {
    const test = KNOWN_DIFFERENCES[file] === undefined ? it : it.fails;
    test(`${file}${KNOWN_DIFFERENCES[file] ? ` (known: ${KNOWN_DIFFERENCES[file]})` : ""}`, () => {
      const compiled = report("--compile", file);
      const interpreted = report("--interpret", file);
      const firstLine = (s: string) => s.split("\n")[0];
      expect(firstLine(interpreted.stderr)).toBe(firstLine(compiled.stderr));
      // Reported once, whether or not the failing thread had become a process.
      expect(compiled.stderr.split(firstLine(compiled.stderr)!).length - 1).toBe(1);
      expect(placesIn(interpreted.stderr, file)).toEqual(placesIn(compiled.stderr, file));
      if (WITHOUT_POSITION[file] === undefined)
        expect(placesIn(compiled.stderr, file).length).toBeGreaterThan(0);
      else expect(placesIn(compiled.stderr, file)).toEqual([]);
      // A spawned process's error is reported and the program goes on to its end.
      expect(compiled.code).toBe(file === "error-in-process.scm" ? 0 : 70);
      expect(interpreted.code).toBe(compiled.code);
    });
  }
});
