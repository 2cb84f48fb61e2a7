// ## The tab node: the browser's own WebSocket
//
// A tab cannot listen. `listen("ws://HOST:PORT")` attaches it to that server node, which answers
// with the tab's address (`ws://HOST:PORT/tab/N`). Everything the tab sends, to the server or to
// any other node, goes down this one connection in an envelope naming the receiver; the server
// routes it and tells the tab when a receiver is lost. Nothing here imports Node.js.

import {
  EventHub,
  type NodeAddress,
  OutgoingQueue,
  type PeerLostReason,
  type Transport,
  TransportError,
  type TransportLimits,
} from "@termite/transport";
import { parseWsAddress, serverOf, WS_SCHEME } from "./address.js";
import { decodeControl, decodeEnvelope, encodeEnvelope } from "./envelope.js";
import { HIGH_WATER_BYTES, positiveInteger, resolveLimits, type WsLimitsOptions } from "./options.js";

/** The part of the WebSocket API (the browser's, or `ws` on Node.js) a tab uses. */
export interface WebSocketLike {
  binaryType: string;
  readonly bufferedAmount: number;
  readonly readyState: number;
  send(data: Uint8Array | string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: string, listener: (event: { data?: unknown; code?: number }) => void): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface TabTransportOptions extends WsLimitsOptions {
  /** The WebSocket class; default the global one (every browser, Node.js 22). */
  WebSocket?: WebSocketConstructor;
  /** `listen` fails if the server has not named the tab this long after (ms, default 10000). */
  attachTimeoutMs?: number;
  /** While more than this many bytes wait unsent in the connection, sends wait (default 256 KiB). */
  highWaterBytes?: number;
}

const OPEN = 1;
const POLL_MS = 5;

/** A Termite transport for a browser tab, attached to a server node that routes its frames. */
export function createTabTransport(options: TabTransportOptions = {}): Transport {
  const limits: TransportLimits = resolveLimits(options);
  const attachTimeoutMs = positiveInteger("attachTimeoutMs", options.attachTimeoutMs, 10_000, 3_600_000);
  const highWater = positiveInteger("highWaterBytes", options.highWaterBytes, HIGH_WATER_BYTES, 1 << 30);
  const hub = new EventHub();
  const queues = new Map<NodeAddress, OutgoingQueue>();
  const known = new Set<NodeAddress>();
  const inbox: { from: NodeAddress; frame: Uint8Array }[] = [];
  let socket: WebSocketLike | undefined;
  let server: NodeAddress | undefined;
  let delivering = false;
  let pumping = false;
  let closed = false;

  function lose(peer: NodeAddress, reason: PeerLostReason, detail: string, reported = 0): void {
    const queue = queues.get(peer);
    queues.delete(peer);
    const dropped = queue ? queue.fail(fail("peer-lost", `${peer} was lost (${reason})`, peer)) : 0;
    if (closed || !known.delete(peer)) return;
    hub.peerLost({ peer, reason, droppedFrames: dropped + reported, detail });
  }

  async function deliverInbox(): Promise<void> {
    if (delivering) return;
    delivering = true;
    for (let next = inbox.shift(); next && !closed; next = inbox.shift()) {
      const pause = hub.deliver(next.from, next.frame);
      if (pause) await pause;
    }
    delivering = false;
  }

  /** Moves frames from the peers' queues into the connection, one frame per peer in turn. */
  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    let moved = true;
    while (moved && !closed && socket?.readyState === OPEN) {
      moved = false;
      for (const [to, queue] of [...queues]) {
        if (queue.length === 0) continue;
        while (socket.bufferedAmount > highWater && socket.readyState === OPEN) {
          await new Promise((wait) => setTimeout(wait, POLL_MS));
        }
        const frame = queue.shift();
        if (frame && queues.get(to) === queue && socket.readyState === OPEN)
          socket.send(encodeEnvelope(to, frame));
        moved = true;
      }
    }
    pumping = false;
  }

