// The interpreter on call-heavy code, against the same algorithm in plain JS in this process.
// Figures are medians of several runs; compare the ratios, the machine is shared and noisy.
import { spawnSync } from "node:child_process";
import { memoryIoContext } from "@termite/runtime";
import { evalPart, TermiteSystem, termiteLibraryPart } from "@termite/termite";
import { medianTime } from "./stats.mjs";

const system = await new TermiteSystem({
  io: memoryIoContext({}),
  backend: "interpret",
  parts: [evalPart, termiteLibraryPart],
}).boot();
const defs = `
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(define (tak x y z) (if (not (< y x)) z (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y))))
(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1)))))
(define (loop n) (if (= n 0) 'done (loop (- n 1))))
(define (my-even? n) (if (= n 0) #t (my-odd? (- n 1))))
(define (my-odd? n) (if (= n 0) #f (my-even? (- n 1))))
(define (gen-list n) (let lp ((i 0) (acc '())) (if (= i n) acc (lp (+ i 1) (cons i acc)))))
;; A generator made with call/cc: each value leaves the walk and re-enters it later.
(define (make-generator lst)
  (define return #f)
  (define (resume-walk) (for-each (lambda (x) (call/cc (lambda (k) (set! resume-walk (lambda () (k #f))) (return x)))) lst) (return 'done))
  (lambda () (call/cc (lambda (r) (set! return r) (resume-walk)))))
(define (sum-generator n)
  (let ((g (make-generator (gen-list n))))
    (let lp ((acc 0)) (let ((v (g))) (if (eq? v 'done) acc (lp (+ acc v)))))))
;; Strings and chars: build, upcase, count vowels, split on spaces.
(define (string-workload n)
  (let* ((words (let lp ((i 0) (acc '())) (if (= i n) acc (lp (+ i 1) (cons (number->string i 16) acc)))))
         (text (apply string-append (map (lambda (w) (string-append w " ")) words)))
         (up (string-upcase text))
         (vowels (let lp ((i 0) (c 0)) (if (= i (string-length up)) c (lp (+ i 1) (if (memv (string-ref up i) '(#\\A #\\E)) (+ c 1) c))))))
    (list (string-length text) vowels)))
`;
await system.runScript(defs, "bench.scm");

const jsFib = (n) => (n < 2 ? n : jsFib(n - 1) + jsFib(n - 2));
const jsTak = (x, y, z) => (!(y < x) ? z : jsTak(jsTak(x - 1, y, z), jsTak(y - 1, z, x), jsTak(z - 1, x, y)));

async function scheme(expr) {
  const r = await system.runScript(expr, "bench.scm");
  if (!r.normal) throw new Error(`benchmark failed: ${expr}`);
  return r.value;
}

const rows = [
  ["fib 25", () => scheme("(fib 25)"), () => jsFib(25)],
  ["fib 30", () => scheme("(fib 30)"), () => jsFib(30)],
  ["tak 18 12 6", () => scheme("(tak 18 12 6)"), () => jsTak(18, 12, 6)],
  ["tail loop 10^7", () => scheme("(loop 10000000)"), null],
  ["non-tail recursion 10^6 deep", () => scheme("(count 1000000)"), null],
  ["map over a 10^5 list", () => scheme("(length (map (lambda (x) (* x 2)) (gen-list 100000)))"), null],
  ["call/cc generator, 10^4 values", () => scheme("(sum-generator 10000)"), null],
  ["string and char workload (10^4 words)", () => scheme("(string-workload 10000)"), null],
];
console.log("| benchmark | interpreter ms (median) | plain JS ms | ratio |");
console.log("|---|---|---|---|");
for (const [name, s, js] of rows) {
  const ms = await medianTime(s, name.includes("10^7") || name.includes("fib 30") ? 3 : 5);
  const jsMs = js ? await medianTime(js) : undefined;
  console.log(
    `| ${name} | ${ms.toFixed(1)} | ${jsMs === undefined ? "—" : jsMs.toFixed(2)} | ${jsMs === undefined ? "—" : `${(ms / jsMs).toFixed(0)}x`} |`,
  );
}

// Proper tail calls in constant space: 10^8 steps of mutual tail recursion, once, with the heap
// measured around it (a leak of even a few bytes per step would show as gigabytes).
{
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const watch = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 50);
  const t = performance.now();
  const value = await scheme("(my-even? 100000000)");
  const ms = performance.now() - t;
  clearInterval(watch);
  console.log(
    `\nmutual tail recursion, 10^8 steps: ${value} in ${(ms / 1000).toFixed(1)} s (${((ms * 1e6) / 1e8).toFixed(0)} ns/step); ` +
      `heap ${(before / 2 ** 20).toFixed(0)} MB before, peak ${(peak / 2 ** 20).toFixed(0)} MB during`,
  );
}

// Gambit's interpreter on the same machine, when `gsi` is installed (Debian: apt-get install gambc).
// Both run fib 30 in a fresh process of their own, five times, and the medians are compared: the
// runs above have already warmed (and polluted) this process's interpreter with other programs.
const FIB = "(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))";
const gambit = spawnSync(
  "gsi",
  [
    "-e",
    `${FIB} (define (run) (let ((t (real-time))) (fib 30) (* 1000 (- (real-time) t)))) (run) (display (list (run) (run) (run) (run) (run)))`,
  ],
  { encoding: "utf8" },
);
const fresh = spawnSync(
  process.execPath,
  [
    "--input-type=module",
    "-e",
    `import { memoryIoContext } from "@termite/runtime";
     import { evalPart, TermiteSystem, termiteLibraryPart } from "@termite/termite";
     const s = await new TermiteSystem({ io: memoryIoContext({}), backend: "interpret", parts: [evalPart, termiteLibraryPart] }).boot();
     await s.runScript(${JSON.stringify(FIB)}, "fib.scm");
     await s.runScript("(fib 30)", "fib.scm");
     const times = [];
     for (let i = 0; i < 5; i++) { const t = performance.now(); await s.runScript("(fib 30)", "fib.scm"); times.push(performance.now() - t); }
     console.log(times.join(" "));`,
  ],
  { encoding: "utf8", cwd: new URL(".", import.meta.url).pathname },
);
const medianOf = (text) => {
  const xs = text
    .replace(/[()]/g, "")
    .trim()
    .split(/\s+/)
    .map(Number)
    .sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)];
};
if (gambit.status === 0 && fresh.status === 0) {
  const theirs = medianOf(gambit.stdout);
  const ours = medianOf(fresh.stdout);
  console.log(
    `\nfib 30, each in a fresh process: Gambit gsi ${theirs.toFixed(0)} ms, ours ${ours.toFixed(0)} ms (${(theirs / ours).toFixed(1)}x)`,
  );
} else {
  console.log(`\n(no Gambit comparison: ${gambit.status !== 0 ? "gsi not found" : fresh.stderr})`);
}
