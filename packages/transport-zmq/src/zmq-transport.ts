// ## The ZeroMQ transport
//
// One ROUTER socket bound at the node's address receives every incoming frame; one DEALER socket
// per peer, connected on first use, sends. The DEALER's routing id is the sender's own listening
// address, so the ROUTER hands us `[sender address, frame]` without an extra frame on the wire
// (why this pattern: README.md, "Socket pattern", with the measurements). One DEALER per pair
// means one TCP connection per direction, hence per-pair FIFO; ZMTP heartbeats on both sockets
// run in libzmq's I/O thread, so liveness never waits for the JavaScript thread.
//
// A peer is *known* once we sent to it or received from it; on first receipt we open our DEALER
// to it too, so its heartbeats tell us when it goes even if we never send to it. A DEALER that
// disconnects, fails its handshake or does not connect in time is closed with its queue, and
// the peer reported lost; the next send opens a fresh one.

import {
  EventHub,
  type NodeAddress,
  OutgoingQueue,
  type PeerLostReason,
  type Transport,
  TransportError,
  type TransportEvents,
  type TransportLimits,
} from "@termite/transport";
import * as zmq from "zeromq";
import { isLoopback, parseTcpAddress, TCP_SCHEME } from "./address.js";
import { type ResolvedOptions, resolveOptions, serverKeyFor, type ZmqTransportOptions } from "./options.js";
import { ZapHandler } from "./zap.js";

/** Creates a ZeroMQ transport; `listen` binds it (default `tcp://127.0.0.1:*`, a free port). */
export function createZmqTransport(options: ZmqTransportOptions = {}): Transport {
  return new ZmqTransport(resolveOptions(options));
}

const DEFAULT_LISTEN = "tcp://127.0.0.1:*";
/** ZMTP's routing id is at most 255 bytes: our addresses must fit. */
const MAX_ROUTING_ID_BYTES = 255;
/** A ROUTER never times a connection out by heartbeat (see `socketOptions`): a day is never. */
const ROUTER_HEARTBEAT_TIMEOUT_MS = 86_400_000;

interface Peer {
  readonly address: NodeAddress;
  readonly dealer: zmq.Dealer;
  readonly queue: OutgoingQueue;
  connected: boolean;
  /** A frame came from this peer: it existed a moment ago. */
  heardFrom: boolean;
  writing: boolean;
  connectTimer: ReturnType<typeof setTimeout> | undefined;
}

class ZmqTransport implements Transport {
  readonly scheme = TCP_SCHEME;
  readonly limits: TransportLimits;
  address: NodeAddress | undefined;
  private readonly hub = new EventHub();
  private readonly peers = new Map<NodeAddress, Peer>();
  /** Each transport has its own context, so that its ZAP handler (its allow-list) is its own. */
  private readonly context = new zmq.Context({ blocky: false });
  private router: zmq.Router | undefined;
  private zap: ZapHandler | undefined;
  private closed = false;
  /** Sender identities already reported as malformed, to report each once. */
  private readonly reportedIdentities = new Set<string>();

  constructor(private readonly options: ResolvedOptions) {
    this.limits = { maxFrameBytes: options.maxFrameBytes, maxQueuedFrames: options.maxQueuedFrames };
  }

  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void {
    return this.hub.on(event, listener);
  }

  // ### Listening

  async listen(address?: string): Promise<NodeAddress> {
    if (this.closed) throw new TransportError("closed", "listen on a closed transport");
    if (this.address !== undefined || this.router) {
      throw new TransportError("already-listening", `this transport already listens on ${this.address}`);
    }
    const { host, port } = parseTcpAddress(address ?? DEFAULT_LISTEN, true);
    const wildcard = host === "*" || host === "0.0.0.0" || host === "[::]";
    if (!isLoopback(host) && !this.options.curve && !this.options.insecure) {
      throw new TransportError(
        "insecure-listen",
        `listening on ${host} would let anyone who reaches it run code on this node: give the option curve (a key pair and an allow-list of peer keys), listen on 127.0.0.1, or pass insecure: true`,
      );
    }
    if (wildcard && this.options.advertisedAddress === undefined) {
      throw new TransportError(
        "bad-option",
        `listening on the wildcard ${host} needs the option advertisedAddress: the address peers reach this node at`,
      );
    }
    const advertised = this.options.advertisedAddress;
    if (advertised !== undefined) {
      parseTcpAddress(advertised, false);
      if (Buffer.byteLength(advertised) > MAX_ROUTING_ID_BYTES) {
        throw new TransportError(
          "bad-address",
          `the address ${advertised} is longer than ${MAX_ROUTING_ID_BYTES} bytes`,
        );
      }
    }
    const router = new zmq.Router({ context: this.context, ...this.socketOptions("router") });
    this.router = router;
    router.handover = true; // a restarted peer with the same address replaces its old connection
    router.receiveHighWaterMark = this.options.maxQueuedFrames;
    if (this.options.curve) {
      this.zap = new ZapHandler(zmq, this.context, this.options.curve.allow, (p) => this.hub.problem(p));
      await this.zap.start();
      router.curveServer = true;
      router.curveSecretKey = this.options.curve.secretKey;
      router.zapDomain = "termite";
    }
    const endpoint = `tcp://${host}:${port === 0 ? "*" : port}`;
    try {
      await bindRetrying(router, endpoint);
    } catch (e) {
      this.router = undefined;
      this.zap?.close();
      router.close();
      throw new TransportError(
        "listen-failed",
        `could not listen on ${endpoint}: ${(e as Error).message}`,
        undefined,
        {
          cause: e,
        },
      );
    }
    if (this.closed) {
      router.close(); // closed while binding
      throw new TransportError("closed", "the transport was closed while listening");
    }
    const bound = advertised ?? router.lastEndpoint!;
    this.address = bound;
    void this.receiveLoop(router);
    return bound;
  }

