// The process procedures of `(termite)`, run through a real system.

import { ProcessId, Tag } from "@termite/datum";
import { beforeAll, describe, expect, it } from "vitest";
import { type TestSystem, testSystem } from "./test-system.js";

// Every test runs on both back ends: compiled (the default) and interpreted.
describe.each(["compile", "interpret"] as const)("%s", (backend) => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await testSystem(backend);
  });

  describe("spawn, self, ! and ?", () => {
    it("spawn runs a thunk in a new process and answers its id", async () => {
      expect(
        await t.run(`
          (define me (self))
          (define p (spawn (lambda () (! me (list 'hello-from (self))))))
          (let ((m (?))) (list (process? p) (eq? (cadr m) p) (car m) (eq? p me)))`),
      ).toBe("(#t #t hello-from #f)");
    });

    it("a process id is data: (node, number), printed as #<process n>", async () => {
      const system = await testSystem(backend);
      const r = await system.system.runScript("(self)");
      expect(r.normal && r.value instanceof ProcessId).toBe(true);
      const pid = (r as { value: ProcessId }).value;
      expect(pid.node).toBe("");
      expect(typeof pid.number).toBe("number");
      expect(pid.printText()).toBe(`#<process ${pid.number}>`);
    });

    it("messages arrive in the order sent", async () => {
      expect(await t.run("(! (self) 1) (! (self) 2) (! (self) 3) (list (?) (?) (?))")).toBe("(1 2 3)");
    });

    it("? with a timeout answers the default, or raises mailbox-receive-timeout", async () => {
      expect(await t.run("(? 0.01 'none)")).toBe("none");
      const condition = await t.fail("(? 0.01)");
      expect(condition).toMatchObject({ code: "mailbox-receive-timeout", who: "?" });
      expect(await t.run("(guard (e ((error-object? e) (error-object-message e))) (? 0))")).toBe(
        '"?: no message arrived before the timeout"',
      );
    });

    it("?? takes the first message satisfying a predicate, with timeout and default", async () => {
      expect(await t.run("(! (self) 'a) (! (self) 2) (! (self) 'b) (list (?? number?) (?) (?))")).toBe(
        "(2 a b)",
      );
      expect(await t.run("(! (self) 'a) (list (?? number? 0.01 'no-number) (?))")).toBe("(no-number a)");
      expect(await t.fail("(?? number? 0)")).toMatchObject({ code: "mailbox-receive-timeout" });
    });

    it("! to an ended process is dropped", async () => {
      expect(await t.run("(define p (spawn (lambda () 1))) (thread-join! p) (! p 'lost) 'ok")).toBe("ok");
    });
  });

  describe("!? and tags", () => {
    it("!? sends (self tag msg) and answers the reply of (tag reply)", async () => {
      expect(
        await t.run(`
          (define echo (spawn (lambda () (let loop () (recv ((from tag msg) (! from (list tag (list 'echo msg))))) (loop)))))
          (list (!? echo 1) (!? echo 'two))`),
      ).toBe("((echo 1) (echo two))");
    });

    it("!? ignores other messages and replies with another tag", async () => {
      expect(
        await t.run(`
          (define me (self))
          (define p (spawn (lambda () (recv ((from tag msg) (! from (list (make-tag) 'wrong)) (! from 'noise) (! from (list tag 'right)))))))
          (list (!? p 'q) (?) (?))`),
      ).toMatch(/^\(right \(#<js [A-Za-z]+>|^\(right \(#<tag \d+> wrong\) noise\)$/);
    });

    it("!? with a timeout answers the default, or raises", async () => {
      expect(await t.run("(define mute (spawn (lambda () (? 1)))) (!? mute 'hello 0.01 'no-answer)")).toBe(
        "no-answer",
      );
      expect(await t.fail("(define mute2 (spawn (lambda () (? 1)))) (!? mute2 'hello 0.01)")).toMatchObject({
        code: "mailbox-receive-timeout",
        who: "!?",
      });
    });

    it("make-tag makes unique tags, eqv? only to themselves", async () => {
      expect(
        await t.run("(define a (make-tag)) (list (tag? a) (eqv? a a) (eqv? a (make-tag)) (tag? 'a))"),
      ).toBe("(#t #t #f #f)");
      const r = await t.system.runScript("(make-tag)");
      expect(r.normal && r.value instanceof Tag).toBe(true);
    });
  });

  describe("services", () => {
    it("publish-service, resolve-service and unpublish-service", async () => {
      expect(
        await t.run(`
          (define p (spawn (lambda () (? 1))))
          (publish-service 'svc p)
          (define found (resolve-service 'svc))
          (unpublish-service 'svc)
          (list (eq? found p) (resolve-service 'svc) (resolve-service 'never-published))`),
      ).toBe("(#t #f #f)");
    });

    it("a service ends with its process", async () => {
      expect(
        await t.run(`
          (define p (spawn (lambda () 'done)))
          (publish-service 'short-lived p)
          (thread-join! p)
          (resolve-service 'short-lived)`),
      ).toBe("#f");
    });
  });

  describe("thread-join! on processes", () => {
    it("answers the value of the process's thunk", async () => {
      expect(await t.run("(thread-join! (spawn (lambda () (* 6 7))))")).toBe("42");
    });

    it("raises when the process ended by an error, and honours its timeout", async () => {
      const system = await testSystem(backend);
      expect(
        await system.run(`
          (define p (spawn (lambda () (car '()))))
          (guard (e ((uncaught-exception? e) (error-object-message (uncaught-exception-reason e))))
            (thread-join! p))`),
      ).toBe('"car: expected a pair (argument 1)"');
      expect(await system.run("(thread-join! (spawn (lambda () (? 1))) 0.01 'still-running)")).toBe(
        "still-running",
      );
    });
  });

  describe("thread-terminate! on processes", () => {
    it("ends a process by its id; joiners and monitors hear it was terminated", async () => {
      expect(
        await t.run(`
          (define p (spawn (lambda () (let loop () (? ) (loop)))))
          (define tag (monitor p))
          (thread-terminate! p)
          (list (guard (e ((terminated-thread-exception? e) 'terminated)) (thread-join! p))
                (recv (('DOWN t who reason) (and (eq? t tag) (eq? who p) 'down))))`),
      ).toBe("(terminated down)");
    });

    it("refuses what is not a process or a thread", async () => {
      expect(await t.run("(guard (e ((error-object? e) 'refused)) (thread-terminate! 5))")).toBe("refused");
    });
  });

  describe("errors, links and monitors", () => {
    it("an error ends its process only, is reported once on stderr, and the node goes on", async () => {
      const system = await testSystem(backend);
      expect(
        await system.run(`
          (define other (spawn (lambda () (recv (x (* x 2))))))
          (define bad (spawn (lambda () (vector-ref (vector) 3))))
          (guard (e (#t 'joined-failed)) (thread-join! bad))
          (! other 21)
          (thread-join! other)`),
      ).toBe("42");
      // One report: its first line, then the Scheme call sites it passed (`  in lambda (...)`).
      const lines = system.io.stderrText.split("\n").filter((l) => l !== "");
      expect(lines.filter((l) => l.includes("ended by an uncaught error"))).toHaveLength(1);
      expect(lines[0]).toMatch(/process .* ended by an uncaught error: vector-ref: index out of range/);
      for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}in \S+/);
    });

    it("a monitor receives (DOWN tag pid reason): normal, or the condition", async () => {
      expect(
        await t.run(`
          (define ok (spawn (lambda () (? 1))))
          (define bad (spawn (lambda () (? 1) (raise 'oops))))
          (define t1 (monitor ok))
          (define t2 (monitor bad))
          (! ok 'go) (! bad 'go)
          (define (down tag) (recv (('DOWN ,tag pid reason) (list (eq? pid (if (eq? tag t1) ok bad)) reason))))
          (list (down t1) (down t2))`),
      ).toBe("((#t normal) (#t oops))");
    });

    it("demonitor stops the DOWN message; monitoring an ended process answers noproc", async () => {
      expect(
        await t.run(`
          (define p (spawn (lambda () (? 1))))
          (define tag (monitor p))
          (demonitor tag)
          (! p 'go)
          (thread-join! p)
          (define quiet (? 0.02 'no-down))
          (define gone (monitor p))
          (list quiet (recv (('DOWN ,gone _ reason) reason)))`),
      ).toBe("(no-down noproc)");
    });

    it("spawn-link: an error in the child ends the parent, which a monitor sees", async () => {
      const system = await testSystem(backend);
      expect(
        await system.run(`
          (define parent
            (spawn (lambda ()
                     (spawn-link (lambda () (error "child failed" 7)))
                     (? 5))))
          (define tag (monitor parent))
          (recv (('DOWN ,tag _ reason) (list (error-object? reason) (error-object-message reason))))`),
      ).toBe('(#t "link: a linked process ended abnormally")');
      // Reported once: the child's own error, not the parent's end by link.
      expect(system.io.stderrText.match(/uncaught error/g)).toHaveLength(1);
      expect(system.io.stderrText).toContain("child failed 7");
    });

    it("link works both ways; a normal end does not propagate; unlink cuts the link", async () => {
      const system = await testSystem(backend);
      expect(
        await system.run(`
          (define (watch p) (let ((tag (monitor p))) (lambda () (recv (('DOWN ,tag _ reason) (if (eq? reason 'normal) reason 'failed))))))
          (define a (spawn (lambda () (? 5))))
          (define b (spawn (lambda () (link a) (! a 'go) (? 5))))
          (define wa (watch a)) (define wb (watch b))
          (define c (spawn (lambda () (? 5) (raise 'boom))))
          (define d (spawn (lambda () (link c) (unlink c) (? 5))))
          (define wc (watch c)) (define wd (watch d))
          (thread-join! b 0.05 #f)
          (! c 'go)
          (list (wa) (wc) (? 0.05 'b-alive) (thread-join! d 0.02 'd-alive))`),
      ).toBe("(normal failed b-alive d-alive)");
    });
  });

  describe("many processes", () => {
    it("spawns 10^4 processes and passes a message round a ring of them", async () => {
      expect(
        await t.run(`
          (define n 10000)
          (define (relay next) (lambda () (let ((m (?))) (! next (+ m 1)))))
          (define first
            (let loop ((i 0) (next (self)))
              (if (= i n) next (loop (+ i 1) (spawn (relay next))))))
          (! first 0)
          (?)`),
      ).toBe("10000");
    });
  });
});
