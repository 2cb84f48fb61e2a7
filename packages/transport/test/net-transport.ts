import net from "node:net";
import { EventHub, OutgoingQueue, type Transport, TransportError } from "@termite/transport";

/** Frames over TCP, each a 4-byte big-endian length then the bytes. Addresses: net://HOST:PORT. */
export function createNetTransport(limits = { maxFrameBytes: 1 << 20, maxQueuedFrames: 64 }): Transport {
  const hub = new EventHub();
  const peers = new Map<string, { socket: net.Socket; queue: OutgoingQueue }>();
  const known = new Set<string>(); // peers we sent to or heard from: their loss is reported
  const inbound = new Set<net.Socket>();
  let server: net.Server | undefined;
  let closed = false;
  const error = (code: TransportError["code"], message: string) => new TransportError(code, message);
  const parse = (a: string) => /^net:\/\/([\d.]+):(\d+)$/.exec(a);
  const prefixed = (frame: Uint8Array) => {
    const bytes = Buffer.allocUnsafe(4 + frame.length);
    bytes.writeUInt32BE(frame.length);
    bytes.set(frame, 4);
    return bytes;
  };

  function lose(address: string, reason: "closed" | "unreachable") {
    if (closed || !known.delete(address)) return;
    const peer = peers.get(address);
    peers.delete(address);
    peer?.socket.destroy();
    const droppedFrames = peer?.queue.fail(error("peer-lost", `${address} lost`)) ?? 0;
    hub.peerLost({ peer: address, reason, droppedFrames, detail: `${address}: ${reason}` });
  }

  // Calls `deliver` for each frame; while it returns a promise, stops reading (back-pressure).
  function readFrames(socket: net.Socket, deliver: (frame: Buffer) => void | Promise<void>) {
    let buffered = Buffer.alloc(0);
    let reading = false;
    socket.on("data", async (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (reading) return;
      reading = true;
      while (buffered.length >= 4) {
        const n = buffered.readUInt32BE(0);
        if (n > limits.maxFrameBytes) {
          hub.problem(error("frame-too-large", `a ${n}-byte frame: connection dropped`));
          socket.destroy();
          break;
        }
        if (buffered.length < 4 + n) break;
        const frame = buffered.subarray(4, 4 + n);
        buffered = buffered.subarray(4 + n);
        const pause = deliver(frame);
        if (pause) {
          socket.pause();
          await pause;
          socket.resume();
        }
      }
      reading = false;
    });
  }

  const transport = {
    scheme: "net",
    limits,
    address: undefined as string | undefined,
    on: hub.on.bind(hub),
    async listen(address = "net://127.0.0.1:0") {
      if (closed) throw error("closed", "transport closed");
      if (server) throw error("already-listening", `already listening on ${transport.address}`);
      const m = parse(address);
      if (!m) throw error("bad-address", `expected net://HOST:PORT, got ${address}`);
      server = net.createServer((socket) => {
        let from: string | undefined; // the first frame of a connection is the sender's address
        inbound.add(socket);
        socket.on("error", () => {}).on("close", () => from && lose(from, "closed"));
        readFrames(socket, (frame) => {
          if (from !== undefined) return hub.deliver(from, frame);
          known.add((from = frame.toString()));
        });
      });
      await new Promise<void>((ok, fail) => {
        server!.once("error", (e) => fail(error("listen-failed", e.message)));
        server!.listen(Number(m[2]), m[1], ok);
      });
      transport.address = `net://${m[1]}:${(server.address() as net.AddressInfo).port}`;
      return transport.address;
    },
    send(to: string, frame: Uint8Array): Promise<void> {
      if (closed) return Promise.reject(error("closed", "transport closed"));
      if (!transport.address) return Promise.reject(error("not-listening", "send before listen"));
      if (!(frame instanceof Uint8Array)) return Promise.reject(error("not-a-frame", "not a Uint8Array"));
      if (frame.length > limits.maxFrameBytes)
        return Promise.reject(error("frame-too-large", `${frame.length}`));
      const m = parse(to);
      if (!m) return Promise.reject(error("bad-address", `expected net://HOST:PORT, got ${to}`));
      let peer = peers.get(to);
      if (!peer) {
        const socket = net.connect(Number(m[2]), m[1]);
        let connected = false;
        socket.on("connect", () => (connected = true)).on("error", () => {});
        socket.on(
          "close",
          () => peers.get(to)?.socket === socket && lose(to, connected ? "closed" : "unreachable"),
        );
        let pumping = false;
        const pump = async () => {
          if (pumping) return;
          pumping = true;
          for (let f = queue.shift(); f; f = queue.shift()) {
            if (!socket.write(prefixed(f))) await new Promise((r) => socket.once("drain", r));
          }
          pumping = false;
        };
        const queue = new OutgoingQueue(limits.maxQueuedFrames, () => void pump());
        peers.set(to, (peer = { socket, queue }));
        known.add(to);
        socket.write(prefixed(Buffer.from(transport.address)));
      }
      return peer.queue.push(frame);
    },
    async close() {
      if (closed) return;
      closed = true;
      hub.mute();
      for (const { queue } of peers.values()) queue.fail(error("closed", "transport closed"));
      for (const socket of [...inbound, ...[...peers.values()].map((p) => p.socket)]) socket.destroy();
      await new Promise((r) => (server ? server.close(r) : r(undefined)));
    },
  };
  return transport;
}