  /**
   * Heartbeats: both sockets send a PING every interval, but only the DEALER (our sending side)
   * times a connection out. A ROUTER whose node holds back delivery stops reading its connections
   * (ZMQ_RCVHWM reached); were it to time them out, or to receive a TTL from the DEALER, a slow
   * reader would look dead. Its PINGs keep flowing all the same, so the sender's DEALER sees a
   * live peer; a stopped or dead peer sends nothing and its senders' DEALERs time out. We learn of
   * an incoming peer's death through the DEALER we open back to it on first receipt.
   */
  private socketOptions(role: "router" | "dealer") {
    const o = this.options;
    return {
      linger: 0,
      // A little above our limit: a frame slightly too large reaches our own check, which names its
      // sender in the report; anything larger makes libzmq drop the connection unread.
      maxMessageSize: o.maxFrameBytes + Math.min(o.maxFrameBytes, 1024 * 1024),
      heartbeatInterval: o.heartbeatIntervalMs,
      heartbeatTimeout: role === "dealer" ? o.heartbeatTimeoutMs : ROUTER_HEARTBEAT_TIMEOUT_MS,
      heartbeatTimeToLive: 0,
    };
  }

  // ### Receiving

  private async receiveLoop(router: zmq.Router): Promise<void> {
    while (!this.closed) {
      let parts: Buffer[];
      try {
        parts = await router.receive();
      } catch (e) {
        if (this.closed || router.closed) return;
        this.hub.problem(new TransportError("bad-frame", `receiving failed: ${(e as Error).message}`));
        continue;
      }
      const pause = this.arrived(parts);
      if (pause) await pause;
    }
  }

