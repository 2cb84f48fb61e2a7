// Differential test of the two back ends: random programs, each run compiled and interpreted in
// systems of their own, must give the same written result (or the same error message). The
// programs mix what the compiler treats specially — open-coded and direct primitives, self calls
// and self tail loops, known procedures, rest parameters, boxes, case-lambda, define-values,
// escapes and re-entries through call/cc, dynamic-wind, guard, and recursion deep enough to unwind
// the stack to the heap (so frames are resumed, and resume functions generated on demand).

import { write } from "@termite/datum";
import { memoryIoContext } from "@termite/runtime";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSystem } from "../src/create-system.js";
import type { TermiteSystem } from "../src/system.js";
import { testNode } from "../src/wire/test-nodes.js";

/** A small deterministic generator of random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers every program may call: top-level procedures (known procedures of the unit). */
const PRELUDE = `
(import (termite))
(define (deep n) (if (= n 0) 0 (+ 1 (deep (- n 1)))))
(define (sum-list l) (if (null? l) 0 (+ (car l) (sum-list (cdr l)))))
(define (iota* n) (let loop ((i n) (acc '())) (if (= i 0) acc (loop (- i 1) (cons i acc)))))
(define (add-all first . rest) (if (null? rest) first (+ first (apply add-all rest))))
(define (twice f x) (f (f x)))
(define counter 0)
(define (bump! k) (set! counter (+ counter k)) counter)
`;

