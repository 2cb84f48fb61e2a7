// A recursion that never ends must not take the node down with it: past the frame limit the
// thread gets a Scheme error (which guard can catch), and the other threads and processes go on.

import { write } from "@termite/datum";
import { createScheduler, defaultScheduler, memoryIoContext } from "@termite/runtime";
import { describe, expect, it } from "vitest";
import { createSystem } from "./create-system.js";

describe.each(["compile", "interpret"] as const)("the frame limit, %s", (backend) => {
  it("stops a runaway recursion with an error; guard catches it and other processes go on", async () => {
    const system = await createSystem({
      io: memoryIoContext(),
      backend,
      scheduler: createScheduler({ frameLimit: 20_000 }),
    });
    const r = await system.runScript(
      `(import (termite))
       (define (forever n) (+ 1 (forever (+ n 1))))
       (define (count n) (if (= n 0) 0 (+ 1 (count (- n 1)))))
       (define worker (spawn (lambda () (recv ((from x) (! from (count x)))))))
       (define victim (spawn (lambda () (forever 0))))
       (define victim-end
         (guard (e ((uncaught-exception? e) (error-object-message (uncaught-exception-reason e))))
           (thread-join! victim)))
       (! worker (list (self) 10000))
       (list victim-end (guard (e ((error-object? e) (error-object-message e))) (forever 0)) (? 5))`,
      "runaway.scm",
    );
    // The message names the innermost procedure with a pending frame, in both back ends.
    const message = "recursion too deep: more than 20000 pending frames (innermost: forever)";
    expect(r.normal && write(r.value)).toBe(`(${JSON.stringify(message)} ${JSON.stringify(message)} 10000)`);
    // Deep but finite recursion below the limit still works.
    const ok = await system.runScript("(count 15000)", "runaway.scm");
    expect(ok.normal && ok.value).toBe(15000);
  });
});

describe("frame limits of two systems in one process", () => {
  it("are their schedulers' own", async () => {
    const strict = await createSystem({
      io: memoryIoContext(),
      scheduler: createScheduler({ frameLimit: 5_000 }),
    });
    const roomy = await createSystem({
      io: memoryIoContext(),
      scheduler: createScheduler({ frameLimit: 50_000 }),
    });
    const count = "(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1))))) (count 20000)";
    const a = await strict.runScript(count, "a.scm");
    const b = await roomy.runScript(count, "b.scm");
    expect(a.normal ? a.value : write(a.condition)).toMatch(
      /recursion too deep: more than 5000 pending frames/,
    );
    expect(b.normal && b.value).toBe(20000);
  });
});

describe("a system's own scheduler", () => {
  it("is made for it unless given: a limit or exit hook set on one system leaves the other alone", async () => {
    const first = await createSystem({ io: memoryIoContext() });
    const second = await createSystem({ io: memoryIoContext() });
    expect(first.scheduler).not.toBe(second.scheduler);
    expect(first.scheduler).not.toBe(defaultScheduler);
    first.scheduler.frameLimit = 5_000;
    const exits: [string, number][] = [];
    first.scheduler.programExit = (exit) => exits.push(["first", exit.code]);
    second.scheduler.programExit = (exit) => exits.push(["second", exit.code]);
    const count = "(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1))))) (count 20000)";
    const a = await first.runScript(count, "a.scm");
    const b = await second.runScript(count, "b.scm");
    expect(a.normal ? a.value : write(a.condition)).toMatch(/more than 5000 pending frames/);
    expect(b.normal && b.value).toBe(20000);
    await second.runScript("(exit 4)", "exit.scm");
    await first.runScript("(exit 3)", "exit.scm");
    expect(exits).toEqual([
      ["second", 4],
      ["first", 3],
    ]);
  });
});
