// Reader throughput: reading a ~400 KB Scheme program (fixtures/scheme-program-400k.scm, made by
// fixtures/make-scheme-program.mjs), in MB/s, beside JSON.parse of a JSON text of the same size
// measured in the same process as the ceiling. Three reader variants: with a file name (what
// `load` does), without one, and with source positions turned off (what position recording costs).
import { readFileSync } from "node:fs";
import { readAll } from "@termite/reader";
import { median } from "./stats.mjs";

const RUNS = 41;

const source = readFileSync(new URL("fixtures/scheme-program-400k.scm", import.meta.url), "utf8");
const bytes = Buffer.byteLength(source);

// A JSON document of about the same size, shaped like data a program would exchange.
function sameSizeJson(size) {
  const records = [];
  let length = 2;
  for (let i = 0; length < size; i++) {
    const record = {
      id: i,
      name: `node-${i}`,
      ok: i % 3 === 0,
      score: (i * 7.31) % 100,
      tags: ["a", "bc", i],
    };
    length += JSON.stringify(record).length + 1;
    records.push(record);
  }
  return JSON.stringify(records);
}
const json = sameSizeJson(bytes);

// The variants take turns within each round, so a burst of load on this shared machine falls on
// all of them alike instead of on whichever happened to run then. The order rotates each round:
// a variant run right after another pays for collecting that one's garbage, which in a fixed
// order always fell on the same variant (the "no file" reader looked 40% slower for it).
function measureAll(variants) {
  for (let i = 0; i < 3; i++) for (const [, , run] of variants) run(); // warm-up: let the JIT settle
  const times = variants.map(() => []);
  for (let round = 0; round < RUNS; round++) {
    for (let j = 0; j < variants.length; j++) {
      const k = (j + round) % variants.length;
      const start = performance.now();
      variants[k][2]();
      times[k].push(performance.now() - start);
    }
  }
  return variants.map(([label, size], k) => [label, size, median(times[k])]);
}

let count = 0;
const results = measureAll([
  ["JSON.parse (ceiling)", Buffer.byteLength(json), () => JSON.parse(json).length],
  ["readAll, file option", bytes, () => (count = readAll(source, { file: "program.scm" }).length)],
  ["readAll, no file", bytes, () => readAll(source).length],
  ["readAll, positions: false", bytes, () => readAll(source, { positions: false }).length],
]);

console.log(
  `input: ${bytes} bytes of Scheme (${count} top-level forms), ${Buffer.byteLength(json)} bytes of JSON`,
);
console.log(`median of ${RUNS} rounds after 3 warm-up rounds, variants interleaved`);
const ceiling = results[0][1] / 1e6 / (results[0][2] / 1e3);
for (const [label, size, ms] of results) {
  const mbps = size / 1e6 / (ms / 1e3);
  console.log(
    `${label.padEnd(28)} ${ms.toFixed(2).padStart(8)} ms ${mbps.toFixed(1).padStart(7)} MB/s  ${(mbps / ceiling).toFixed(2)}x JSON.parse`,
  );
}
const withFile = bytes / 1e6 / (results[1][2] / 1e3);
console.log(
  `target >= 20 MB/s with the file option: ${withFile >= 20 ? "met" : "NOT met"} (${withFile.toFixed(1)} MB/s)`,
);
