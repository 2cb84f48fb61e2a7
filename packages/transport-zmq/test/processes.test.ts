// Peers in separate OS processes: killed, stopped, busy. Ports 41300–41399.

import type { Transport } from "@termite/transport";
import { afterEach, describe, expect, it } from "vitest";
import { createZmqTransport } from "../src/index.js";
import { type EchoPeer, nextFrame, nextLoss, sleep, startEchoPeer, stopPeer } from "./peer.js";

let peer: EchoPeer | undefined;
let local: Transport | undefined;
afterEach(async () => {
  stopPeer(peer);
  await local?.close();
  peer = local = undefined;
});

/** A local node that has exchanged one frame with a fresh echo peer on `port`. */
async function talkingTo(port: number): Promise<{ local: Transport; peer: EchoPeer }> {
  peer = await startEchoPeer(port);
  local = createZmqTransport();
  await local.listen(`tcp://127.0.0.1:${port + 50}`);
  const echoed = nextFrame(local, peer.address);
  await local.send(peer.address, Buffer.from("hello"));
  expect(Buffer.from(await echoed).toString()).toBe("hello");
  return { local, peer };
}

describe("a peer in another OS process", () => {
  it("killed with SIGKILL is reported lost at once", async () => {
    const { local, peer } = await talkingTo(41300);
    const loss = nextLoss(local, peer.address);
    const killedAt = performance.now();
    peer.child.kill("SIGKILL");
    const { lost, at } = await loss;
    expect(lost.reason).toBe("disconnected");
    console.log(`SIGKILL: peer lost reported after ${(at - killedAt).toFixed(0)} ms`);
  });

  it("stopped with SIGSTOP is reported lost by the heartbeat", async () => {
    const { local, peer } = await talkingTo(41301);
    const loss = nextLoss(local, peer.address);
    const stoppedAt = performance.now();
    peer.child.kill("SIGSTOP");
    const { lost, at } = await loss;
    const ms = at - stoppedAt;
    expect(lost.reason).toBe("disconnected");
    expect(lost.detail).toMatch(/heartbeat/);
    // Default heartbeat: 250 ms interval, 750 ms timeout, so about 1 s; generous on a shared machine.
    expect(ms).toBeLessThan(10_000);
    console.log(`SIGSTOP: peer lost reported after ${ms.toFixed(0)} ms`);
  });

  it("busy in JavaScript for 3 s is not declared lost (heartbeats run in libzmq's I/O thread)", async () => {
    const { local, peer } = await talkingTo(41302);
    const losses: string[] = [];
    local.on("peerLost", (l) => void losses.push(l.peer));
    const echoed = nextFrame(local, peer.address);
    await local.send(peer.address, Buffer.from("busy 3000"));
    expect(Buffer.from(await echoed).toString()).toBe("busy 3000");
    expect(losses).toEqual([]);
  });

  it("restarted on the same port is reached again after its loss", async () => {
    const { local, peer: first } = await talkingTo(41303);
    const loss = nextLoss(local, first.address);
    first.child.kill("SIGKILL");
    await loss;
    peer = await startEchoPeer(41303);
    const echoed = nextFrame(local, peer.address);
    await local.send(peer.address, Buffer.from("again"));
    expect(Buffer.from(await echoed).toString()).toBe("again");
  });
});

describe("a receiver that holds back", () => {
  it("longer than the heartbeat timeout is not declared lost by its sender", async () => {
    const sender = createZmqTransport({ maxQueuedFrames: 4 });
    const receiver = createZmqTransport({ maxQueuedFrames: 4 });
    try {
      await sender.listen("tcp://127.0.0.1:41310");
      const to = await receiver.listen("tcp://127.0.0.1:41311");
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let received = 0;
      receiver.on("frame", () => (++received === 1 ? gate : undefined));
      const losses: string[] = [];
      sender.on("peerLost", (l) => void losses.push(l.peer));
      const frame = new Uint8Array(256 * 1024);
      const sends: Promise<void>[] = [];
      for (let i = 0; i < 200; i++) sends.push(sender.send(to, frame));
      await sleep(3000);
      expect(received).toBe(1);
      release();
      await Promise.all(sends);
      await expect.poll(() => received, { timeout: 30_000 }).toBe(200);
      expect(losses).toEqual([]);
    } finally {
      await sender.close();
      await receiver.close();
    }
  });
});
