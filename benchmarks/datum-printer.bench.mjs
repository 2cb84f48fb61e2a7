// The printer and equal? of @termite/datum against JSON.stringify / a plain recursive JS compare
// over the same data held as JS arrays, measured in this process. The reference is a ceiling
// (native code, no Scheme rules), so the ratio says how far we are from it.
import { display, intern, isEqual, list, string, write } from "@termite/datum";
import { median } from "./stats.mjs";

function time(fn, reps) {
  const runs = [];
  for (let r = 0; r < 15; r++) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    runs.push((performance.now() - t) / reps);
  }
  return median(runs);
}

function report(name, ours, ref) {
  const a = time(ours, name.reps);
  const b = time(ref, name.reps);
  console.log(
    `${name.label.padEnd(34)} ours ${a.toFixed(4).padStart(10)} ms   JSON/JS ${b.toFixed(4).padStart(10)} ms   ratio ${(a / b).toFixed(2)}`,
  );
}

function jsEqual(a, b) {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!jsEqual(a[i], b[i])) return false;
  return true;
}

const syms = ["define", "x", "lambda", "car", "cdr", "if", "null?", "cons", "+", "-"];
const smallJs = Array.from({ length: 10 }, (_, i) => (i % 2 ? i * 37 : syms[i]));
const small = list(smallJs.map((v) => (typeof v === "string" ? intern(v) : v)));

const longJs = Array.from({ length: 100_000 }, (_, i) => i);
const long = list(longJs);
const long2 = list(longJs);
const longJs2 = [...longJs];

const nestedJs = Array.from({ length: 1000 }, (_, i) => [i, `s${i}`, [i + 0.5, "x"]]);
const nested = list(nestedJs.map(([a, s, [f, t]]) => list([a, string(s), [f, intern(t)]])));

const textJs = Array.from({ length: 1000 }, (_, i) => `line ${i} with "quotes" and\ttabs`);
const text = list(textJs.map(string));

report(
  { label: "write small flat list (10 items)", reps: 20_000 },
  () => write(small),
  () => JSON.stringify(smallJs),
);
report(
  { label: "write 1e5-long list of ints", reps: 5 },
  () => write(long),
  () => JSON.stringify(longJs),
);
report(
  { label: "write 1000 nested records-ish", reps: 50 },
  () => write(nested),
  () => JSON.stringify(nestedJs),
);
report(
  { label: "write 1000 strings with escapes", reps: 50 },
  () => write(text),
  () => JSON.stringify(textJs),
);
report(
  { label: "display 1000 strings", reps: 50 },
  () => display(text),
  () => textJs.join(" "),
);
report(
  { label: "equal? 1e5-long lists", reps: 5 },
  () => isEqual(long, long2),
  () => jsEqual(longJs, longJs2),
);
