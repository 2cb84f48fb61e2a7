// SRFI 18 threads start with the initial exception handler and no winders, inheriting only the
// creator's parameters.

import { write } from "@termite/datum";
import { memoryIoContext } from "@termite/runtime";
import { describe, expect, it } from "vitest";
import { createSystem } from "./create-system.js";

async function run(text: string): Promise<{ value: string; stdout: string }> {
  const io = memoryIoContext();
  const system = await createSystem({ io });
  const r = await system.runScript(`(import (srfi 18))\n${text}`, "test.scm");
  if (!r.normal) throw new Error(`script failed: ${write(r.condition)}`);
  return { value: write(r.value), stdout: io.stdoutText };
}

describe("make-thread's dynamic environment", () => {
  it("an uncaught raise in a thread ends that thread; the creator's guard is not entered", async () => {
    const r = await run(`
      (define entered 0)
      (define t #f)
      (guard (e (#t (set! entered (+ entered 1))))
        (set! t (make-thread (lambda () (raise 'oops)))))
      (thread-start! t)
      (list entered (guard (e (#t 'join-raised)) (thread-join! t)))`);
    expect(r.value).toBe("(0 join-raised)");
  });

  it("inherits parameters but not the creator's dynamic-wind afters", async () => {
    const r = await run(`
      (define p (make-parameter 1))
      (define t #f)
      (parameterize ((p 2))
        (dynamic-wind (lambda () #f)
                      (lambda () (set! t (make-thread (lambda () (p)))))
                      (lambda () (display "after;"))))
      (thread-start! t)
      (thread-join! t)`);
    expect(r.value).toBe("2");
    expect(r.stdout).toBe("after;");
  });
});