  function onMessage(data: unknown): void {
    if (typeof data === "string") {
      const control = decodeControl(data);
      if (typeof control?.lost === "string") {
        const reason = (["closed", "disconnected", "heartbeat", "unreachable", "refused"] as const).find(
          (r) => r === control.reason,
        );
        const dropped = typeof control.droppedFrames === "number" ? control.droppedFrames : 0;
        lose(
          control.lost,
          reason ?? "disconnected",
          `${control.lost}: ${String(control.reason)} (from ${server})`,
          dropped,
        );
      } else {
        hub.problem(fail("bad-frame", `a text message from ${server} that is no control message`, server));
      }
      return;
    }
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : (data as Uint8Array);
    let envelope: { address: string; frame: Uint8Array };
    try {
      envelope = decodeEnvelope(bytes);
    } catch (e) {
      hub.problem(e as TransportError);
      return;
    }
    if (envelope.frame.length > limits.maxFrameBytes) {
      hub.problem(fail("frame-too-large", `a ${envelope.frame.length}-byte frame dropped`, envelope.address));
      return;
    }
    known.add(envelope.address);
    inbox.push({ from: envelope.address, frame: envelope.frame });
    void deliverInbox();
  }

  const transport: Transport & { address: NodeAddress | undefined } = {
    scheme: WS_SCHEME,
    limits,
    address: undefined,
    on: hub.on.bind(hub),

    async listen(address?: string) {
      if (closed) throw fail("closed", "the tab transport is closed");
      if (socket) throw fail("already-listening", `already attached as ${transport.address}`);
      const where = parseWsAddress(address ?? defaultServer());
      if (where.tab !== undefined) {
        throw fail(
          "bad-address",
          `a tab attaches to a server, "ws://HOST:PORT"; ${address} is a tab's address`,
        );
      }
      const Socket = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
      if (!Socket) throw fail("bad-option", "no WebSocket class here: pass options.WebSocket");
      server = serverOf(where);
      const ws = new Socket(`${server}/attach`);
      socket = ws;
      ws.binaryType = "arraybuffer";
      const named = new Promise<NodeAddress>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(fail("listen-failed", `${server} did not name this tab within ${attachTimeoutMs} ms`)),
          attachTimeoutMs,
        );
        // The server's first message names the tab; every later one is traffic.
        ws.addEventListener("message", (event) => {
          if (transport.address !== undefined) return onMessage(event.data);
          clearTimeout(timer);
          const control = typeof event.data === "string" ? decodeControl(event.data) : undefined;
          if (typeof control?.address !== "string") {
            reject(fail("listen-failed", `${server} did not begin by naming this tab`));
            ws.close(4400, "expected a name");
            return;
          }
          transport.address = control.address;
          known.add(server!);
          resolve(control.address);
        });
        ws.addEventListener("close", (event) => {
          clearTimeout(timer);
          if (transport.address === undefined) {
            reject(fail("listen-failed", `cannot attach to ${server} (connection closed, ${event.code})`));
            return;
          }
          const reason: PeerLostReason =
            event.code === 1000 || event.code === 1001 ? "closed" : "disconnected";
          for (const peer of new Set([...known, ...queues.keys()])) {
            lose(peer, reason, `the connection to ${server} closed (${event.code})`);
          }
        });
      });
      const name = await named;
      return name;
    },

    send(to: NodeAddress, frame: Uint8Array): Promise<void> {
      if (closed) return Promise.reject(fail("closed", "the tab transport is closed"));
      if (!transport.address || socket?.readyState !== OPEN) {
        return Promise.reject(fail("not-listening", "send before the tab is attached (listen)"));
      }
      if (!(frame instanceof Uint8Array)) {
        return Promise.reject(fail("not-a-frame", `a frame is a Uint8Array, got ${typeof frame}`, to));
      }
      if (frame.length > limits.maxFrameBytes) {
        return Promise.reject(
          fail("frame-too-large", `a ${frame.length}-byte frame (at most ${limits.maxFrameBytes})`, to),
        );
      }
      try {
        parseWsAddress(to);
      } catch (e) {
        return Promise.reject(e);
      }
      known.add(to);
      let queue = queues.get(to);
      if (!queue) {
        queue = new OutgoingQueue(limits.maxQueuedFrames, () => void pump());
        queues.set(to, queue);
      }
      return queue.push(frame);
    },

    async close() {
      if (closed) return;
      closed = true;
      hub.mute();
      for (const queue of queues.values()) queue.fail(fail("closed", "the tab transport is closed"));
      queues.clear();
      socket?.close(1000, "tab closing");
    },
  };
  return transport;
}

/** The server that served the page, when there is a page. */
function defaultServer(): string {
  const location = (globalThis as { location?: { hostname: string; port: string } }).location;
  if (!location) throw fail("bad-address", 'a tab needs its server\'s address: listen("ws://HOST:PORT")');
  return `ws://${location.hostname}:${location.port || "80"}`;
}

function fail(code: TransportError["code"], message: string, peer?: string): TransportError {
  return new TransportError(code, message, peer);
}
