// @termite/serializer: encode + decode of Termite messages, beside cbor-x on equivalent plain JS
// objects in the same process. cbor-x is the ceiling: it keeps no sharing, no Scheme types and no
// code references, and recurses, so it cannot carry deep data at all; the ratio says what the flat
// table (identity map, shallow forms, the pre-check of the bytes) costs on top of it.
import { cons, intern, list, string } from "@termite/datum";
import { decodeSync, encode } from "@termite/serializer";
import { Decoder, Encoder } from "cbor-x";
import { median } from "./stats.mjs";

/** Median milliseconds per call of `fn`, over `runs` runs of `reps` calls each. */
function time(fn, reps, runs = 11) {
  for (let i = 0; i < reps; i++) fn(); // warm-up
  const out = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    out.push((performance.now() - t) / reps);
  }
  return median(out);
}

const plain = { encoder: new Encoder(), decoder: new Decoder() };

// ### The objects a Termite node would send: process ids, tags, code, frames
class Pid {
  constructor(node, id) {
    this.node = node;
    this.id = id;
  }
}
class ReplyTag {
  constructor(node, id) {
    this.node = node;
    this.id = id;
  }
}
class Code {
  constructor(ref) {
    this.ref = ref;
  }
}
class Frame {
  constructor(code, cp, values) {
    this.code = code;
    this.cp = cp;
    this.values = values;
  }
}
const describe = (v) => {
  if (v instanceof Pid) return { tag: "pid", fields: [v.node, v.id] };
  if (v instanceof ReplyTag) return { tag: "tag", fields: [v.node, v.id] };
  if (v instanceof Code) return { code: v.ref };
  if (v instanceof Frame) return { tag: "frame", fields: [v.code, v.cp, ...v.values] };
  return undefined;
};
const codeTable = new Map();
const revivers = {
  pid: ([node, id]) => new Pid(String(node), id),
  tag: ([node, id]) => new ReplyTag(String(node), id),
  frame: ([code, cp, ...values]) => new Frame(code, cp, values),
};
const resolver = { resolve: (ref) => codeTable.get(ref.id) };
const encodeOptions = { describe };
const decodeOptions = { revivers, resolver };

function row(label, ours, reference, bytesOurs, bytesRef, reps) {
  const a = time(ours, reps);
  const b = time(reference, reps);
  const rate = (bytes, ms) => `${(bytes / 1e6 / (ms / 1e3)).toFixed(1).padStart(7)} MB/s`;
  console.log(
    `${label.padEnd(34)} ours ${(a * 1000).toFixed(1).padStart(9)} µs ${rate(bytesOurs, a)}   cbor-x ${(
      b * 1000
    )
      .toFixed(1)
      .padStart(9)} µs ${rate(bytesRef, b)}   ratio ${(a / b).toFixed(2)}`,
  );
}

function compare(label, scheme, js, reps) {
  const ours = encode(scheme, encodeOptions);
  const theirs = plain.encoder.encode(js);
  row(
    `${label} encode+decode`,
    () => decodeSync(encode(scheme, encodeOptions), decodeOptions),
    () => plain.decoder.decode(plain.encoder.encode(js)),
    ours.length,
    theirs.length,
    reps,
  );
  row(
    `${label} encode`,
    () => encode(scheme, encodeOptions),
    () => plain.encoder.encode(js),
    ours.length,
    theirs.length,
    reps,
  );
  row(
    `${label} decode`,
    () => decodeSync(ours, decodeOptions),
    () => plain.decoder.decode(theirs),
    ours.length,
    theirs.length,
    reps,
  );
  console.log(`${"".padEnd(34)} message ${ours.length} bytes, cbor-x ${theirs.length} bytes`);
}

// (from tag PING): the shape of every `!?` request.
compare(
  "small (from tag PING)",
  list([new Pid(":7000", 12), new ReplyTag(":7000", 99), intern("PING")]),
  [{ node: ":7000", id: 12 }, { node: ":7000", id: 99 }, "PING"],
  5000,
);

// A 10^5-element list of small integers and strings.
const longJs = Array.from({ length: 100_000 }, (_, i) => (i % 4 === 0 ? `item ${i}` : i));
compare("10^5-element list", list(longJs.map((v) => (typeof v === "string" ? string(v) : v))), longJs, 5);

// A 100-frame continuation, each frame a code reference, a control point and 4 live values.
const frames = [];
const framesJs = [];
let stack = null;
for (let i = 0; i < 100; i++) {
  const ref = { module: "github.com/fred/hello@2.0", id: `#work/lambda${i % 10}`, hash: "3fa2c9" };
  const code = codeTable.get(ref.id) ?? new Code(ref);
  codeTable.set(ref.id, code);
  const values = [i, string(`v${i}`), cons(i, null), 0.5];
  stack = cons(new Frame(code, i % 7, values), stack);
  frames.push(values);
  framesJs.unshift({ code: ref, cp: i % 7, values: [i, `v${i}`, [i], 0.5] });
}
compare("100-frame continuation", stack, framesJs, 200);
