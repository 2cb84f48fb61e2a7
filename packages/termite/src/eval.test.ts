// eval, environment, load and interaction-environment as a program uses them.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ErrorObject, write } from "@termite/datum";
import { memoryIoContext } from "@termite/runtime";
import { afterAll, describe, expect, it } from "vitest";
import { createSystem } from "./create-system.js";
import type { TermiteSystem } from "./system.js";

const dir = mkdtempSync(join(tmpdir(), "termite-eval-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function system(): Promise<TermiteSystem> {
  return createSystem({ io: memoryIoContext() });
}

async function program(text: string): Promise<string> {
  const r = await (await system()).runProgram(text, "test.scm");
  if (!r.normal) throw new Error(`program failed: ${write(r.condition)}`);
  return write(r.value);
}

describe("eval and environment", () => {
  it("an import eval reads from source runs the library's body first, in both back ends", async () => {
    const libs = mkdtempSync(join(dir, "libs-"));
    mkdirSync(join(libs, "fred"));
    writeFileSync(
      join(libs, "fred", "greet.sld"),
      `(define-library (fred greet) (export greet greeted) (import (scheme base))
         (begin (define greeted 0)
                (define (greet name) (set! greeted (+ greeted 1)) (string-append "hello " name))))`,
    );
    for (const backend of ["compile", "interpret"] as const) {
      const s = await createSystem({ io: memoryIoContext(), backend, searchPath: [libs] });
      const r = await s.runScript(
        `(define a (eval '(begin (import (fred greet)) (greet "x")) (interaction-environment)))
         (define e (environment '(scheme base) '(fred greet)))
         (list a (eval '(greet "y") e) (eval 'greeted e))`,
        "eval-import.scm",
      );
      expect(r.normal && write(r.value)).toBe('("hello x" "hello y" 2)');
    }
  });

  it("evaluates in an environment made of import sets", async () => {
    expect(
      await program("(import (scheme base) (scheme eval)) (eval '(* 7 3) (environment '(scheme base)))"),
    ).toBe("21");
    expect(
      await program(
        "(import (scheme base) (scheme eval)) (eval '(kar '(1 2)) (environment '(rename (scheme base) (car kar))))",
      ),
    ).toBe("1");
  });

  it("a name the environment lacks, or a malformed form, is a Scheme error catchable by guard", async () => {
    const s = await system();
    const r = await s.runProgram(
      "(import (scheme base) (scheme eval)) (eval '(string-upcase \"a\") (environment '(scheme base)))",
      "test.scm",
    );
    expect(r.normal).toBe(false);
    const condition = (r as { condition: unknown }).condition;
    expect(condition).toBeInstanceOf(ErrorObject);
    expect((condition as ErrorObject).message).toContain("string-upcase");
    expect(
      await program(
        "(import (scheme base) (scheme eval)) (guard (e ((error-object? e) 'caught)) (eval '(if) (environment '(scheme base))))",
      ),
    ).toBe("caught");
    const malformed = await s.runProgram(
      "(import (scheme base) (scheme eval)) (eval '(if) (environment '(scheme base)))",
      "test.scm",
    );
    expect(((malformed as { condition: unknown }).condition as ErrorObject).who).toBe("eval");
  });

  it("a continuation captured inside eval can be re-entered", async () => {
    expect(
      await program(`(import (scheme base) (scheme eval) (scheme repl))
        (define saved #f)
        (define results '())
        (define v (+ 100 (eval (list 'call/cc (lambda (c) (set! saved c) 1)) (interaction-environment))))
        (set! results (cons v results))
        (if (< (length results) 3) (saved (length results)))
        results`),
    ).toBe("(102 101 101)");
  });

  it("interaction-environment keeps definitions between calls", async () => {
    expect(
      await program(`(import (scheme base) (scheme eval) (scheme repl))
        (eval '(define counter 41) (interaction-environment))
        (eval '(set! counter (+ counter 1)) (interaction-environment))
        (eval 'counter (interaction-environment))`),
    ).toBe("42");
  });
});

describe("load", () => {
  it("runs each form of a file in the interaction environment by default", async () => {
    const file = join(dir, "defs.scm");
    writeFileSync(file, "(define loaded 6)\n(define (times-loaded x) (* x loaded))\n");
    expect(
      await program(`(import (scheme base) (scheme load) (scheme eval) (scheme repl))
        (load ${JSON.stringify(file)})
        (eval '(times-loaded 7) (interaction-environment))`),
    ).toBe("42");
  });

  it("a missing file is a file error; a syntax error in it is a read error", async () => {
    const bad = join(dir, "bad.scm");
    writeFileSync(bad, "(define x");
    expect(
      await program(`(import (scheme base) (scheme load))
        (list (guard (e ((file-error? e) 'file-error)) (load ${JSON.stringify(join(dir, "none.scm"))}))
              (guard (e ((read-error? e) 'read-error)) (load ${JSON.stringify(bad)})))`),
    ).toBe("(file-error read-error)");
  });
});
