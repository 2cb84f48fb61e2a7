// Bytes no Termite node would send, from raw zeromq sockets and a raw TCP socket. Ports 41400–41449.

import net from "node:net";
import { type Transport, TransportError } from "@termite/transport";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as zmq from "zeromq";
import { createZmqTransport } from "../src/index.js";
import { nextFrame, sleep } from "./peer.js";

const NODE = "tcp://127.0.0.1:41400";
const FRIEND = "tcp://127.0.0.1:41401";
const MAX = 1000;

let node: Transport;
let friend: Transport;
let raws: zmq.Dealer[];
let problems: TransportError[];
let frames: { from: string; frame: Uint8Array }[];

beforeEach(async () => {
  node = createZmqTransport({ maxFrameBytes: MAX });
  friend = createZmqTransport({ maxFrameBytes: MAX });
  await node.listen(NODE);
  await friend.listen(FRIEND);
  raws = [];
  problems = [];
  frames = [];
  node.on("problem", (p) => void problems.push(p));
  node.on("frame", (from, frame) => void frames.push({ from, frame }));
});

afterEach(async () => {
  for (const raw of raws) raw.close();
  await node.close();
  await friend.close();
});

function rawDealer(routingId?: string): zmq.Dealer {
  const raw = new zmq.Dealer({ linger: 0, ...(routingId === undefined ? {} : { routingId }) });
  raw.connect(NODE);
  raws.push(raw);
  return raw;
}

/** The node still works: a real peer's frame arrives. */
async function stillServes(): Promise<void> {
  const arrived = nextFrame(node, FRIEND);
  await friend.send(NODE, Uint8Array.of(7));
  expect([...(await arrived)]).toEqual([7]);
}

describe("the ZeroMQ transport fed garbage", () => {
  it("drops frames whose sender identity is not a node address, reporting it once", async () => {
    const raw = rawDealer("not an address");
    for (let i = 0; i < 50; i++) await raw.send(Buffer.from(`junk ${i}`));
    await stillServes();
    await sleep(100);
    const bad = problems.filter((p) => p.code === "bad-frame");
    expect(bad).toHaveLength(1);
    expect(bad[0]!.message).toContain('"not an address"');
    expect(frames.map((f) => f.from)).toEqual([FRIEND]);
  });

  it("drops frames from a socket without a routing id (ZeroMQ makes a binary one)", async () => {
    const raw = rawDealer();
    await raw.send(Buffer.from([0, 1, 2, 255]));
    await stillServes();
    expect(problems.map((p) => p.code)).toContain("bad-frame");
    expect(frames.map((f) => f.from)).toEqual([FRIEND]);
  });

  it("drops a message of several parts, naming the claimed sender", async () => {
    const raw = rawDealer("tcp://127.0.0.1:41402");
    await raw.send([Buffer.from("a"), Buffer.from("b")]);
    await raw.send(Buffer.from("single"));
    await expect.poll(() => frames.length).toBe(1);
    expect(Buffer.from(frames[0]!.frame).toString()).toBe("single");
    const bad = problems.find((p) => p.code === "bad-frame")!;
    expect(bad.peer).toBe("tcp://127.0.0.1:41402");
    expect(bad.message).toContain("2 parts");
  });

  it("drops a frame just over maxFrameBytes with a report naming its sender, and goes on", async () => {
    const raw = rawDealer("tcp://127.0.0.1:41403");
    await raw.send(new Uint8Array(MAX + 1));
    await raw.send(new Uint8Array(MAX));
    await expect.poll(() => frames.length).toBe(1);
    expect(frames[0]!.frame.byteLength).toBe(MAX);
    const tooLarge = problems.find((p) => p.code === "frame-too-large")!;
    expect(TransportError.isInstance(tooLarge)).toBe(true);
    expect(tooLarge.peer).toBe("tcp://127.0.0.1:41403");
  });

  it("survives a frame far over the limit (libzmq drops that connection unread)", async () => {
    const raw = rawDealer("tcp://127.0.0.1:41404");
    await raw.send(new Uint8Array(10 * 1024 * 1024));
    await sleep(200);
    await stillServes();
    expect(frames.every((f) => f.from === FRIEND)).toBe(true);
  });

  it("survives random bytes on a raw TCP connection", async () => {
    const socket = net.connect(41400, "127.0.0.1");
    socket.on("error", () => {});
    await new Promise<void>((r) => socket.once("connect", () => r()));
    let seed = 5;
    const junk = Buffer.alloc(64 * 1024, 0).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    socket.write(junk);
    socket.write(Buffer.from([0xff, 0, 0, 0, 0, 0, 0, 0, 1, 0x7f, 3, 0]));
    await sleep(200);
    socket.destroy();
    await stillServes();
    expect(frames.map((f) => f.from)).toEqual([FRIEND]);
  });
});
