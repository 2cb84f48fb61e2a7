// Where a procedure keeps what travels with it (its code and free values, or its continuation's
// frames): the choice behind @termite/datum's procedure contract, measured three ways.
//   string props  two hidden properties per closure, `$code` and `$free` (the layout before the contract)
//   symbol slot   one `Symbol.for` property holding a small record (`{ kind, code, free }`)
//   symbol array  the same slot holding `[code, ...free]` (what @termite/datum chose for compiled closures)
//   side table    a WeakMap from the closure to that record
// "make+call" is the call path of a program that makes closures (a lambda in a loop, as `map`
// with a lambda does): make one over two free values, call it. "call" calls closures made
// earlier. "describe" is what the wire does: read the code and free values of 1000 closures.
// Variants run interleaved in rotating order; the figures are medians over rounds.

import { median } from "./stats.mjs";

const SLOT = Symbol.for("@termite/datum/procedure@1");
const code = { ref: { module: "", id: "u1:lambda1" } };
const N = 200_000;

class CompiledClosure {
  constructor(code, free) {
    this.kind = "compiled";
    this.code = code;
    this.free = free;
  }
}

function makeString(a, b) {
  const f = (x) => x + a + b;
  f.$code = code;
  f.$free = [a, b];
  return f;
}
function makeSymbol(a, b) {
  const f = (x) => x + a + b;
  f[SLOT] = new CompiledClosure(code, [a, b]);
  return f;
}
function makeSymbolArray(a, b) {
  const f = (x) => x + a + b;
  f[SLOT] = [code, a, b];
  return f;
}
const table = new WeakMap();
function makeTable(a, b) {
  const f = (x) => x + a + b;
  table.set(f, new CompiledClosure(code, [a, b]));
  return f;
}

const variants = {
  "string props": {
    make: makeString,
    read: (f) => (f.$code === code ? f.$free.length : 0),
  },
  "symbol slot": {
    make: makeSymbol,
    read: (f) => {
      const info = f[SLOT];
      return info !== undefined && info.kind === "compiled" ? info.free.length : 0;
    },
  },
  "symbol array": {
    make: makeSymbolArray,
    read: (f) => {
      const info = f[SLOT];
      return info !== undefined && Array.isArray(info) ? info.length - 1 : 0;
    },
  },
  "side table": {
    make: makeTable,
    read: (f) => {
      const info = table.get(f);
      return info !== undefined && info.kind === "compiled" ? info.free.length : 0;
    },
  },
};

let sink = 0;
function makeAndCall(v) {
  const t = performance.now();
  for (let i = 0; i < N; i++) sink += v.make(i, 1)(2);
  return ((performance.now() - t) * 1e6) / N;
}
function callOnly(made) {
  const t = performance.now();
  for (let r = 0; r < 200; r++) for (let i = 0; i < made.length; i++) sink += made[i](r);
  return ((performance.now() - t) * 1e6) / (200 * made.length);
}
function describe(v, made) {
  const t = performance.now();
  for (let r = 0; r < 200; r++) for (let i = 0; i < made.length; i++) sink += v.read(made[i]);
  return ((performance.now() - t) * 1e6) / (200 * made.length);
}

const names = Object.keys(variants);
const results = Object.fromEntries(names.map((n) => [n, { makeCall: [], call: [], describe: [] }]));
const rounds = 15;
for (let round = 0; round < rounds; round++) {
  for (let j = 0; j < names.length; j++) {
    const name = names[(round + j) % names.length];
    const v = variants[name];
    const made = Array.from({ length: 1000 }, (_, i) => v.make(i, 2));
    results[name].makeCall.push(makeAndCall(v));
    results[name].call.push(callOnly(made));
    results[name].describe.push(describe(v, made));
  }
}
console.log("| variant | make+call ns | call ns | describe ns |");
console.log("|---|---|---|---|");
for (const name of names) {
  const r = results[name];
  console.log(
    `| ${name} | ${median(r.makeCall).toFixed(1)} | ${median(r.call).toFixed(2)} | ${median(r.describe).toFixed(2)} |`,
  );
}
if (sink === 42) console.log("");
