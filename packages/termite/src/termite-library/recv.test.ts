// `recv` patterns and clauses, run through a real system.

import { beforeAll, describe, expect, it } from "vitest";
import { type TestSystem, testSystem } from "./test-system.js";

// Every test runs on both back ends: compiled (the default) and interpreted.
describe.each(["compile", "interpret"] as const)("%s", (backend) => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await testSystem(backend);
  });

  /** Sends `messages` to the current process, then runs `recv`; answers the result as text. */
  const after = (messages: string, recv: string) =>
    t.run(
      `(for-each (lambda (m) (! (self) m)) (list ${messages})) (let ((r ${recv})) (list r (? 0 'empty)))`,
    );

  describe("recv patterns", () => {
    it("a free identifier binds; a list pattern matches element-wise", async () => {
      expect(await after("'(1 2 3)", "(recv ((a b c) (+ a b c)))")).toBe("(6 empty)");
    });

    it("a repeated identifier must be equal? to its first binding", async () => {
      expect(await after("'(1 2) '(3 3) '(4 4)", "(recv ((x x) x))")).toBe("(3 (1 2))");
      expect(await after(`'("s" "s")`, `(recv ((x x) x))`)).toBe(`("s" empty)`);
    });

    it("_ matches anything and binds nothing", async () => {
      expect(await after("'(a b)", "(recv ((_ _) 'both))")).toBe("(both empty)");
    });

    it("quoted data and literals match equal? values", async () => {
      expect(await after("'(x 1) '(y 2) '(y \"two\")", `(recv (('y "two") 'string) (('y 2) 'two))`)).toBe(
        "(two (x 1))",
      );
      expect(await after("#\\a 3 #t", "(recv (#t 'true) (3 'three))")).toBe("(three #\\a)");
      expect(await after("'()", "(recv (() 'nil))")).toBe("(nil empty)");
    });

    it(",expr matches the value of an expression in scope", async () => {
      expect(
        await after(
          "'(ok 1) '(ok 2)",
          "(let ((wanted 2)) (recv (('ok ,wanted) 'got-it) (('ok ,(+ wanted 5)) 'no)))",
        ),
      ).toBe("(got-it (ok 1))");
    });

    it("nested lists, dotted tails and vectors", async () => {
      expect(await after("'(a (b (c d)) e f)", "(recv ((a (b (c x)) . rest) (list x rest)))")).toBe(
        "((d (e f)) empty)",
      );
      expect(await after("#(1 2) #(1 2 3) '#(p #(q))", "(recv (#(a b c) (list a b c)))")).toBe(
        "((1 2 3) #(1 2))",
      );
      expect(await after("#(p #(q))", "(recv (#('p #(x)) x))")).toBe("(q empty)");
      expect(await after("#(1) #()", "(recv (#() 'empty-vector))")).toBe("(empty-vector #(1))");
    });

    it("(where guard) filters a match, seeing its bindings", async () => {
      expect(await after("5 12 20", "(recv (n (where (> n 10)) n))")).toBe("(12 5)");
    });

    it("the first message that matches any clause is taken, clauses tried in order", async () => {
      expect(await after("'b 'a", "(recv ('a 'first-clause) ('b 'second-clause))")).toBe("(second-clause a)");
      expect(await after("'(a 1)", "(recv (('a x) (list 'one x)) ((y x) (list 'two x)))")).toBe(
        "((one 1) empty)",
      );
    });

    it("(after seconds body…) runs when nothing matches in time", async () => {
      expect(await after("'nope", "(recv ('yes 'matched) (after 0.02 'timed-out))")).toBe("(timed-out nope)");
      expect(await after("", "(recv (x x) (after 0 'nothing))")).toBe("(nothing empty)");
    });

    it("waits for a message sent later and scans only new ones", async () => {
      const r = await t.run(`
        (import (only (srfi 18) thread-sleep!))
        (define me (self))
        (spawn (lambda () (! me 'noise) (thread-sleep! 0.01) (! me '(reply 42))))
        (list (recv (('reply v) v)) (? 1))`);
      expect(r).toBe("(42 noise)");
    });

    it("a clause body runs in tail position: a receive loop runs in constant space", async () => {
      const r = await t.run(`
        (define me (self))
        (spawn (lambda () (let loop ((i 0)) (if (< i 20000) (begin (! me i) (loop (+ i 1))) (! me 'done)))))
        (let loop ((sum 0)) (recv ('done sum) (n (loop (+ sum n)))))`);
      expect(r).toBe(String((20000 * 19999) / 2));
    });

    it("malformed uses are reported at expansion", async () => {
      await expect(t.run("(recv (after 1 'x) (y y))")).rejects.toThrow(/after clause must be the last/);
      await expect(t.run("(recv (x))")).rejects.toThrow(/needs a body/);
    });
  });
});
