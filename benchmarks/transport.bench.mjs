// The ZeroMQ transport between two OS processes, beside raw zeromq.js doing the same in the same
// script: round trip (median, p99) of 100-byte frames, one-way frames per second, round trip
// against frame size (100 B … 1 MB). Also the raw socket patterns the transport could be built
// on (README "Transport"): one DEALER<->ROUTER pair used both ways (the classic raw round trip),
// a DEALER->ROUTER connection per direction (what the transport does), PUSH->PULL per direction.
//
// The second process is this script run with `serve MODE`: it answers every frame whose first
// byte is 1 with the same bytes, and only counts the others. Ports 41800–41899.
import { fork } from "node:child_process";
import * as zmq from "zeromq";
import { createZmqTransport } from "../packages/transport-zmq/dist/index.js";
import { median } from "./stats.mjs";

const PORT = { raw: 41800, dealer: 41802, push: 41804, termite: 41806 };
const HERE = "tcp://127.0.0.1";

// ## The serving process

if (process.argv[2] === "serve") {
  const mode = process.argv[3];
  const port = PORT[mode];
  const wantsReply = (frame) => frame[0] === 1;
  if (mode === "raw") {
    const router = new zmq.Router({ linger: 0 });
    await router.bind(`${HERE}:${port}`);
    process.send("ready");
    for await (const [id, frame] of router) if (wantsReply(frame)) await router.send([id, frame]);
  } else if (mode === "dealer") {
    const router = new zmq.Router({ linger: 0 });
    await router.bind(`${HERE}:${port}`);
    const back = new zmq.Dealer({ linger: 0, routingId: `${HERE}:${port}` });
    back.connect(`${HERE}:${port + 1}`);
    process.send("ready");
    for await (const [, frame] of router) if (wantsReply(frame)) await back.send(frame);
  } else if (mode === "push") {
    const pull = new zmq.Pull({ linger: 0 });
    await pull.bind(`${HERE}:${port}`);
    const back = new zmq.Push({ linger: 0 });
    back.connect(`${HERE}:${port + 1}`);
    process.send("ready");
    for await (const [, frame] of pull) if (wantsReply(frame)) await back.send([`${HERE}:${port}`, frame]);
  } else {
    const t = createZmqTransport();
    await t.listen(`${HERE}:${port}`);
    t.on("frame", (from, frame) => {
      if (wantsReply(frame)) t.send(from, frame);
    });
    process.send("ready");
  }
} else {
  await main();
}

// ## The measuring process: one client per mode, each with `send(frame)` and `next()`

async function client(mode) {
  const port = PORT[mode];
  if (mode === "raw") {
    const d = new zmq.Dealer({ linger: 0 });
    d.connect(`${HERE}:${port}`);
    return { send: (f) => d.send(f), next: async () => (await d.receive())[0], close: () => d.close() };
  }
  if (mode === "dealer") {
    const out = new zmq.Dealer({ linger: 0, routingId: `${HERE}:${port + 1}` });
    out.connect(`${HERE}:${port}`);
    const inbox = new zmq.Router({ linger: 0 });
    await inbox.bind(`${HERE}:${port + 1}`);
    return {
      send: (f) => out.send(f),
      next: async () => (await inbox.receive())[1],
      close: () => {
        out.close();
        inbox.close();
      },
    };
  }
  if (mode === "push") {
    const out = new zmq.Push({ linger: 0 });
    out.connect(`${HERE}:${port}`);
    const inbox = new zmq.Pull({ linger: 0 });
    await inbox.bind(`${HERE}:${port + 1}`);
    return {
      send: (f) => out.send([`${HERE}:${port + 1}`, f]),
      next: async () => (await inbox.receive())[1],
      close: () => {
        out.close();
        inbox.close();
      },
    };
  }
  const t = createZmqTransport();
  await t.listen(`${HERE}:${port + 1}`);
  const waiting = [];
  const arrived = [];
  t.on("frame", (_from, frame) => {
    const w = waiting.shift();
    if (w) w(frame);
    else arrived.push(frame);
  });
  const to = `${HERE}:${port}`;
  return {
    send: (f) => t.send(to, f),
    next: () => (arrived.length ? Promise.resolve(arrived.shift()) : new Promise((r) => waiting.push(r))),
    close: () => t.close(),
  };
}

