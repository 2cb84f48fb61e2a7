// The (scheme file) procedures written in the prelude: call-with-input-file and friends close
// their port when the procedure returns, and with-… rebind the console ports only inside.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { write } from "@termite/datum";
import { memoryIoContext } from "@termite/runtime";
import { afterAll, describe, expect, it } from "vitest";
import { createSystem } from "./create-system.js";

const dir = mkdtempSync(join(tmpdir(), "termite-prelude-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(text: string): Promise<{ value: string; stdout: string }> {
  const io = memoryIoContext();
  const system = await createSystem({ io });
  const r = await system.runScript(`(import (termite prelude))\n${text}`, "test.scm");
  if (!r.normal) throw new Error(`script failed: ${write(r.condition)}`);
  return { value: write(r.value), stdout: io.stdoutText };
}

describe("prelude (scheme file) procedures", () => {
  it("call-with-output-file writes and closes; call-with-input-file reads and answers proc's value", async () => {
    const file = join(dir, "a.txt");
    const r = await run(`
      (define saved #f)
      (call-with-output-file ${JSON.stringify(file)} (lambda (p) (set! saved p) (write '(1 "two") p)))
      (list (output-port-open? saved) (call-with-input-file ${JSON.stringify(file)} read))`);
    expect(readFileSync(file, "utf8")).toBe('(1 "two")');
    expect(r.value).toBe('(#f (1 "two"))');
  });

  it("with-output-to-file and with-input-from-file rebind the console ports only inside the thunk", async () => {
    const file = join(dir, "b.txt");
    writeFileSync(file, "ignored");
    const r = await run(`
      (with-output-to-file ${JSON.stringify(file)} (lambda () (display "inside")))
      (display "outside")
      (call-with-values (lambda () (with-input-from-file ${JSON.stringify(file)} (lambda () (values (read-line) 2)))) list)`);
    expect(readFileSync(file, "utf8")).toBe("inside");
    expect(r.stdout).toBe("outside");
    expect(r.value).toBe('("inside" 2)');
  });
});
