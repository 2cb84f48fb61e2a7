// The real thing: one OS process captures continuations (compiled and interpreted code) and
// closures with shared state and writes them to a file; a second OS process reads them, calls the
// closures and resumes the continuations. Runs the built package (dist/): build before testing.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "termite-wire-"));
const file = join(dir, "saved.bin");

function node(backend: string, script: string) {
  const flags = backend === "interpret" ? ["--interpret"] : [];
  return spawnSync(process.execPath, ["run-node.mjs", ...flags, "lib.scm", script], {
    cwd: fixtures,
    env: { ...process.env, WIRE_FILE: file },
    encoding: "utf8",
    timeout: 30_000,
  });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The library is always compiled (module e2e/lib@1.0, travels by reference); the scripts run on
// each back end in turn (compiled script code travels as its syntax tree, to be compiled again).
describe.each(["compile", "interpret"])(
  "closures and continuations between two OS processes, scripts on the %s back end",
  (backend) => {
    it("the second process calls the closures and resumes the continuations of the first", () => {
      const writer = node(backend, "writer.scm");
      expect(writer.stderr).toBe("");
      expect(writer.stdout).toBe("interpreted step got 1\n20\ncompiled step got 3\n1006\nwritten\n");
      expect(writer.status).toBe(0);
      expect(statSync(file).size).toBeGreaterThan(0);

      const reader = node(backend, "reader.scm");
      expect(reader.stderr).toBe("");
      expect(reader.stdout).toBe(
        [
          // Both closures of each pair still share their variable (the compiled one is boxed).
          "(counter 3 3)",
          "(tally 15 15)",
          // Continuations resumed in the second process print on its console.
          "interpreted step got 41",
          "420",
          "compiled step got 50",
          "1100",
          "",
        ].join("\n"),
      );
      expect(reader.status).toBe(0);
    });
  },
);
