// The JavaScript back end on call-heavy code, against the interpreter and plain JS in this process.
// "block" is the same code as a library (its procedures are constants: direct calls, self loops);
// "no control points" compiles without frames or the call budget, to price the continuation
// machinery (measurement only: such code cannot capture continuations or recurse deeply).
// Figures are medians of several runs; compare the ratios, the machine is shared and noisy.

import { memoryIoContext } from "@termite/runtime";
import { evalPart, TermiteSystem, termiteLibraryPart } from "@termite/termite";
import { compileUnit } from "../packages/compiler/dist/index.js";
import { medianTime } from "./stats.mjs";

const defs = `
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(define (tak x y z) (if (not (< y x)) z (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y))))
(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1)))))
(define (loop n) (if (= n 0) 'done (loop (- n 1))))
(define (tak50) (let lp ((i 0)) (if (< i 50) (begin (tak 18 12 6) (lp (+ i 1))) 'done)))
`;
const library = `(define-library (bench calls) (export fib tak count loop tak50) (import (scheme base)) (begin ${defs}))`;

async function system(backend, controlPoints = true) {
  const s = await new TermiteSystem({
    io: memoryIoContext({}),
    backend,
    parts: [evalPart, termiteLibraryPart],
  }).boot();
  if (!controlPoints) {
    let n = 0;
    s.load = (m) =>
      compileUnit(m.body, s.globals, {
        module: m.supplies ?? "",
        unit: `nc${n++}`,
        block: m.block,
        controlPoints: false,
      }).run;
  }
  return s;
}

const interpreted = await system("interpret");
await interpreted.runScript(defs, "bench.scm");
const compiled = await system("compile");
await compiled.runScript(defs, "bench.scm");
const block = await system("compile");
block.registry.loadSource({ file: "bench-calls.sld", text: library });
await block.runScript("(import (bench calls))", "bench.scm");
const bare = await system("compile", false);
bare.registry.loadSource({ file: "bench-calls.sld", text: library });
await bare.runScript("(import (bench calls))", "bench.scm");

const jsFib = (n) => (n < 2 ? n : jsFib(n - 1) + jsFib(n - 2));
const jsTak = (x, y, z) => (!(y < x) ? z : jsTak(jsTak(x - 1, y, z), jsTak(y - 1, z, x), jsTak(z - 1, x, y)));

function scheme(s, expr) {
  return async () => {
    const r = await s.runScript(expr, "bench.scm");
    if (!r.normal) throw new Error(`benchmark failed: ${expr}`);
    return r.value;
  };
}

const rows = [
  ["fib 30", "(fib 30)", () => jsFib(30)],
  [
    "tak 18 12 6, 50 times",
    "(tak50)",
    () => {
      for (let i = 0; i < 50; i++) jsTak(18, 12, 6);
    },
  ],
  ["tail loop 10^7", "(loop 10000000)", null],
  ["non-tail recursion 10^6 deep", "(count 1000000)", null],
];
const fmt = (x) => (x === undefined ? "—" : x.toFixed(1));
const ratio = (a, b) => (a === undefined || b === undefined ? "—" : `${(a / b).toFixed(1)}x`);
console.log(
  "| benchmark | interpreted ms | compiled ms | compiled, block ms | block, no control points ms | plain JS ms | interpreted / compiled | block / JS | block / no control points |",
);
console.log("|---|---|---|---|---|---|---|---|---|");
for (const [name, expr, js] of rows) {
  const runs = name.startsWith("fib") || name.includes("10^7") ? 3 : 5;
  const i = await medianTime(scheme(interpreted, expr), runs);
  const c = await medianTime(scheme(compiled, expr), runs);
  const b = await medianTime(scheme(block, expr), runs);
  // Without frames, a 10^6-deep recursion overflows the JS stack: not measured.
  const n = name.includes("deep") ? undefined : await medianTime(scheme(bare, expr), runs);
  const j = js ? await medianTime(js) : undefined;
  console.log(
    `| ${name} | ${fmt(i)} | ${fmt(c)} | ${fmt(b)} | ${fmt(n)} | ${j === undefined ? "—" : j.toFixed(2)} | ${ratio(i, c)} | ${ratio(b, j)} | ${ratio(b, n)} |`,
  );
}
