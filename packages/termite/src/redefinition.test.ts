// Script procedures stay late-bound: compiled calls between the procedures of one script take a
// fast path only while the globals still hold what the script defined.

import { write } from "@termite/datum";
import { memoryIoContext } from "@termite/runtime";
import { describe, expect, it } from "vitest";
import { createSystem } from "./create-system.js";

describe.each(["compile", "interpret"] as const)("redefining a script's procedures, %s", (backend) => {
  it("a caller defined earlier calls the new definition, in later input and in the same script", async () => {
    const system = await createSystem({ io: memoryIoContext(), backend });
    const run = async (text: string) => {
      const r = await system.runScript(text, "repl.scm");
      if (!r.normal) throw new Error(`failed: ${text}`);
      return write(r.value);
    };
    expect(await run("(define (f x) (* x 2)) (define (g x) (+ (f x) 1)) (g 10)")).toBe("21");
    expect(await run("(define (f x) (* x 3)) (g 10)")).toBe("31");
    expect(await run("(set! f (lambda (x) (- x))) (g 10)")).toBe("-9");
    // Before its definition has run, a call reports the unbound variable.
    const early = await system.runScript("(define (h) (k 1)) (h) (define (k x) x)", "early.scm");
    expect(early.normal).toBe(false);
    expect(String((early as { condition: { message?: string } }).condition.message)).toContain("unbound");
  });

  it("calling a global that is not defined is an unbound variable, even after an operand unwound", async () => {
    const system = await createSystem({ io: memoryIoContext(), backend });
    // (deep 5000) unwinds the stack to the heap while the operator's value is pending.
    const r = await system.runScript(
      "(define (deep n) (if (= n 0) 0 (+ 1 (deep (- n 1))))) (no-such-procedure (deep 5000))",
      "unbound.scm",
    );
    expect(r.normal).toBe(false);
    expect((r as { condition: { message?: string } }).condition.message).toBe(
      "unbound variable no-such-procedure",
    );
  });
});