/** How a program is made: `travel` leaves out the global counter and captures `K` once. */
interface ProgramOptions {
  readonly travel?: boolean;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/**
 * Expression kinds: processes (43–45) stay on their node, so travelling programs leave them out;
 * they take the one that captures `K` (22) five times as often, so that most of them capture.
 */
const TRAVELLING_CASES = [...range(0, 42), ...range(50, 69), 22, 22, 22, 22];
const ALL_CASES = [...range(0, 45), ...range(50, 69)];

/** A random program: a list of integer-valued expressions over the variables in scope. */
function program(next: () => number, options: ProgramOptions = {}): string {
  let fresh = 0;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const small = () => Math.floor(next() * 21) - 10;
  const expr = (depth: number, vars: readonly string[]): string => {
    if (depth <= 0 || next() < 0.15) return vars.length > 0 && next() < 0.6 ? pick(vars) : String(small());
    const e = () => expr(depth - 1, vars);
    const v = () => `v${fresh++}`;
    switch (pick(options.travel ? TRAVELLING_CASES : ALL_CASES)) {
      case 0:
        return `(+ ${e()} ${e()})`;
      case 1:
        return `(- ${e()} ${e()})`;
      case 2:
        return `(* ${e()} ${e()})`;
      case 3:
        return `(if (< ${e()} ${e()}) ${e()} ${e()})`;
      case 4: {
        const a = v();
        return `(let ((${a} ${e()})) ${expr(depth - 1, [...vars, a])})`;
      }
      case 5: {
        const a = v();
        const b = v();
        return `((lambda (${a} ${b}) ${expr(depth - 1, [...vars, a, b])}) ${e()} ${e()})`;
      }
      case 6: {
        const a = v();
        const r = v();
        return `((lambda (${a} . ${r}) (+ ${expr(depth - 1, [...vars, a])} (length ${r}) (apply + ${r}))) ${e()} ${e()} ${e()})`;
      }
      case 7: {
        const k = v();
        return `(call/cc (lambda (${k}) (+ ${e()} (if (< ${e()} 0) (${k} ${e()}) ${e()}))))`;
      }
      case 8: {
        const i = v();
        const acc = v();
        const loop = v();
        const n = Math.floor(next() * 30);
        return `(let ${loop} ((${i} 0) (${acc} ${e()})) (if (< ${i} ${n}) (${loop} (+ ${i} 1) (+ ${acc} ${expr(depth - 1, [...vars, i])})) ${acc}))`;
      }
      case 9:
        return `(deep ${Math.floor(next() * 3000)})`;
      case 10:
        return `(apply + (list ${e()} ${e()} ${e()}))`;
      case 11:
        return `(vector-ref (vector ${e()} ${e()} ${e()}) ${Math.floor(next() * 3)})`;
      case 12: {
        const x = v();
        return `(let ((${x} ${e()})) (set! ${x} (+ ${x} ${e()})) ${x})`;
      }
      case 13: {
        const f = v();
        const a = v();
        return `(let ((${f} (lambda (${a}) (+ ${a} ${e()})))) (+ (${f} ${e()}) (twice ${f} ${e()})))`;
      }
      case 14:
        return `(car (cons ${e()} ${e()}))`;
      case 15: {
        const a = v();
        const b = v();
        return `(let () (define-values (${a} ${b}) (values ${e()} ${e()})) (- ${a} ${b}))`;
      }
      case 16:
        return `((case-lambda ((a) (- a)) ((a b) (* a b)) ((a . r) (length r))) ${Array.from({ length: 1 + Math.floor(next() * 3) }, e).join(" ")})`;
      case 17:
        return `(string-length (number->string ${e()}))`;
      case 18:
        return `(guard (c ((symbol? c) -1) ((string? c) -2)) (if (< ${e()} ${e()}) (raise (quote oops)) ${e()}))`;
      case 19: {
        const n = v();
        return `(let ((${n} 0)) (+ (dynamic-wind (lambda () (set! ${n} (+ ${n} 1))) (lambda () ${e()}) (lambda () (set! ${n} (+ ${n} 10)))) ${n}))`;
      }
      case 20:
        return `(sum-list (iota* ${Math.floor(next() * 2000)}))`;
      case 21:
        return `(add-all ${Array.from({ length: 1 + Math.floor(next() * 4) }, e).join(" ")})`;
      case 22:
        // With `travel`, the first time here the continuation is kept in K (a later call sends it).
        return options.travel ? `(call/cc (lambda (c) (if (not K) (set! K c)) ${e()}))` : `(bump! ${e()})`;
      case 23:
        // A primitive's error, caught: the message's length stands for the message.
        return `(guard (c ((error-object? c) (string-length (error-object-message c)))) (vector-ref (vector ${e()} ${e()}) ${Math.floor(next() * 4)}))`;
      case 24:
        // Now and then an uncaught error ends the program: both must report the same one.
        return `(let ((x ${e()})) (if (< x -9) (car x) x))`;
      case 25: {
        // Internal definitions, one captured by a closure made before it is set (a box).
        const f = v();
        const g = v();
        return `((lambda () (define (${f} n) (if (< n 1) 0 (+ n (${g} (- n 1))))) (define (${g} n) (if (< n 1) 1 (${f} (- n 1)))) (${f} ${Math.floor(next() * 40)})))`;
      }
      case 26:
        return `(letrec ((ev? (lambda (n) (if (= n 0) #t (od? (- n 1))))) (od? (lambda (n) (if (= n 0) #f (ev? (- n 1)))))) (if (ev? ${Math.floor(next() * 5000)}) ${e()} ${e()}))`;
      case 27: {
        const vec = v();
        const i = v();
        return `(let ((${vec} (make-vector 5 ${e()}))) (do ((${i} 0 (+ ${i} 1))) ((= ${i} 5) (apply + (vector->list ${vec}))) (vector-set! ${vec} ${i} (+ ${i} (vector-ref ${vec} ${i})))))`;
      }
      case 28: {
        // Closures made in a loop each keep their own binding.
        const fs = v();
        return `(let ((${fs} (let loop ((i 0) (acc '())) (if (= i 4) acc (loop (+ i 1) (cons (lambda () (* i ${e()})) acc)))))) (apply + (map (lambda (f) (f)) ${fs})))`;
      }
      case 29: {
        const c = v();
        return `(let ((${c} 0)) (for-each (lambda (x) (set! ${c} (+ ${c} x))) (list ${e()} ${e()} ${e()})) ${c})`;
      }
      case 30:
        return `(string-length (string-append (number->string ${e()}) "-" (symbol->string 'abc) (make-string ${Math.floor(next() * 5)} #\\z)))`;
      case 31:
        return `(let ((p (make-parameter ${e()}))) (+ (parameterize ((p ${e()})) (p)) (p)))`;
      case 32:
        return `(case (modulo ${e()} 4) ((0) ${e()}) ((1 2) ${e()}) (else ${e()}))`;
      case 33:
        return `(if (and (< ${e()} ${e()}) (or (> ${e()} 0) (= ${e()} 1))) ${e()} ${e()})`;
      case 34:
        return `(length (member ${Math.floor(next() * 6)} (list 1 2 3 4 5) (lambda (a b) (<= a b))))`;
      case 35:
        return `(with-exception-handler (lambda (c) (if (number? c) (* c 2) 0)) (lambda () (+ 1 (raise-continuable ${e()}))))`;
      case 36: {
        // A generator: the producer's continuation is re-entered for each value.
        const ret = v();
        const resume = v();
        return `(let ((${ret} #f) (${resume} #f) (total 0))
          (let ((x (call/cc (lambda (c) (set! ${ret} c) (for-each (lambda (v) (call/cc (lambda (r) (set! ${resume} r) (${ret} v)))) (list ${e()} ${e()} ${e()})) 'end))))
            (if (eq? x 'end) total (begin (set! total (+ total x)) (${resume} #f)))))`;
      }
      case 37:
        // Flonums through the open-coded paths: sums, comparisons, integral results.
        return `(let ((x (+ 0.5 ${e()}))) (if (< x 1.5) (exact (floor (* x 2))) (exact (round (- x 0.5)))))`;
      case 38:
        // Exact rationals and bignums.
        return `(let ((r (/ ${e()} 3))) (if (integer? r) r (numerator (* r 3 ${e()} ${e()} ${e()} 1000000007 1000000009))))`;
      case 39:
        return `(let ((s (string->symbol (string-append "k" (number->string ${e()}))))) (string-length (symbol->string s)))`;
      case 40:
        return `(let () (define-record-type pt (mk-pt a b) pt? (a pt-a) (b pt-b set-pt-b!)) (let ((p (mk-pt ${e()} ${e()}))) (set-pt-b! p (+ (pt-b p) ${e()})) (- (pt-a p) (pt-b p))))`;
      case 41:
        return `(char->integer (char-upcase (string-ref "abcdef" (modulo ${e()} 6))))`;
      case 50:
        return `(string-length (call-with-output-string (lambda (port) (write (list ${e()} "s" #\\x 1.5) port))))`;
      case 51:
        return `(length (string->list (list->string (map (lambda (i) (integer->char (+ 65 (modulo i 26)))) (list ${e()} ${e()} ${e()})))))`;
      case 52: {
        const vec = v();
        return `(let ((${vec} (vector ${e()} ${e()} ${e()})) (sum 0)) (vector-for-each (lambda (x) (set! sum (+ sum x))) (vector-map (lambda (x) (* x 2)) ${vec})) sum)`;
      }
      case 53:
        return `(let-values (((q r) (floor/ ${e()} 7)) ((a . rest) (values ${e()} ${e()} ${e()}))) (+ q r a (length rest)))`;
      case 54: {
        // Escaping from inside a prelude procedure (string-for-each) with call/cc.
        const k = v();
        return `(call/cc (lambda (${k}) (string-for-each (lambda (c) (if (char=? c #\\c) (${k} (char->integer c)))) "abcd") -1))`;
      }
      case 55:
        return `(let ((x ${e()}) (l (list ${e()} ${e()}))) (apply + (append \`(,x ,@l) (list-tail (list 1 2 3) 1))))`;
      case 56:
        return `(let ((p (delay ${e()}))) (+ (force p) (force p)))`;
      case 57:
        return `(cond ((assv ${Math.floor(next() * 4)} '((1 . 10) (2 . 20))) => cdr) (else ${e()}))`;
      case 58:
        return `(let ((n 0)) (when (< ${e()} ${e()}) (set! n 1)) (unless (< n 1) (set! n (+ n 10))) n)`;
      case 59:
        return `(string->number (number->string (inexact (/ ${e()} 4))))`;
      case 60:
        // Escaping out of nested dynamic-winds with a continuation: every after runs once.
        return `(let ((trail '())) (call/cc (lambda (out) (dynamic-wind (lambda () (set! trail (cons 1 trail))) (lambda () (dynamic-wind (lambda () (set! trail (cons 2 trail))) (lambda () (out ${e()})) (lambda () (set! trail (cons 3 trail))))) (lambda () (set! trail (cons 4 trail)))))) (apply + (map * trail (list 1 10 100 1000))))`;
      case 61:
        return `(let ((p (make-parameter ${e()} (lambda (x) (* x 2))))) (+ (p) (parameterize ((p ${e()})) (p))))`;
      case 62:
        // A record raised and caught by type; error-object-irritants of a caught error.
        return `(let () (define-record-type oops (make-oops v) oops? (v oops-v))
          (+ (guard (c ((oops? c) (oops-v c))) (raise (make-oops ${e()})))
             (guard (c ((error-object? c) (length (error-object-irritants c)))) (error "bad" ${e()} ${e()}))))`;
      case 63:
        return `(car (sort (list ${e()} ${e()} ${e()} ${e()}) <))`;
      case 64:
        return `(let-values (((q r) (truncate/ ${e()} 3))) (call-with-values (lambda () (values q r)) (lambda (a b) (- a b))))`;
      case 65:
        return `(let ((v (make-vector 4 0))) (vector-fill! v ${e()} 1 3) (let ((s (make-string 3 #\\a))) (string-copy! s 1 "xy") (+ (vector-ref v 1) (vector-ref v 3) (char->integer (string-ref s 2)))))`;
      case 66:
        return `(call-with-values (lambda () (exact-integer-sqrt (abs ${e()}))) (lambda (s r) (+ (* 1000 s) r)))`;
      case 67:
        return `(guard (c (#t (if (string? c) (string-length c) -1))) (case ${e()} ((1 2 3) => (lambda (x) (* x 100))) (else => (lambda (x) (raise (number->string x))))))`;
      case 68:
        return `(let*-values (((a b) (values ${e()} ${e()})) ((c) (values (+ a b)))) (if (and (symbol=? 'a 'a) (boolean=? #t (< a c))) c (- c)))`;
      case 69:
        return `(vector-length (string->vector (vector->string (vector #\\a #\\b ${"#\\c"}))))`;
      case 43:
        // A process that doubles what it receives; the answer comes back to this one.
        return `(let ((p (spawn (lambda () (recv ((from x) (! from (* 2 x)))))))) (! p (list (self) ${e()})) (?))`;
      case 44: {
        // A process computing while this one waits on it (thread-join! takes its id).
        const x = v();
        return `(let* ((${x} ${e()}) (p (spawn (lambda () (deep (exact (round (min 3000 (abs ${x}))))))))) (thread-join! p) (+ ${x} 1))`;
      }
      case 45:
        // A reply through !? to a process that answers with a tag.
        return `(let ((server (spawn (lambda () (recv ((from tag x) (! from (list tag (- x)))))))))
          (!? server ${e()}))`;
      default: {
        // Re-entry: the continuation of the first argument is resumed once more.
        const k = v();
        const count = v();
        return `(let ((${k} #f) (${count} 0)) (let ((x (+ ${e()} (call/cc (lambda (c) (set! ${k} c) 1))))) (set! ${count} (+ ${count} 1)) (if (< ${count} 3) (${k} ${count}) x)))`;
      }
    }
  };
  return options.travel
    ? `(list ${expr(5, [])} ${expr(5, [])})`
    : `(list ${expr(5, [])} ${expr(4, [])} counter)`;
}

async function outcome(system: TermiteSystem, text: string): Promise<string> {
  const r = await system.runScript(text, "random.scm");
  if (r.normal) return write(r.value);
  const c = r.condition as { message?: unknown };
  return `error: ${c?.message ?? write(c)}`;
}

describe("compiled and interpreted code agree on random programs", () => {
  it("gives the same value or the same error for each program", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        const text = `${PRELUDE}\n${program(random(seed))}`;
        // Fresh systems each time: the helpers' global `counter` starts at 0 in both.
        const compiled = await createSystem({ io: memoryIoContext(), backend: "compile" });
        const interpreted = await createSystem({ io: memoryIoContext(), backend: "interpret" });
        const a = await outcome(compiled, text);
        const b = await outcome(interpreted, text);
        if (a !== b) throw new Error(`seed ${seed}: compiled ${a}, interpreted ${b}\n${text}`);
        expect(a).not.toBe("");
      }),
      { numRuns: 200 },
    );
    // 400 systems booted: 10–30 s on a quiet machine, more when the 2 cores are shared.
  }, 180_000);
});

