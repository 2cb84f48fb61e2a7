// Whole Scheme programs (benchmarks/programs/*.scm), interpreted and compiled in this process.
// "whole program" runs the file as a script each time: read, expand, compile (or prepare for the
// interpreter) and run, so compiled code is fresh JavaScript that V8 has not warmed up yet.
// "final expression" runs only the file's last line again on the definitions already loaded;
// "load" runs everything but that line (front end, code generation, definitions).
// Each program's result is checked. Medians of interleaved runs after a warm-up; the machine is
// shared and noisy, compare the ratios.
import { readFileSync } from "node:fs";
import { write } from "@termite/datum";
import { memoryIoContext } from "@termite/runtime";
import { evalPart, TermiteSystem, termiteLibraryPart } from "@termite/termite";
import { median } from "./stats.mjs";

const programs = [
  ["fib.scm", "196418"],
  ["tak.scm", "140"],
  ["nqueens.scm", "(92 352)"],
  ["puzzle.scm", "(63 580)"],
  ["strings.scm", '(3000 19382 35818 111 "ppiziggucce")'],
  [
    "scheme.scm",
    String.raw`"(2584 5 #t 38 #t 693 120 ((2 . 4) (3 . 6) (4 . 22) (5 . 68) (6 . 20)) done 71 4 114 42 (1 5 8 \"OK\"))"`,
  ],
];

const systems = {
  interpret: await new TermiteSystem({
    io: memoryIoContext({}),
    backend: "interpret",
    parts: [evalPart, termiteLibraryPart],
  }).boot(),
  compile: await new TermiteSystem({
    io: memoryIoContext({}),
    backend: "compile",
    parts: [evalPart, termiteLibraryPart],
  }).boot(),
};

async function run(backend, text, file, expected) {
  const t = performance.now();
  const r = await systems[backend].runScript(text, file);
  const ms = performance.now() - t;
  if (!r.normal)
    throw new Error(`${file} (${backend}) failed: ${write(r.condition?.payload ?? r.condition)}`);
  const got = write(r.value);
  if (expected !== null && got !== expected)
    throw new Error(`${file} (${backend}) returned ${got}, expected ${expected}`);
  return ms;
}

// Runs both back ends in turn, `runs` times, after one warm-up each; returns their medians.
async function medians(text, file, expected, runs) {
  const times = { interpret: [], compile: [] };
  for (const backend of Object.keys(times)) await run(backend, text, file, expected);
  for (let i = 0; i < runs; i++) {
    for (const backend of Object.keys(times)) times[backend].push(await run(backend, text, file, expected));
  }
  return { interpret: median(times.interpret), compile: median(times.compile) };
}

const here = new URL("programs/", import.meta.url).pathname;
console.log(
  "| program | size | result | load: interpreted ms | compiled ms | whole program: interpreted ms | compiled ms | ratio | final expression: interpreted ms | compiled ms | ratio |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|");
for (const [name, expected] of programs) {
  const text = readFileSync(here + name, "utf8").trimEnd();
  const last = text.slice(text.lastIndexOf("\n") + 1);
  const definitions = text.slice(0, text.lastIndexOf("\n"));
  const runs = name === "scheme.scm" ? 5 : 7;
  const whole = await medians(text, name, expected, runs);
  const final = await medians(last, name, expected, runs);
  const load = await medians(definitions, name, null, runs);
  const kb = (Buffer.byteLength(text) / 1024).toFixed(1);
  const cells = (m) =>
    `${m.interpret.toFixed(1)} | ${m.compile.toFixed(1)} | ${(m.interpret / m.compile).toFixed(1)}x`;
  const shown = expected.length > 40 ? `${expected.slice(0, 36)} …` : expected;
  console.log(
    `| ${name} | ${kb} KB | \`${shown}\` | ${load.interpret.toFixed(1)} | ${load.compile.toFixed(1)} | ${cells(whole)} | ${cells(final)} |`,
  );
}
