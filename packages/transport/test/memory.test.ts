// What the in-memory transport adds beyond the kit: crashes, names, options.

import { describe, expect, it } from "vitest";
import { addressScheme, createMemoryTransport, MemoryNetwork, TransportError } from "../src/index.js";

describe("the in-memory transport", () => {
  it("reports a crashed node as disconnected to its peers, and the crashed node goes silent", async () => {
    const network = new MemoryNetwork();
    const a = createMemoryTransport({ network });
    const b = createMemoryTransport({ network });
    await a.listen("mem:a");
    await b.listen("mem:b");
    const lost: string[] = [];
    a.on("peerLost", (l) => void lost.push(`${l.peer} ${l.reason}`));
    const atB: number[] = [];
    b.on("frame", (_f, frame) => void atB.push(frame[0]!));
    await a.send("mem:b", Uint8Array.of(1));
    await expect.poll(() => atB).toEqual([1]);
    expect(network.crash("mem:b")).toBe(true);
    expect(lost).toEqual(["mem:b disconnected"]);
    const error = await b.send("mem:a", Uint8Array.of(2)).catch((e) => e);
    expect(TransportError.isInstance(error) && error.code).toBe("closed");
    expect(network.crash("mem:b")).toBe(false);
  });

  it("names nodes that listen without a name, and refuses a name in use", async () => {
    const network = new MemoryNetwork();
    const a = createMemoryTransport({ network });
    const b = createMemoryTransport({ network });
    const name = await a.listen();
    expect(addressScheme(name)).toBe("mem");
    const error = await b.listen(name).catch((e) => e);
    expect(error.code).toBe("listen-failed");
    const bad = await b.listen("tcp://127.0.0.1:1").catch((e) => e);
    expect(bad.code).toBe("bad-address");
  });

  it("refuses bad options naming the option", () => {
    expect(() => createMemoryTransport({ maxQueuedFrames: 0 })).toThrow(/maxQueuedFrames/);
    expect(() => createMemoryTransport({ maxFrameBytes: 1.5 })).toThrow(/maxFrameBytes/);
  });

  it("copies frames: the sender's later writes never reach the receiver", async () => {
    const network = new MemoryNetwork();
    const a = createMemoryTransport({ network });
    const b = createMemoryTransport({ network });
    await a.listen("mem:a");
    await b.listen("mem:b");
    const got: Uint8Array[] = [];
    b.on("frame", (_f, frame) => void got.push(frame));
    const frame = Uint8Array.of(1, 2, 3);
    await a.send("mem:b", frame);
    frame[0] = 99;
    await expect.poll(() => got.length).toBe(1);
    expect([...got[0]!]).toEqual([1, 2, 3]);
  });
});
