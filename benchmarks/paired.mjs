// Compares two builds of the repository under a noisy load: each round runs the same workloads
// on both (fresh processes, order alternating), and reports the median of the after/before ratios.
// Usage: node benchmarks/paired.mjs BEFORE_ROOT AFTER_ROOT [rounds]   (each root built: dist/ present)
// A child run: node benchmarks/paired.mjs --run ROOT BACKEND
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median } from "./stats.mjs";

const WORKLOADS = {
  fib: "(fib 25)",
  tak: "(tak 18 12 6)",
  closures: "(closures)",
  "call/cc escapes": "(escapes 20000)",
};
const DEFINITIONS = `
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(define (tak x y z) (if (not (< y x)) z (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y))))
(define big (iota 20000))
(define (closures) (apply + (map (lambda (x) (let ((y (* x 2))) ((lambda () (+ x y))))) big)))
(define (escapes n) (let loop ((i 0) (s 0)) (if (< i n) (loop (+ i 1) (+ s (call/cc (lambda (k) (k i))))) s)))`;

async function run(root, backend) {
  const termite = await import(`${root}/packages/termite/dist/index.js`);
  const { memoryIoContext } = await import(`${root}/packages/runtime/dist/index.js`);
  const system = await termite.createSystem({ io: memoryIoContext({}), backend });
  await system.runScript(DEFINITIONS, "paired.scm");
  const out = {};
  for (const [name, expression] of Object.entries(WORKLOADS)) {
    const times = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      await system.runScript(expression, "paired.scm");
      times.push(performance.now() - t);
    }
    out[name] = median(times);
  }
  console.log(JSON.stringify(out));
}

if (process.argv[2] === "--run") {
  await run(process.argv[3], process.argv[4]);
} else {
  const [before, after, rounds = "11"] = process.argv.slice(2);
  const self = fileURLToPath(import.meta.url);
  const child = (root, backend) =>
    JSON.parse(execFileSync(process.execPath, [self, "--run", root, backend], { encoding: "utf8" }));
  console.log("| workload | back end | before ms | after ms | after/before (median of rounds) |");
  console.log("|---|---|---|---|---|");
  for (const backend of ["compile", "interpret"]) {
    const rows = {};
    for (let r = 0; r < Number(rounds); r++) {
      const order = r % 2 === 0 ? [before, after] : [after, before];
      const got = Object.fromEntries(order.map((root) => [root, child(root, backend)]));
      for (const name of Object.keys(WORKLOADS)) {
        rows[name] ??= { before: [], after: [], ratio: [] };
        rows[name].before.push(got[before][name]);
        rows[name].after.push(got[after][name]);
        rows[name].ratio.push(got[after][name] / got[before][name]);
      }
    }
    for (const [name, v] of Object.entries(rows))
      console.log(
        `| ${name} | ${backend} | ${median(v.before).toFixed(1)} | ${median(v.after).toFixed(1)} | ${median(v.ratio).toFixed(2)} |`,
      );
  }
}
