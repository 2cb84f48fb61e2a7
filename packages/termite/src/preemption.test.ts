// Green threads are preemptive: a thread in an endless loop does not stop other threads, timers
// or the event loop (the call budget is checked at procedure entries and loop back edges).

import { write } from "@termite/datum";
import { memoryIoContext } from "@termite/runtime";
import { describe, expect, it } from "vitest";
import { createSystem } from "./create-system.js";

describe.each(["compile", "interpret"] as const)("preemption, %s", (backend) => {
  it("a thread spinning in (let loop () (loop)) lets others, timers and the event loop run", async () => {
    const system = await createSystem({ io: memoryIoContext(), backend });
    // A JS timer due while the spinner runs must fire before the script ends (the main thread's
    // own thread-sleep! is a timer too: without preemption neither would ever fire).
    let fired = false;
    setTimeout(() => {
      fired = true;
    }, 1);
    const result = await system.runScript(
      `(define spinner (make-thread (lambda () (let loop () (loop)))))
       (thread-start! spinner)
       (define worker (make-thread (lambda () (let count ((i 0)) (if (< i 100000) (count (+ i 1)) i)))))
       (thread-start! worker)
       (thread-sleep! 0.1)
       (define outcome (list (thread-join! worker) 'main-woke-up))
       (thread-terminate! spinner)
       outcome`,
      "preemption.scm",
    );
    expect(result.normal && write(result.value)).toBe("(100000 main-woke-up)");
    expect(fired).toBe(true);
  });

  it("a thread spinning without end does not stop message passing between processes", async () => {
    const system = await createSystem({ io: memoryIoContext(), backend });
    const result = await system.runScript(
      `(import (termite))
       (define spinner (thread-start! (make-thread (lambda () (let loop () (loop))))))
       (define echo (spawn (lambda () (let loop () (recv ((from x) (! from (list 'echo x)))) (loop)))))
       (! echo (list (self) 1))
       (define reply (? 5))
       (thread-terminate! spinner)
       reply`,
      "preemption.scm",
    );
    expect(result.normal && write(result.value)).toBe("(echo 1)");
  });
});
