// The library expander on a ~40 KB script (the size of the ELS'20 "40K" program): read + expand,
// against reading alone (@termite/reader's readAll on the same text) measured in this process.
// The ratio says what expansion costs on top of reading. Target: expansion under 100 ms warm.
import { readAll } from "@termite/reader";
import { expandScript, LibraryRegistry } from "../packages/library-expander/dist/index.js";
import { median } from "./stats.mjs";

function time(fn, runs = 21) {
  for (let i = 0; i < 5; i++) fn();
  const out = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

// A program of many varied definitions: macros, named let, do, cond/case, quasiquote, records,
// internal definitions, guard, parameterize; each block's names are distinct.
function block(i) {
  return `
(define-syntax swap-${i}! (syntax-rules () ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(define-record-type point-${i} (make-point-${i} x y) point-${i}? (x point-${i}-x set-point-${i}-x!) (y point-${i}-y))
(define (classify-${i} n)
  (cond ((< n 0) 'negative)
        ((memv n '(0 1 2)) => (lambda (l) (car l)))
        (else (case (remainder n 3) ((0) 'fizz) ((1 2) => (lambda (r) (list 'rest r))) (else 'never)))))
(define (sum-${i} n)
  (let loop ((k 0) (acc 0))
    (if (> k n) acc (loop (+ k 1) (+ acc k)))))
(define (vec-${i} n)
  (do ((v (make-vector n 0)) (k 0 (+ k 1))) ((= k n) v) (vector-set! v k (* k k))))
(define (walk-${i} tree)
  (define (leaf? t) (not (pair? t)))
  (define count 0)
  (let visit ((t tree))
    (cond ((null? t) count)
          ((leaf? t) (set! count (+ count 1)) count)
          (else (visit (car t)) (visit (cdr t)))))
  count)
(define (qq-${i} a b) \`(a ,a b ,@b #(v ,a) (nested \`(x ,(y ,a)))))
(define (safe-div-${i} a b)
  (guard (e ((string? e) (list 'error e)) ((symbol? e) => (lambda (s) s)))
    (if (= b 0) (raise "division by zero") (/ a b))))
(define param-${i} (make-parameter 10))
(define (with-param-${i} f) (parameterize ((param-${i} 20)) (f (param-${i}))))
(define (swap-test-${i})
  (let ((tmp 1) (other 2)) (swap-${i}! tmp other) (list tmp other)))
(define (values-${i} x)
  (let-values (((q r) (floor/ x 7)) ((a . rest) (values 1 2 3)))
    (let*-values (((s) (values (+ q r))) ((t) (values (* s 2)))) (list q r a rest s t))))
(define (strings-${i} s) (when (string? s) (unless (= (string-length s) 0) (string-append s "!"))))
(define (lazy-${i}) (let ((p (delay (sum-${i} 10)))) (force p)))
(define (and-or-${i} a b c) (or (and a b) (and b c) (and a c) #f))
`;
}

let text = "";
for (let i = 0; text.length < 40_000; i++) text += block(i);

const names = `car cdr cons list memv remainder + - * / < > = not pair? null? make-vector vector-set! string?
  string-length string-append raise make-parameter floor/ values call-with-values eqv? append list->vector
  make-promise force`.split(/\s+/);
const registry = new LibraryRegistry();
registry.defineNativeLibrary(["scheme", "base"], names);

const read = time(() => readAll(text, { file: "bench.scm" }));
const expand = time(() => expandScript(registry, text, { file: "bench.scm" }));
console.log(`program: ${(text.length / 1024).toFixed(1)} KB`);
console.log(`read only          ${read.toFixed(2).padStart(8)} ms (reference)`);
console.log(
  `read + expand      ${expand.toFixed(2).padStart(8)} ms   ratio ${(expand / read).toFixed(2)}   target < 100 ms`,
);
