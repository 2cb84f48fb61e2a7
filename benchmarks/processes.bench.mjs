// Termite processes on one node: spawning 10^5 processes, and a message passed round a ring of
// 10^4 processes 100 times (10^6 hops). References measured in the same process: spawning the
// same number of bare SRFI 18 threads (what a process adds to a thread), and 10^6 calls of the
// ring's closures without messages (what a hop costs against a procedure call).
import { memoryIoContext } from "../packages/runtime/dist/index.js";
import { evalPart, TermiteSystem, termiteLibraryPart } from "../packages/termite/dist/index.js";
import { median } from "./stats.mjs";

const io = memoryIoContext({});
// Boot installs the (termite) library.
const system = await new TermiteSystem({ io, parts: [evalPart, termiteLibraryPart] }).boot();

async function run(text) {
  const r = await system.runScript(text, "bench.scm");
  if (!r.normal) throw new Error(`benchmark script failed: ${String(r.condition?.message ?? r.condition)}`);
  return r.value;
}

await run(`
(import (termite) (only (srfi 18) make-thread thread-start!))
(define (spawn-many n)
  (let loop ((i 0) (last #f))
    (if (= i n) (thread-join! last) (loop (+ i 1) (spawn (lambda () i))))))
(define (threads-many n)
  (let loop ((i 0) (last #f))
    (if (= i n) (thread-join! last) (loop (+ i 1) (thread-start! (make-thread (lambda () i)))))))
;; Each relay first receives its successor, then passes (from hops-left) on until no hops are left.
(define (make-ring n)
  (define (relay)
    (let ((next (?)))
      (let loop ()
        (recv ((from hops) (if (= hops 0) (! from 'done) (! next (list from (- hops 1))))))
        (loop))))
  (let ((ring (let loop ((i 0) (acc '())) (if (= i n) acc (loop (+ i 1) (cons (spawn relay) acc))))))
    (let link ((l ring))
      (if (pair? l) (begin (! (car l) (if (pair? (cdr l)) (cadr l) (car ring))) (link (cdr l)))))
    (car ring)))
(define (go-round first hops) (! first (list (self) hops)) (?))
(define (call-ring n)
  (let loop ((i 1) (next (lambda (m) m)))
    (if (= i n) next (loop (+ i 1) (let ((k next)) (lambda (m) (k (+ m 1))))))))
(define (call-round-trips first rounds)
  (let loop ((r 0) (m 0))
    (if (= r rounds) m (loop (+ r 1) (+ (first m) 1)))))
`);

async function time(text, runs) {
  await run(text);
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run(text);
    out.push(performance.now() - t);
  }
  return median(out);
}

const spawn = await time("(spawn-many 100000)", 7);
const threads = await time("(threads-many 100000)", 7);
console.log(`spawn 10^5 processes:        ${spawn.toFixed(1)} ms (median of 7)`);
console.log(`make+start 10^5 threads:     ${threads.toFixed(1)} ms   ratio ${(spawn / threads).toFixed(2)}`);

// One ring of 10^4 processes (it stays parked between runs); 10^6 hops = 100 times round it.
await run("(define ring (make-ring 10000))");
const ring = await time("(go-round ring 1000000)", 5);

await run("(define cring (call-ring 10000))");
const calls = await time("(call-round-trips cring 100)", 5);
console.log(
  `ring 10^4 x 100 (10^6 hops): ${ring.toFixed(1)} ms (median of 5), ${((ring * 1e6) / 1e6).toFixed(0)} ns/hop`,
);
console.log(`10^6 closure calls:          ${calls.toFixed(1)} ms   ratio ${(ring / calls).toFixed(1)}`);
process.exit(0);