function frameOf(size, reply) {
  const f = new Uint8Array(size);
  f[0] = reply ? 1 : 0;
  return f;
}

async function roundTrips(c, size, n) {
  const frame = frameOf(size, true);
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await c.send(frame);
    await c.next();
    times.push((performance.now() - t0) * 1000);
  }
  return times;
}

function p(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))];
}

async function oneWay(c, count) {
  const quiet = frameOf(100, false);
  const t0 = performance.now();
  for (let i = 0; i < count - 1; i++) await c.send(quiet);
  await c.send(frameOf(100, true));
  await c.next();
  return count / ((performance.now() - t0) / 1000);
}

async function main() {
  const modes = ["raw", "dealer", "push", "termite"];
  const children = [];
  const clients = {};
  for (const mode of modes) {
    const child = fork(new URL(import.meta.url).pathname, ["serve", mode]);
    children.push(child);
    await new Promise((resolve, reject) => {
      child.once("message", resolve);
      child.once("exit", (code) => reject(new Error(`the ${mode} server exited with ${code}`)));
    });
    clients[mode] = await client(mode);
    await roundTrips(clients[mode], 100, 500); // connect and warm up
  }
  const label = {
    raw: "raw DEALER<->ROUTER",
    dealer: "raw DEALER->ROUTER x2",
    push: "raw PUSH->PULL x2",
    termite: "transport-zmq",
  };

  // Round trips of 100 B, interleaved one by one so that load changes hit every mode alike.
  const rtt = Object.fromEntries(modes.map((m) => [m, []]));
  for (let i = 0; i < 5000; i++) {
    for (let k = 0; k < modes.length; k++) {
      const m = modes[(k + i) % modes.length];
      rtt[m].push(...(await roundTrips(clients[m], 100, 1)));
    }
  }
  console.log("round trip, 100-byte frames, 5000 each (µs):");
  for (const m of modes) {
    const ratio = median(rtt[m]) / median(rtt.raw);
    console.log(
      `  ${label[m].padEnd(24)} median ${median(rtt[m]).toFixed(1).padStart(6)}  p99 ${p(rtt[m], 0.99).toFixed(1).padStart(7)}  ${ratio.toFixed(2)}x raw`,
    );
  }

  // One-way frames per second: 100-byte frames, the last answered; rounds interleaved, order rotating.
  const oneWayRuns = Object.fromEntries(modes.map((m) => [m, []]));
  for (let round = 0; round < 5; round++) {
    for (let k = 0; k < modes.length; k++) {
      const m = modes[(k + round) % modes.length];
      oneWayRuns[m].push(await oneWay(clients[m], 100_000));
    }
  }
  console.log("one-way, 100-byte frames (frames/s, median of 5 interleaved runs of 100,000; min-max):");
  for (const m of modes) {
    const runs = oneWayRuns[m];
    const fmt = (x) => Math.round(x).toLocaleString("en-US");
    console.log(
      `  ${label[m].padEnd(24)} ${fmt(median(runs)).padStart(10)}/s  (${fmt(Math.min(...runs))}-${fmt(Math.max(...runs))})`,
    );
  }

  // Round trip against frame size.
  console.log("round trip against frame size (median µs; raw DEALER<->ROUTER, transport-zmq, ratio):");
  for (const size of [100, 1000, 10_000, 100_000, 1_000_000]) {
    const n = size >= 1_000_000 ? 60 : size >= 100_000 ? 200 : 1000;
    const raw = [];
    const ours = [];
    for (let i = 0; i < n; i++) {
      const pair = [
        [raw, clients.raw],
        [ours, clients.termite],
      ];
      if (i % 2) pair.reverse();
      for (const [into, c] of pair) into.push(...(await roundTrips(c, size, 1)));
    }
    console.log(
      `  ${String(size).padStart(8)} B  ${median(raw).toFixed(0).padStart(6)}  ${median(ours).toFixed(0).padStart(6)}  ${(median(ours) / median(raw)).toFixed(2)}x`,
    );
  }

  for (const m of modes) await clients[m].close();
  for (const child of children) child.kill("SIGKILL");
}