  /** One message from the ROUTER: `[routing id = sender address, frame]`. */
  private arrived(parts: Buffer[]): Promise<void> | undefined {
    const identity = parts[0]!.toString("latin1");
    const from = this.senderAddress(identity);
    if (from === undefined) return undefined;
    if (parts.length !== 2) {
      this.hub.problem(
        new TransportError(
          "bad-frame",
          `dropped a message of ${parts.length - 1} parts from ${from}, expected 1`,
          from,
        ),
      );
      return undefined;
    }
    const frame = parts[1]!;
    if (frame.byteLength > this.limits.maxFrameBytes) {
      this.hub.problem(
        new TransportError(
          "frame-too-large",
          `dropped a frame of ${frame.byteLength} bytes from ${from}: maxFrameBytes is ${this.limits.maxFrameBytes}`,
          from,
        ),
      );
      return undefined;
    }
    (this.peers.get(from) ?? this.openPeer(from)).heardFrom = true;
    return this.hub.deliver(from, new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength));
  }

  /** The sender's address from its routing id, or `undefined` (reported once) if it is not one. */
  private senderAddress(identity: string): NodeAddress | undefined {
    try {
      parseTcpAddress(identity, false);
      return identity;
    } catch {
      if (!this.reportedIdentities.has(identity)) {
        if (this.reportedIdentities.size > 4096) this.reportedIdentities.clear();
        this.reportedIdentities.add(identity);
        this.hub.problem(
          new TransportError(
            "bad-frame",
            `dropped frames from a peer whose identity ${JSON.stringify(identity)} is not a node address (not a Termite node?)`,
          ),
        );
      }
      return undefined;
    }
  }

  // ### Sending

  send(to: NodeAddress, frame: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new TransportError("closed", "send on a closed transport", to));
    if (this.address === undefined) {
      return Promise.reject(new TransportError("not-listening", "send before listen", to));
    }
    if (!(frame instanceof Uint8Array)) {
      return Promise.reject(new TransportError("not-a-frame", "a frame must be a Uint8Array", to));
    }
    if (frame.byteLength > this.limits.maxFrameBytes) {
      return Promise.reject(
        new TransportError(
          "frame-too-large",
          `frame of ${frame.byteLength} bytes exceeds maxFrameBytes ${this.limits.maxFrameBytes}`,
          to,
        ),
      );
    }
    try {
      parseTcpAddress(to, false);
    } catch (e) {
      return Promise.reject(e);
    }
    const peer = this.peers.get(to) ?? this.openPeer(to);
    return peer.queue.push(frame);
  }

  private openPeer(address: NodeAddress): Peer {
    const dealer = new zmq.Dealer({
      context: this.context,
      ...this.socketOptions("dealer"),
      routingId: this.address!,
      sendHighWaterMark: this.options.maxQueuedFrames,
      // Retry a refused connect soon, but not in a tight loop; the connect timer decides when to give up.
      reconnectInterval: 100,
      connectTimeout: this.options.connectTimeoutMs,
    });
    const peer: Peer = {
      address,
      dealer,
      queue: new OutgoingQueue(this.options.maxQueuedFrames, () => this.write(peer)),
      connected: false,
      heardFrom: false,
      writing: false,
      connectTimer: undefined,
    };
    this.peers.set(address, peer);
    const curve = this.options.curve;
    if (curve) {
      const serverKey = serverKeyFor(curve, address);
      if (serverKey === undefined) {
        setImmediate(() =>
          this.lose(peer, "refused", `no CURVE public key known for ${address}: add it to curve.serverKeys`),
        );
        return peer;
      }
      dealer.curveServerKey = serverKey;
      dealer.curvePublicKey = curve.publicKey;
      dealer.curveSecretKey = curve.secretKey;
    }
    const events = dealer.events;
    events.on("handshake", () => {
      peer.connected = true;
      clearTimeout(peer.connectTimer);
    });
    events.on("disconnect", () => {
      if (peer.connected) {
        this.lose(
          peer,
          "disconnected",
          `connection to ${address} lost (the peer closed or died, or sent no heartbeat within ${this.options.heartbeatTimeoutMs} ms)`,
        );
      }
    });
    // Authentication or protocol failures (wrong key, no CURVE) are refusals.
    const refused = (e: { error: Error }) =>
      this.lose(peer, "refused", `handshake with ${address} failed: ${e.error.message}`);
    events.on("handshake:error:auth", refused);
    events.on("handshake:error:protocol", refused);
    // Other handshake errors (the peer went away mid-handshake) are left to the retry and the timer.
    peer.connectTimer = setTimeout(() => {
      if (!peer.connected) {
        // A peer we heard from and cannot reach back has gone; one we never reached is unreachable.
        const reason = peer.heardFrom ? "disconnected" : "unreachable";
        this.lose(peer, reason, `no connection to ${address} within ${this.options.connectTimeoutMs} ms`);
      }
    }, this.options.connectTimeoutMs);
    dealer.connect(address);
    return peer;
  }

  /** Moves queued frames into the DEALER, one `send` at a time (zeromq.js allows one in flight). */
  private async write(peer: Peer): Promise<void> {
    if (peer.writing) return;
    peer.writing = true;
    try {
      for (let frame = peer.queue.peek(); frame !== undefined; frame = peer.queue.peek()) {
        await peer.dealer.send(frame);
        peer.queue.shift();
      }
    } catch (e) {
      if (this.peers.get(peer.address) === peer && !this.closed) {
        this.lose(peer, "disconnected", `sending to ${peer.address} failed: ${(e as Error).message}`);
      }
    } finally {
      peer.writing = false;
    }
  }

  /** Forgets `peer`, discarding its queue, and reports it lost (once). */
  private lose(peer: Peer, reason: PeerLostReason, detail: string): void {
    if (this.closed || this.peers.get(peer.address) !== peer) return;
    this.peers.delete(peer.address);
    clearTimeout(peer.connectTimer);
    const droppedFrames = peer.queue.fail(
      new TransportError("peer-lost", `peer ${peer.address} was lost (${reason})`, peer.address),
    );
    peer.dealer.close();
    this.hub.peerLost({ peer: peer.address, reason, droppedFrames, detail });
  }

  // ### Closing

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.hub.mute();
    const closedError = new TransportError("closed", "the transport was closed");
    for (const peer of this.peers.values()) {
      clearTimeout(peer.connectTimer);
      peer.queue.fail(closedError);
      peer.dealer.close();
    }
    this.peers.clear();
    // No unbind first: unbinding and closing a ROUTER that still has connections once aborted
    // libzmq (pipe.cpp:355, term_ack) under load. `listen` retries a port still being released.
    const router = this.router;
    router?.close();
    this.zap?.close();
  }
}

/**
 * libzmq releases a closed socket's port in its I/O thread, a moment after `close`: a node
 * restarted in the same process on the same port may find it still taken, so retry briefly.
 */
async function bindRetrying(router: zmq.Router, endpoint: string): Promise<void> {
  for (let waited = 0; ; waited += BIND_RETRY_MS) {
    try {
      return await router.bind(endpoint);
    } catch (e) {
      if ((e as { code?: string }).code !== "EADDRINUSE" || waited >= BIND_RETRY_FOR_MS) throw e;
      await new Promise((r) => setTimeout(r, BIND_RETRY_MS));
    }
  }
}

const BIND_RETRY_MS = 25;
const BIND_RETRY_FOR_MS = 1000;