describe.each(["compile", "interpret"] as const)("continuations of random programs, %s", (backend) => {
  it("resume on another node as they resume at home", async () => {
    const [home, away] = await Promise.all([testNode({}, backend), testNode({}, backend)]);
    const setup = `${PRELUDE}\n(define K #f)`;
    await home.run(setup);
    await away.run(setup);
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        await home.run(`(set! K #f) (define (compute) ${program(random(seed), { travel: true })})`);
        // The first run keeps a continuation in K, when the program passes there at all.
        const first = await home.system.runScript("(compute)", "random.scm");
        const k = home.system.globals.lookup("#K");
        if (!first.normal || k === false) return;
        sent++;
        const bytes = home.wire.encode(k);
        const there = await away.system.runInThread(() =>
          (away.wire.decodeSync(bytes) as (v: number) => unknown)(7),
        );
        const here = await home.system.runInThread(() => (k as (v: number) => unknown)(7));
        const show = (r: { normal: boolean; value?: unknown; condition?: unknown }) =>
          r.normal ? write(r.value) : `error: ${(r.condition as { message?: string })?.message}`;
        if (show(here) !== show(there))
          throw new Error(`seed ${seed}: at home ${show(here)}, away ${show(there)}`);
      }),
      { numRuns: 60 },
    );
    // Most programs pass where K is captured (about two thirds): the property is not vacuous.
    expect(sent).toBeGreaterThan(15);
  });
});
