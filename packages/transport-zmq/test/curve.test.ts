// CURVE authentication and listening beyond loopback. Ports 41450–41499.

import { type Transport, TransportError } from "@termite/transport";
import { afterEach, describe, expect, it } from "vitest";
import * as zmq from "zeromq";
import { createZmqTransport } from "../src/index.js";
import { nextFrame, nextLoss, sleep } from "./peer.js";

const A = "tcp://127.0.0.1:41450";
const B = "tcp://127.0.0.1:41451";
const C = "tcp://127.0.0.1:41452";

const open: Transport[] = [];
const raws: zmq.Dealer[] = [];
afterEach(async () => {
  for (const raw of raws.splice(0)) raw.close();
  await Promise.all(open.splice(0).map((t) => t.close()));
});

function node(options: Parameters<typeof createZmqTransport>[0]): Transport {
  const t = createZmqTransport(options);
  open.push(t);
  return t;
}

describe("CURVE", () => {
  const keysA = zmq.curveKeyPair();
  const keysB = zmq.curveKeyPair();
  const keysC = zmq.curveKeyPair();
  const serverKeys = { [A]: keysA.publicKey, [B]: keysB.publicKey, [C]: keysC.publicKey };

  it("lets allowed peers talk both ways", async () => {
    const a = node({ curve: { ...keysA, allow: [keysB.publicKey], serverKeys } });
    const b = node({ curve: { ...keysB, allow: [keysA.publicKey], serverKeys } });
    await a.listen(A);
    await b.listen(B);
    const atA = nextFrame(a, B);
    await b.send(A, Buffer.from("hi"));
    expect(Buffer.from(await atA).toString()).toBe("hi");
    const atB = nextFrame(b, A);
    await a.send(B, Buffer.from("ho"));
    expect(Buffer.from(await atB).toString()).toBe("ho");
  });

  it("refuses a peer whose key is not allowed, reporting it once however often it tries", async () => {
    const a = node({ curve: { ...keysA, allow: [keysB.publicKey], serverKeys } });
    const c = node({ curve: { ...keysC, allow: [keysA.publicKey], serverKeys } });
    await a.listen(A);
    await c.listen(C);
    const problems: TransportError[] = [];
    const frames: string[] = [];
    a.on("problem", (p) => void problems.push(p));
    a.on("frame", (from) => void frames.push(from));
    for (let attempt = 0; attempt < 3; attempt++) {
      const loss = nextLoss(c, A);
      await c.send(A, Buffer.from("let me in"));
      const { lost } = await loss;
      expect(lost.reason).toBe("refused");
    }
    await sleep(200);
    expect(frames).toEqual([]);
    const refusals = problems.filter((p) => p.code === "unauthenticated");
    expect(refusals).toHaveLength(1);
    expect(refusals[0]!.message).toContain(keysC.publicKey);
  });

  it("refuses a raw socket without CURVE", async () => {
    const a = node({ curve: { ...keysA, allow: [keysB.publicKey], serverKeys } });
    await a.listen(A);
    const frames: string[] = [];
    a.on("frame", (from) => void frames.push(from));
    const raw = new zmq.Dealer({ linger: 0, routingId: B });
    raws.push(raw);
    raw.connect(A);
    await raw.send(Buffer.from("plain"));
    await sleep(500);
    expect(frames).toEqual([]);
  });

  it("reports a peer without a known server key as refused", async () => {
    const a = node({ curve: { ...keysA, allow: [], serverKeys: {} } });
    await a.listen(A);
    const loss = nextLoss(a, B);
    await a.send(B, Buffer.from("x"));
    const { lost } = await loss;
    expect(lost.reason).toBe("refused");
    expect(lost.detail).toContain("curve.serverKeys");
  });
});

describe("listening beyond loopback", () => {
  it("is refused without CURVE, with a message naming the fixes", async () => {
    for (const address of ["tcp://0.0.0.0:41460", "tcp://192.0.2.1:41460", "tcp://*:41460"]) {
      const t = node({});
      const error = await t.listen(address).catch((e) => e);
      expect(TransportError.isInstance(error)).toBe(true);
      expect(error.code).toBe("insecure-listen");
      expect(error.message).toMatch(/curve/);
      expect(error.message).toMatch(/insecure: true/);
    }
  });

  it("rejects bad options with bad-option", () => {
    expect(() => createZmqTransport({ heartbeatIntervalMs: 0 })).toThrow(/heartbeatIntervalMs/);
    const bad = { publicKey: "short", secretKey: "short", allow: [], serverKeys: {} };
    expect(() => createZmqTransport({ curve: bad })).toThrow(/curve.publicKey/);
  });
});
