import type { NodeAddress, PeerLost, Transport } from "@termite/transport";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { createTabTransport, createWsTransport } from "../src/index.js";

// Ports 47300–47399 belong to this file. Tabs run here on `ws`'s client, which has the browser's API;
// the browser test (tests/browser at the root) runs the same transport in Chromium.
let nextPort = 47300;
const open: Transport[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

async function serverNode(options = {}): Promise<Transport> {
  const t = createWsTransport(options);
  open.push(t);
  await t.listen(`ws://127.0.0.1:${nextPort++}`);
  return t;
}

async function tab(server: Transport): Promise<Transport> {
  const t = createTabTransport();
  open.push(t);
  await t.listen(server.address);
  return t;
}

function inbox(t: Transport) {
  const frames: { from: NodeAddress; text: string }[] = [];
  t.on("frame", (from, frame) => void frames.push({ from, text: new TextDecoder().decode(frame) }));
  return frames;
}

function losses(t: Transport) {
  const lost: PeerLost[] = [];
  t.on("peerLost", (l) => void lost.push(l));
  return lost;
}

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const text = (s: string) => new TextEncoder().encode(s);

describe("tabs attached to a server node", () => {
  it("are named by the server and exchange frames with it both ways", async () => {
    const server = await serverNode();
    const page = await tab(server);
    expect(page.address).toBe(`${server.address}/tab/1`);
    const atServer = inbox(server);
    const atPage = inbox(page);
    for (let i = 0; i < 50; i++) await page.send(server.address!, text(`up ${i}`));
    await until(() => atServer.length === 50, "50 frames at the server");
    expect(atServer.map((f) => f.text)).toEqual(Array.from({ length: 50 }, (_, i) => `up ${i}`));
    expect(atServer[0]!.from).toBe(page.address);
    await server.send(atServer[0]!.from, text("down"));
    await until(() => atPage.length === 1, "the reply at the tab");
    expect(atPage[0]).toEqual({ from: server.address, text: "down" });
  });

  it("reach other nodes and other tabs through their server, and are reached by them", async () => {
    const server = await serverNode();
    const other = await serverNode();
    const page = await tab(server);
    const page2 = await tab(server);
    const atOther = inbox(other);
    const atPage = inbox(page);
    const atPage2 = inbox(page2);
    await page.send(other.address!, text("to another node"));
    await until(() => atOther.length === 1, "the relayed frame");
    expect(atOther[0]).toEqual({ from: page.address, text: "to another node" });
    await other.send(page.address!, text("back to the tab"));
    await page.send(page2.address!, text("tab to tab"));
    await until(() => atPage.length === 1 && atPage2.length === 1, "frames at both tabs");
    expect(atPage[0]).toEqual({ from: other.address, text: "back to the tab" });
    expect(atPage2[0]).toEqual({ from: page.address, text: "tab to tab" });
  });

  it("a closed tab is lost at its server and at the nodes it talked to", async () => {
    const server = await serverNode();
    const other = await serverNode();
    const page = await tab(server);
    const address = page.address!;
    const lostAtServer = losses(server);
    const lostAtOther = losses(other);
    const atServer = inbox(server);
    const atOther = inbox(other);
    await page.send(server.address!, text("hello"));
    await page.send(other.address!, text("hello"));
    await until(() => atServer.length === 1 && atOther.length === 1, "both hellos");
    await other.send(address, text("still there?"));
    await page.close();
    await until(() => lostAtServer.length > 0 && lostAtOther.length > 0, "the tab lost at both nodes");
    expect(lostAtServer[0]).toMatchObject({ peer: address, reason: "closed" });
    expect(lostAtOther[0]).toMatchObject({ peer: address });
    expect(["closed", "disconnected"]).toContain(lostAtOther[0]!.reason);
  });

  it("a send to a tab nobody holds resolves, then the tab is reported unreachable", async () => {
    const server = await serverNode();
    const other = await serverNode();
    const lostAtOther = losses(other);
    await other.send(`${server.address}/tab/99`, text("anyone?"));
    await until(() => lostAtOther.length === 1, "the unreachable tab");
    expect(lostAtOther[0]).toMatchObject({ peer: `${server.address}/tab/99`, reason: "unreachable" });
    const page = await tab(server);
    const lostAtPage = losses(page);
    await page.send(`${server.address}/tab/98`, text("anyone?"));
    await until(() => lostAtPage.length === 1, "the unreachable tab, seen from a tab");
    expect(lostAtPage[0]).toMatchObject({ peer: `${server.address}/tab/98`, reason: "unreachable" });
  });

  it("a tab's server going away loses every peer of the tab", async () => {
    const server = await serverNode();
    const page = await tab(server);
    const lostAtPage = losses(page);
    await page.send(server.address!, text("hi"));
    await server.close();
    await until(() => lostAtPage.length === 1, "the server lost at the tab");
    expect(lostAtPage[0]!.peer).toBe(server.address);
  });

  it("refuses a tab address to listen on, and listening beyond loopback without insecure", async () => {
    const t = createWsTransport();
    open.push(t);
    await expect(t.listen("ws://127.0.0.1:47399/tab/1")).rejects.toMatchObject({ code: "bad-address" });
    await expect(t.listen("ws://0.0.0.0:0")).rejects.toMatchObject({ code: "insecure-listen" });
  });
});

describe("heartbeats", () => {
  it("a peer that stops answering pings is lost with reason heartbeat", async () => {
    // A server that accepts the connection and the hello, then never answers a ping.
    const port = nextPort++;
    const silent = new WebSocketServer({ host: "127.0.0.1", port, autoPong: false });
    await new Promise((r) => silent.once("listening", r));
    try {
      const node = await serverNode({ heartbeatMs: 100 });
      const lost = losses(node);
      await node.send(`ws://127.0.0.1:${port}`, text("are you there?"));
      await until(() => lost.length === 1, "the heartbeat loss");
      expect(lost[0]).toMatchObject({ peer: `ws://127.0.0.1:${port}`, reason: "heartbeat" });
    } finally {
      for (const client of silent.clients) client.terminate();
      await new Promise((r) => silent.close(r));
    }
  });

  it("a receiver that holds back longer than two heartbeats is not taken for a silent one", async () => {
    // Heartbeats of 400 ms: shorter ones are missed by a machine under load, holding back or not.
    const a = await serverNode({ heartbeatMs: 400, maxQueuedFrames: 4 });
    const b = await serverNode({ heartbeatMs: 400 });
    const lost = [...[a, b].map(losses)];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let received = 0;
    b.on("frame", () => (++received === 1 ? gate : undefined));
    const frame = new Uint8Array(256 * 1024);
    const sends = Array.from({ length: 64 }, () => a.send(b.address!, frame)); // 16 MiB: more than TCP holds
    await new Promise((r) => setTimeout(r, 2500)); // six heartbeats with b's connection paused
    release();
    await Promise.all(sends);
    await until(() => received === 64, "every frame once b goes on");
    expect(lost.flat()).toEqual([]);
  });
});
