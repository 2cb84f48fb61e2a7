// Two Termite nodes in two OS processes (`termite run`) over ZeroMQ on loopback, beside raw
// zeromq.js in this script doing the same round trip with frames of the same size: `!?` round trip
// (median, p99), one-way messages per second, round trip against message size, and the time to
// send a 1,000-frame continuation and hear it was decoded. The Scheme halves are in
// distribution/ (server.scm, client.scm). Ports 41900–41909.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as zmq from "zeromq";
import { createSystem } from "../packages/termite/dist/index.js";
import { median } from "./stats.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const cli = fileURLToPath(new URL("../packages/termite/dist/cli.js", import.meta.url));
const PORT = { termite: 41900, raw: 41902 };
const quick = process.argv.includes("--quick");
const ROUNDS = quick ? 300 : 2000;

const p99 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))];
const us = (x) => `${x.toFixed(0)} µs`;

/** Starts `termite run FILE ARGS` and resolves once it printed `ready` (or at its end). */
function termite(file, args, { waitReady }) {
  const child = spawn(process.execPath, [cli, "run", file, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  child.stderr.on("data", (d) => {
    err += d;
  });
  const ended = new Promise((resolve, reject) =>
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${file} exited ${code}: ${err}`)),
    ),
  );
  const ready = waitReady
    ? new Promise((resolve, reject) => {
        child.stdout.on("data", () => out.includes("ready") && resolve());
        ended.then(() => reject(new Error(`${file} ended before it was ready: ${err}`)), reject);
      })
    : ended;
  return { child, ready, ended };
}

/** The size of the wire message of a small `!?` (reply tag and message), plus the envelope's 9 bytes. */
async function smallMessageBytes() {
  const system = await createSystem();
  const r = await system.runScript(
    `(import (termite)) (object->u8vector (list (make-tag) (list 'echo "a short message of about forty characters")))`,
    "size.scm",
  );
  return r.value.length + 9;
}

/** Raw zeromq.js: a DEALER here, a ROUTER echoing in a child process, frames of `size` bytes. */
async function rawRoundTrips(size, n) {
  const echo = spawn(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import * as zmq from "zeromq";
       const r = new zmq.Router({ linger: 0 });
       await r.bind("tcp://127.0.0.1:${PORT.raw}");
       console.log("ready");
       for await (const [id, f] of r) await r.send([id, f]);`,
    ],
    { stdio: ["ignore", "pipe", "inherit"], cwd: here },
  );
  await new Promise((resolve) => echo.stdout.once("data", resolve));
  const d = new zmq.Dealer({ linger: 0 });
  d.connect(`tcp://127.0.0.1:${PORT.raw}`);
  const frame = new Uint8Array(size);
  const times = [];
  for (let i = 0; i < 200 + n; i++) {
    const t0 = performance.now();
    await d.send(frame);
    await d.receive();
    if (i >= 200) times.push((performance.now() - t0) * 1000);
  }
  d.close();
  echo.kill();
  return times;
}

async function main() {
  const bytes = await smallMessageBytes();
  const server = termite(`${here}distribution/server.scm`, [`:${PORT.termite}`], { waitReady: true });
  await server.ready;
  let output;
  try {
    output = await termite(`${here}distribution/client.scm`, [`:${PORT.termite}`, String(ROUNDS)], {
      waitReady: false,
    }).ended;
  } finally {
    server.child.kill();
  }
  const lines = Object.fromEntries(
    output
      .trim()
      .split("\n")
      .map((l) => l.split(" "))
      .map(([name, ...rest]) => [name === "size" ? `size ${rest.shift()}` : name, rest.map(Number)]),
  );
  const raw = await rawRoundTrips(bytes, ROUNDS);
  const rtt = lines.rtt;
  console.log(`!? round trip (${ROUNDS} rounds, message ${bytes} bytes on the wire):`);
  console.log(`  termite: median ${us(median(rtt))}, p99 ${us(p99(rtt))}`);
  console.log(`  raw zeromq.js, same size: median ${us(median(raw))}, p99 ${us(p99(raw))}`);
  console.log(`  ratio of medians: ${(median(rtt) / median(raw)).toFixed(2)}x`);
  const [count, micros, arrived] = lines["one-way"];
  console.log(
    `one-way: ${count} messages in ${(micros / 1000).toFixed(0)} ms = ${Math.round(count / (micros / 1e6))}/s (${arrived} counted)`,
  );
  for (const n of [100, 10000, 100000, 1000000]) {
    const t = lines[`size ${n}`];
    console.log(`round trip, a string of ${n} characters: median ${us(median(t))}`);
  }
  if (lines.continuation)
    console.log(`a 1,000-frame continuation sent and decoded: median ${us(median(lines.continuation))}`);
}

await main();
