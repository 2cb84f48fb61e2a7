// ## The server node: WebSocket on Node.js
//
// A node that listens on `ws://HOST:PORT`. It talks to other server nodes as a client (one
// connection per direction and pair, as the ZeroMQ transport does), accepts their connections,
// and accepts tabs, which it names `ws://HOST:PORT/tab/N` and serves as their router: a frame a
// tab sends to anyone else leaves through a connection this server opens on the tab's behalf, and
// a frame anyone sends to the tab arrives at this server (on `…/tab/N`) and goes down the tab's
// connection. Every path a frame takes from one sender to one receiver is a `Link` with its own
// bounded queue, so order holds per pair and a slow receiver holds back only its own senders.

import type { IncomingMessage } from "node:http";
import {
  EventHub,
  type NodeAddress,
  OutgoingQueue,
  type PeerLostReason,
  type Transport,
  TransportError,
  type TransportLimits,
} from "@termite/transport";
import { type RawData, WebSocket, WebSocketServer } from "ws";
import { isLoopback, parseWsAddress, serverOf, WS_SCHEME, type WsAddress } from "./address.js";
import {
  decodeControl,
  decodeEnvelope,
  ENVELOPE_OVERHEAD,
  encodeControl,
  encodeEnvelope,
} from "./envelope.js";
import { HIGH_WATER_BYTES, positiveInteger, resolveLimits, type WsLimitsOptions } from "./options.js";

export interface WsTransportOptions extends WsLimitsOptions {
  /**
   * Every connection is pinged this often (ms, default 10000); one that has not answered by the
   * next ping is dropped and its peer lost with reason `heartbeat`.
   */
  heartbeatMs?: number;
  /** A connection not open this long after the first send is reported unreachable (default 5000). */
  connectTimeoutMs?: number;
  /** Allow listening beyond loopback. There is no authentication: anyone reaching the port can send. */
  insecure?: boolean;
}

// Close codes this transport gives, so the other side can tell why (4000–4999 are private use).
const CLOSE_NO_SUCH_TAB = 4404;
const CLOSE_TAB_GONE = 4410;
const CLOSE_PROTOCOL = 4400;
const CLOSE_GOING_AWAY = 1001;

/** The path of frames from one sender (this node or a tab it serves) to one receiver. */
interface Link {
  readonly from: NodeAddress;
  readonly to: NodeAddress;
  readonly queue: OutgoingQueue;
  /** The connection frames leave on: our own client socket, or a local tab's connection. */
  socket: WebSocket | undefined;
  /** What goes on the wire for a frame (an envelope naming the sender, toward a tab). */
  readonly wrap: (frame: Uint8Array) => Uint8Array;
  /** Called once when the link is lost, after its queue is dropped. */
  readonly onLost: (reason: PeerLostReason, droppedFrames: number, detail: string) => void;
  ready: boolean;
  pumping: boolean;
  lost: boolean;
}

/** A tab attached to this server. */
interface Tab {
  readonly address: NodeAddress;
  readonly socket: WebSocket;
  /** Connections from other nodes that carry frames to this tab. */
  readonly relays: Set<WebSocket>;
}

interface InboundFrame {
  readonly from: NodeAddress;
  readonly frame: Uint8Array;
}

