// Compiled against interpreted, here and in Gambit on the same machine (when `gsc` and `gsi` are
// installed; Debian: apt-get install gambc). Every system runs in a fresh process of its own:
// fib 30 and tak 18 12 6 fifty times, one warm-up, then the median of five. Gambit compiles with
// (declare (standard-bindings) (extended-bindings) (block)) — safe, generic arithmetic, like ours
// in a library (block compilation) — through gsc -exe and the C compiler.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median } from "./stats.mjs";

const DEFS = `(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(define (tak x y z) (if (not (< y x)) z (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y))))
(define (tak50) (let lp ((i 0)) (if (< i 50) (begin (tak 18 12 6) (lp (+ i 1))) 'done)))`;
const BENCHMARKS = [
  ["fib 30", "(fib 30)"],
  ["tak 18 12 6, 50 times", "(tak50)"],
];

// Gambit: a program printing, per benchmark, six times in ms (the first is the warm-up).
const gambitProgram = `${DEFS}
(define (ms thunk) (let ((t (real-time))) (thunk) (* 1000 (- (real-time) t))))
${BENCHMARKS.map(([, e]) => `(display (list ${Array(6).fill(`(ms (lambda () ${e}))`).join(" ")}))(newline)`).join("\n")}`;

function gambitTimes(command, args) {
  const r = spawnSync(command, args, { encoding: "utf8" });
  if (r.status !== 0) return undefined;
  return r.stdout
    .trim()
    .split("\n")
    .map((line) => median(line.replace(/[()]/g, "").trim().split(/\s+/).map(Number).slice(1)));
}

function oursTimes(backend) {
  const library = `(define-library (bench calls) (export fib tak tak50) (import (scheme base)) (begin ${DEFS}))`;
  const r = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import { memoryIoContext } from "@termite/runtime";
       import { evalPart, TermiteSystem, termiteLibraryPart } from "@termite/termite";
       const s = await new TermiteSystem({ io: memoryIoContext({}), backend: ${JSON.stringify(backend)}, parts: [evalPart, termiteLibraryPart] }).boot();
       s.registry.loadSource({ file: "bench-calls.sld", text: ${JSON.stringify(library)} });
       await s.runScript("(import (bench calls))", "bench.scm");
       const out = [];
       for (const e of ${JSON.stringify(BENCHMARKS.map(([, e]) => e))}) {
         const times = [];
         for (let i = 0; i < 6; i++) { const t = performance.now(); await s.runScript(e, "bench.scm"); times.push(performance.now() - t); }
         out.push(times.slice(1).sort((a, b) => a - b)[2]);
       }
       console.log(out.join(" "));`,
    ],
    { encoding: "utf8", cwd: new URL(".", import.meta.url).pathname },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim().split(" ").map(Number);
}

const interpreted = oursTimes("interpret");
const compiled = oursTimes("compile");
const dir = mkdtempSync(join(tmpdir(), "termite-gambit-"));
writeFileSync(
  join(dir, "bench.scm"),
  `(declare (standard-bindings) (extended-bindings) (block))\n${gambitProgram}`,
);
const built = spawnSync("gsc", ["-exe", "-o", join(dir, "bench"), join(dir, "bench.scm")], {
  encoding: "utf8",
});
const gsc = built.status === 0 ? gambitTimes(join(dir, "bench"), []) : undefined;
writeFileSync(join(dir, "interpreted.scm"), gambitProgram);
const gsi = gambitTimes("gsi", [join(dir, "interpreted.scm")]);

const f = (x) => (x === undefined ? "—" : x.toFixed(1));
const r = (a, b) => (a === undefined || b === undefined ? "—" : `${(a / b).toFixed(1)}x`);
console.log(
  "| benchmark | ours interpreted ms | ours compiled (library) ms | ratio | Gambit gsi ms | Gambit gsc ms | ratio | ours compiled / gsc | gsi / ours interpreted |",
);
console.log("|---|---|---|---|---|---|---|---|---|");
BENCHMARKS.forEach(([name], k) => {
  const [i, c, gi, gc] = [interpreted[k], compiled[k], gsi?.[k], gsc?.[k]];
  console.log(
    `| ${name} | ${f(i)} | ${f(c)} | ${r(i, c)} | ${f(gi)} | ${f(gc)} | ${r(gi, gc)} | ${r(c, gc)} | ${r(gi, i)} |`,
  );
});
if (gsc === undefined || gsi === undefined) console.log("\n(Gambit columns empty: gsc or gsi not installed)");
