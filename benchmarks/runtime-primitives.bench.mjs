// The hot pure primitives of @termite/runtime (fixnum + and <, car/cdr/cons, vector-ref,
// string-ref, eq?) against the bare JS operation they stand for, in the same process. The ratio
// is the price of Scheme semantics (type tests, overflow to bigint, bounds checks).
// PRIMITIVES_MODULE overrides where the primitives are loaded from (default: the runtime's dist).
import { pathToFileURL } from "node:url";
import { char, cons as datumCons, isEq, string } from "@termite/datum";
import { median } from "./stats.mjs";

const modulePath =
  process.env.PRIMITIVES_MODULE ?? new URL("../packages/runtime/dist/index.js", import.meta.url).pathname;
const P = await import(pathToFileURL(modulePath).href);
const { add2, lt2, numEq2, mul2, car, cdr, cons, vectorRef, stringRef } = P;

function time(fn) {
  const runs = [];
  for (let r = 0; r < 15; r++) {
    const t = performance.now();
    fn();
    runs.push(performance.now() - t);
  }
  return median(runs);
}

function report(label, ours, ref) {
  ours();
  ref();
  const a = time(ours);
  const b = time(ref);
  console.log(
    `${label.padEnd(40)} ours ${a.toFixed(3).padStart(9)} ms   JS ${b.toFixed(3).padStart(9)} ms   ratio ${(a / b).toFixed(2)}`,
  );
}

const N = 1_000_000;
let sink;

// Sums below 2^31 stay V8 small integers; beyond, every returned number is a heap number, so the
// second row shows the cost of boxing that any non-inlined call returning a double pays.
report(
  "sum 1e6 small fixnums with add2 / +",
  () => {
    let s = 0;
    for (let i = 0; i < N; i++) s = add2(s, i & 1023);
    sink = s;
  },
  () => {
    let s = 0;
    for (let i = 0; i < N; i++) s = s + (i & 1023);
    sink = s;
  },
);

report(
  "sum 1e6 fixnums beyond 2^31 with add2 / +",
  () => {
    let s = 0;
    for (let i = 0; i < N; i++) s = add2(s, i);
    sink = s;
  },
  () => {
    let s = 0;
    for (let i = 0; i < N; i++) s = s + i;
    sink = s;
  },
);

report(
  "1e6 lt2 + numEq2 / < ===",
  () => {
    let c = 0;
    for (let i = 0; i < N; i++) if (lt2(i, 500000) || numEq2(i, 7)) c++;
    sink = c;
  },
  () => {
    let c = 0;
    for (let i = 0; i < N; i++) if (i < 500000 || i === 7) c++;
    sink = c;
  },
);

report(
  "1e6 mul2 (mod 1000) / *",
  () => {
    let s = 0;
    for (let i = 0; i < N; i++) s = mul2(i % 1000, 3);
    sink = s;
  },
  () => {
    let s = 0;
    for (let i = 0; i < N; i++) s = (i % 1000) * 3;
    sink = s;
  },
);

report(
  "build + walk 1e6 list (cons/car/cdr)",
  () => {
    let l = null;
    for (let i = 0; i < N; i++) l = cons(i, l);
    let s = 0;
    while (l !== null) {
      s += car(l);
      l = cdr(l);
    }
    sink = s;
  },
  () => {
    let l = null;
    for (let i = 0; i < N; i++) l = datumCons(i, l);
    let s = 0;
    while (l !== null) {
      s += l.car;
      l = l.cdr;
    }
    sink = s;
  },
);

const vec = Array.from({ length: 1000 }, (_, i) => i);
report(
  "1e6 vector-ref / arr[i]",
  () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += vectorRef(vec, i % 1000);
    sink = s;
  },
  () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += vec[i % 1000];
    sink = s;
  },
);

const text = "abcdefghij".repeat(100);
const str = string(text);
report(
  "1e6 string-ref / charCodeAt+char",
  () => {
    let c;
    for (let i = 0; i < N; i++) c = stringRef(str, i % 1000);
    sink = c;
  },
  () => {
    let c;
    for (let i = 0; i < N; i++) c = char(text.charCodeAt(i % 1000));
    sink = c;
  },
);

const a = Symbol.for("a");
report(
  "1e6 eq? (isEq) / ===",
  () => {
    let c = 0;
    for (let i = 0; i < N; i++) if (isEq(i & 1 ? a : null, a)) c++;
    sink = c;
  },
  () => {
    let c = 0;
    for (let i = 0; i < N; i++) if ((i & 1 ? a : null) === a) c++;
    sink = c;
  },
);

if (sink === Symbol.for("never")) console.log(sink);