/** A Termite transport over WebSocket for a Node.js node, which also serves browser tabs. */
export function createWsTransport(options: WsTransportOptions = {}): Transport {
  const limits: TransportLimits = resolveLimits(options);
  const heartbeatMs = positiveInteger("heartbeatMs", options.heartbeatMs, 10_000, 3_600_000);
  const connectTimeoutMs = positiveInteger("connectTimeoutMs", options.connectTimeoutMs, 5000, 3_600_000);
  const maxPayload = limits.maxFrameBytes + ENVELOPE_OVERHEAD;
  const hub = new EventHub();
  const links = new Map<string, Link>();
  const tabs = new Map<NodeAddress, Tab>();
  const known = new Set<NodeAddress>(); // peers of this node whose loss is reported
  const sockets = new Set<WebSocket>(); // every open connection, for heartbeats and close
  const answered = new WeakSet<WebSocket>(); // heard from since the last ping
  const silent = new WeakSet<WebSocket>(); // dropped for missing a heartbeat
  const inbox: InboundFrame[] = [];
  const held = new Set<WebSocket>(); // paused while a frame listener holds delivery back
  const pausedByUs = new Set<WebSocket>(); // paused for back-pressure (a listener or a full relay)
  const sentSinceBeat = new WeakSet<WebSocket>(); // frames went out on it since the last ping
  let holding = false;
  let delivering = false;
  let server: WebSocketServer | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let tabCount = 0;
  let closed = false;
  let self: NodeAddress | undefined;

  const fail = (code: TransportError["code"], message: string, peer?: string) =>
    new TransportError(code, message, peer);
  const linkKey = (from: NodeAddress, to: NodeAddress) => `${from} ${to}`;

  // ### Connections

  function track(socket: WebSocket): void {
    sockets.add(socket);
    answered.add(socket);
    socket.on("pong", () => answered.add(socket));
    socket.on("message", () => answered.add(socket));
    socket.on("close", () => {
      sockets.delete(socket);
      held.delete(socket);
      pausedByUs.delete(socket);
    });
    socket.on("error", (e: Error & { code?: string }) => {
      if (e.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH") {
        hub.problem(fail("frame-too-large", `a message over ${maxPayload} bytes: connection dropped`));
      }
    });
  }

  // Only an idle connection gets a verdict. One we paused, sent frames on since the last ping, or
  // that holds unsent bytes may be under back-pressure, with its receiver reading nothing, pings included; a peer
  // that died there is found by TCP when the unacknowledged bytes time out.
  function beat(): void {
    for (const socket of sockets) {
      if (pausedByUs.has(socket) || sentSinceBeat.delete(socket) || socket.bufferedAmount > 0) {
        answered.add(socket);
        continue;
      }
      if (!answered.has(socket)) {
        silent.add(socket);
        socket.terminate();
        continue;
      }
      answered.delete(socket);
      if (socket.readyState === WebSocket.OPEN) socket.ping();
    }
  }

  /** Why a connection we opened ended. */
  function reasonFor(socket: WebSocket, code: number, opened: boolean): PeerLostReason {
    if (silent.has(socket)) return "heartbeat";
    if (!opened || code === CLOSE_NO_SUCH_TAB) return "unreachable";
    return code === 1006 ? "disconnected" : "closed";
  }

  const asBytes = (data: RawData): Uint8Array => {
    const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  };

  // ### Frames for this node: one inbox, delivered in order, held back by a listener's promise

  function receive(from: NodeAddress, frame: Uint8Array, socket: WebSocket): void {
    if (frame.length > limits.maxFrameBytes) {
      hub.problem(fail("frame-too-large", `a ${frame.length}-byte frame from ${from} dropped`, from));
      return;
    }
    inbox.push({ from, frame });
    if (holding && !held.has(socket)) {
      held.add(socket);
      pausedByUs.add(socket);
      socket.pause();
    }
    void deliverInbox();
  }

  async function deliverInbox(): Promise<void> {
    if (delivering) return;
    delivering = true;
    for (let next = inbox.shift(); next && !closed; next = inbox.shift()) {
      const pause = hub.deliver(next.from, next.frame);
      if (!pause) continue;
      holding = true;
      await pause;
      holding = false;
      for (const socket of held) {
        pausedByUs.delete(socket);
        socket.resume();
      }
      held.clear();
    }
    delivering = false;
  }

  // ### Links: queues toward one receiver

  function linkTo(from: NodeAddress, to: NodeAddress, target: WsAddress, onLost: Link["onLost"]): Link {
    const existing = links.get(linkKey(from, to));
    if (existing) return existing;
    const tab = tabs.get(to);
    const link: Link = {
      from,
      to,
      queue: new OutgoingQueue(limits.maxQueuedFrames, () => void pump(link)),
      socket: tab?.socket,
      wrap: tab ? (frame) => encodeEnvelope(from, frame) : (frame) => frame,
      onLost,
      ready: tab !== undefined,
      pumping: false,
      lost: false,
    };
    links.set(linkKey(from, to), link);
    if (!tab) connect(link, target);
    return link;
  }

  /** Opens the connection a link to another server (or a tab behind it) leaves on. */
  function connect(link: Link, target: WsAddress): void {
    const path = target.tab === undefined ? "/" : `/tab/${target.tab}`;
    const socket = new WebSocket(`${serverOf(target)}${path}`, {
      maxPayload,
      handshakeTimeout: connectTimeoutMs,
    });
    link.socket = socket;
    let opened = false;
    track(socket);
    socket.on("open", () => {
      opened = true;
      socket.send(encodeControl({ hello: link.from }));
      link.ready = true;
      void pump(link);
    });
    socket.on("close", (code: number) => {
      if (links.get(linkKey(link.from, link.to)) === link) {
        loseLink(link, reasonFor(socket, code, opened), `${link.to}: connection closed (${code})`);
      }
    });
  }

  /** Hands queued frames to the connection while it takes them without piling up. */
  async function pump(link: Link): Promise<void> {
    if (link.pumping || !link.ready) return;
    link.pumping = true;
    // A frame leaves the queue (admitting a waiting send) only once the connection has taken it.
    while (!link.lost && link.queue.length > 0 && link.socket!.readyState === WebSocket.OPEN) {
      const socket = link.socket!;
      const message = link.wrap(link.queue.shift()!);
      sentSinceBeat.add(socket);
      if (socket.bufferedAmount < HIGH_WATER_BYTES) socket.send(message, { binary: true });
      else await new Promise<void>((flushed) => socket.send(message, { binary: true }, () => flushed()));
    }
    link.pumping = false;
  }

  function loseLink(link: Link, reason: PeerLostReason, detail: string): void {
    if (link.lost) return;
    link.lost = true;
    links.delete(linkKey(link.from, link.to));
    if (link.socket && !tabs.has(link.to)) link.socket.close(CLOSE_GOING_AWAY);
    const droppedFrames = link.queue.fail(fail("peer-lost", `${link.to} was lost (${reason})`, link.to));
    link.onLost(reason, droppedFrames, detail);
  }

  /** A peer of this node is gone: its link goes, and listeners hear of it once. */
  function lose(peer: NodeAddress, reason: PeerLostReason, droppedFrames: number, detail: string): void {
    const link = links.get(linkKey(self!, peer));
    if (link && !link.lost) {
      loseLink(link, reason, detail);
      return;
    }
    if (closed || !known.delete(peer)) return;
    hub.peerLost({ peer, reason, droppedFrames, detail });
  }

  const ownLink = (to: NodeAddress, target: WsAddress) =>
    linkTo(self!, to, target, (reason, dropped, detail) => {
      if (!closed && known.delete(to)) hub.peerLost({ peer: to, reason, droppedFrames: dropped, detail });
    });

  /** A frame from `from` (a tab here, or a node relaying to one) on its way to `to`. */
  function relay(from: NodeAddress, to: NodeAddress, frame: Uint8Array, source: WebSocket): void {
    let target: WsAddress;
    try {
      target = parseWsAddress(to);
    } catch (e) {
      hub.problem(e as TransportError);
      return;
    }
    if (target.tab !== undefined && serverOf(target) === self && !tabs.has(to)) {
      notifyTab(from, { lost: to, reason: "unreachable" });
      return;
    }
    const link = linkTo(from, to, target, (reason, droppedFrames) =>
      notifyTab(from, { lost: to, reason, droppedFrames }),
    );
    const full = link.queue.length >= link.queue.capacity || link.queue.waitingCount > 0;
    const queued = link.queue.push(frame).catch(() => {}); // a lost link was reported to its sender
    if (full) {
      source.pause();
      pausedByUs.add(source);
      void queued.then(() => {
        pausedByUs.delete(source);
        source.resume();
      });
    }
  }

  function notifyTab(
    tabAddress: NodeAddress,
    message: { lost: string; reason: string; droppedFrames?: number },
  ) {
    const tab = tabs.get(tabAddress);
    if (tab && tab.socket.readyState === WebSocket.OPEN) tab.socket.send(encodeControl(message));
  }

  // ### Incoming connections: nodes, relays to tabs, tabs

  function accept(socket: WebSocket, request: IncomingMessage): void {
    track(socket);
    const path = request.url ?? "/";
    if (path === "/attach") {
      attachTab(socket);
      return;
    }
    const relayTo = /^\/tab\/([1-9]\d{0,15})$/.exec(path);
    if (path !== "/" && !relayTo) {
      socket.close(CLOSE_PROTOCOL, "unknown path");
      return;
    }
    let from: NodeAddress | undefined;
    let link: Link | undefined;
    socket.on("message", (data: RawData, isBinary: boolean) => {
      if (from === undefined) {
        const hello = isBinary ? undefined : decodeControl(data.toString());
        if (typeof hello?.hello !== "string") {
          hub.problem(fail("bad-frame", `a connection to ${self}${path} began without a hello`));
          socket.close(CLOSE_PROTOCOL, "expected a hello");
          return;
        }
        from = hello.hello;
        if (!relayTo) {
          known.add(from);
          return;
        }
        const tabAddress = `${self}/tab/${relayTo[1]}`;
        const tab = tabs.get(tabAddress);
        if (!tab) {
          socket.close(CLOSE_NO_SUCH_TAB, "no such tab");
          return;
        }
        tab.relays.add(socket);
        const sender = from;
        link = linkTo(sender, tabAddress, parseWsAddress(tabAddress), (reason, droppedFrames) => {
          socket.close(CLOSE_TAB_GONE, "tab gone");
          notifyTab(tabAddress, { lost: sender, reason, droppedFrames });
        });
        return;
      }
      if (!isBinary) {
        hub.problem(fail("bad-frame", `a text message from ${from} after its hello`, from));
        return;
      }
      const frame = asBytes(data);
      if (!link) return receive(from, frame, socket);
      if (frame.length > limits.maxFrameBytes) {
        hub.problem(fail("frame-too-large", `a ${frame.length}-byte frame from ${from} dropped`, from));
        return;
      }
      relay(from, link.to, frame, socket);
    });
    socket.on("close", (code: number) => {
      if (from === undefined) return;
      if (link) return loseLink(link, silent.has(socket) ? "heartbeat" : "closed", `${from}: relay closed`);
      lose(
        from,
        silent.has(socket) ? "heartbeat" : code === 1006 ? "disconnected" : "closed",
        0,
        `${from}: closed (${code})`,
      );
    });
  }

  function attachTab(socket: WebSocket): void {
    const address = `${self}/tab/${++tabCount}`;
    const tab: Tab = { address, socket, relays: new Set() };
    tabs.set(address, tab);
    known.add(address);
    socket.send(encodeControl({ address }));
    socket.on("message", (data: RawData, isBinary: boolean) => {
      if (!isBinary) {
        hub.problem(fail("bad-frame", `a text message from the tab ${address}`, address));
        return;
      }
      let envelope: { address: string; frame: Uint8Array };
      try {
        envelope = decodeEnvelope(asBytes(data));
      } catch (e) {
        hub.problem(e as TransportError);
        return;
      }
      if (envelope.frame.length > limits.maxFrameBytes) {
        hub.problem(
          fail("frame-too-large", `a ${envelope.frame.length}-byte frame from ${address} dropped`, address),
        );
        return;
      }
      if (envelope.address === self) receive(address, envelope.frame, socket);
      else relay(address, envelope.address, envelope.frame, socket);
    });
    socket.on("close", (code: number) => {
      tabs.delete(address);
      const reason: PeerLostReason = silent.has(socket)
        ? "heartbeat"
        : code === 1006
          ? "disconnected"
          : "closed";
      for (const link of [...links.values()]) {
        if (link.to === address || link.from === address) loseLink(link, reason, `the tab ${address} left`);
      }
      for (const relaySocket of tab.relays) relaySocket.close(CLOSE_TAB_GONE, "tab gone");
      lose(address, reason, 0, `the tab ${address} left (${code})`);
    });
  }

  // ### The transport

  const transport: Transport & { address: NodeAddress | undefined } = {
    scheme: WS_SCHEME,
    limits,
    address: undefined,
    on: hub.on.bind(hub),

    async listen(address = "ws://127.0.0.1:0") {
      if (closed) throw fail("closed", "the WebSocket transport is closed");
      if (server) throw fail("already-listening", `already listening on ${self}`);
      const where = parseWsAddress(address, true);
      if (where.tab !== undefined) {
        throw fail(
          "bad-address",
          `a tab address is given by its server; listen on "ws://HOST:PORT", not ${address}`,
        );
      }
      if (!isLoopback(where.host) && options.insecure !== true) {
        throw fail(
          "insecure-listen",
          `listening on ${address} lets anyone who reaches it send frames; pass insecure: true, or listen on 127.0.0.1`,
        );
      }
      const host = where.host.replace(/^\[(.*)\]$/, "$1");
      const wss = new WebSocketServer({ host, port: where.port, maxPayload });
      server = wss;
      await new Promise<void>((listening, failed) => {
        wss.once("listening", listening);
        wss.once("error", (e) => {
          server = undefined;
          failed(fail("listen-failed", `cannot listen on ${address}: ${e.message}`));
        });
      });
      wss.on("connection", accept);
      const port = (wss.address() as { port: number }).port;
      self = `ws://${where.host}:${port}`;
      transport.address = self;
      heartbeat = setInterval(beat, heartbeatMs);
      heartbeat.unref?.();
      return self;
    },

    send(to: NodeAddress, frame: Uint8Array): Promise<void> {
      if (closed) return Promise.reject(fail("closed", "the WebSocket transport is closed"));
      if (!self) return Promise.reject(fail("not-listening", "send before listen"));
      if (!(frame instanceof Uint8Array)) {
        return Promise.reject(fail("not-a-frame", `a frame is a Uint8Array, got ${typeof frame}`, to));
      }
      if (frame.length > limits.maxFrameBytes) {
        return Promise.reject(
          fail("frame-too-large", `a ${frame.length}-byte frame (at most ${limits.maxFrameBytes})`, to),
        );
      }
      let target: WsAddress;
      try {
        target = parseWsAddress(to);
      } catch (e) {
        return Promise.reject(e);
      }
      known.add(to);
      if (target.tab !== undefined && serverOf(target) === self && !tabs.has(to)) {
        queueMicrotask(() => lose(to, "unreachable", 0, `no tab ${to} is attached here`));
        return Promise.resolve();
      }
      return ownLink(to, target).queue.push(frame);
    },

    async close() {
      if (closed) return;
      closed = true;
      hub.mute();
      if (heartbeat) clearInterval(heartbeat);
      for (const link of links.values()) link.queue.fail(fail("closed", "the WebSocket transport is closed"));
      links.clear();
      for (const socket of sockets) {
        socket.close(CLOSE_GOING_AWAY, "node closing");
        socket.terminate();
      }
      await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    },
  };
  return transport;
}
