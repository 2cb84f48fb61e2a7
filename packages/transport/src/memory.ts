// ## The in-memory transport
//
// Several nodes in one process, for tests and examples. It keeps the whole contract, so code
// tested on it meets the same ordering, back-pressure and loss rules as on a real carrier: each
// sender has a bounded queue per peer, each receiver a bounded inbox (its receive window), and
// frames move from one to the other only while the inbox has room.

import { runSoon } from "#host";
import { TransportError } from "./errors.js";
import { EventHub } from "./event-hub.js";
import { OutgoingQueue } from "./outgoing-queue.js";
import type {
  NodeAddress,
  PeerLostReason,
  Transport,
  TransportEvents,
  TransportLimits,
} from "./transport.js";

/** Options of `createMemoryTransport`. */
export interface MemoryTransportOptions {
  /** The network the node joins; nodes on different networks cannot reach each other. */
  network?: MemoryNetwork;
  /** Default 16 MiB. */
  maxFrameBytes?: number;
  /** Frames queued per peer before `send` waits, and the size of the receiving inbox. Default 1024. */
  maxQueuedFrames?: number;
}

/** A set of in-memory nodes that can reach each other by `mem:NAME` addresses. */
export class MemoryNetwork {
  /** @internal */
  readonly nodes = new Map<NodeAddress, MemoryTransport>();
  /** @internal */
  nextName = 1;

  /**
   * Makes the node at `address` vanish as a killed OS process would: it stops at once, and its
   * peers see it lost with reason `disconnected`. Returns false if nobody listens there.
   */
  crash(address: NodeAddress): boolean {
    const node = this.nodes.get(address);
    if (!node) return false;
    node.shutDown("disconnected");
    return true;
  }
}

/** The network `createMemoryTransport` uses when given none. */
export const defaultMemoryNetwork: MemoryNetwork = new MemoryNetwork();

const MEMORY_SCHEME = "mem";

/** Creates an in-memory transport; call `listen` to give it a `mem:NAME` address. */
export function createMemoryTransport(options: MemoryTransportOptions = {}): Transport {
  return new MemoryTransport(options);
}

interface Peer {
  readonly address: NodeAddress;
  /** The incarnation this peer entry talks to; `undefined` when nobody listened there. */
  readonly remote: MemoryTransport | undefined;
  /** Created by the first `send` to the peer. */
  queue: OutgoingQueue | undefined;
}

interface Arrival {
  readonly sender: MemoryTransport;
  readonly frame: Uint8Array;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new TransportError("bad-option", `option ${name} must be a positive integer, got ${value}`);
  }
  return value;
}

class MemoryTransport implements Transport {
  readonly scheme = MEMORY_SCHEME;
  readonly limits: TransportLimits;
  address: NodeAddress | undefined;
  private readonly network: MemoryNetwork;
  private readonly hub = new EventHub();
  private readonly peers = new Map<NodeAddress, Peer>();
  /** Nodes holding a peer entry for this one, to be told when it goes. */
  private readonly contacts = new Set<MemoryTransport>();
  private readonly inbox: Arrival[] = [];
  private inboxHead = 0;
  /** Pumps of senders waiting for room in the inbox. */
  private readonly blockedSenders = new Set<() => void>();
  private deliveryScheduled = false;
  private paused = false;
  private closed = false;

  constructor(options: MemoryTransportOptions) {
    this.network = options.network ?? defaultMemoryNetwork;
    this.limits = {
      maxFrameBytes: positiveInteger("maxFrameBytes", options.maxFrameBytes, 16 * 1024 * 1024),
      maxQueuedFrames: positiveInteger("maxQueuedFrames", options.maxQueuedFrames, 1024),
    };
  }

  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void {
    return this.hub.on(event, listener);
  }

  async listen(address?: string): Promise<NodeAddress> {
    if (this.closed) throw new TransportError("closed", "listen on a closed transport");
    if (this.address !== undefined) {
      throw new TransportError("already-listening", `this transport already listens on ${this.address}`);
    }
    let chosen: string;
    if (address === undefined || address === "mem:") {
      do chosen = `mem:node-${this.network.nextName++}`;
      while (this.network.nodes.has(chosen));
    } else {
      checkAddress(address);
      chosen = address;
      if (this.network.nodes.has(chosen)) {
        throw new TransportError("listen-failed", `${chosen} is in use by another node on this network`);
      }
    }
    this.network.nodes.set(chosen, this);
    this.address = chosen;
    return chosen;
  }

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
      checkAddress(to);
    } catch (e) {
      return Promise.reject(e);
    }
    const peer = this.peerFor(to);
    if (!peer.queue) {
      const queue = new OutgoingQueue(this.limits.maxQueuedFrames, () => this.pump(peer));
      peer.queue = queue;
    }
    // A copy, as a network would make: the receiver can never see the sender's later writes.
    return peer.queue.push(frame.slice());
  }

  async close(): Promise<void> {
    this.shutDown("closed");
  }

  // ### Peers

  private peerFor(address: NodeAddress, remote?: MemoryTransport): Peer {
    let peer = this.peers.get(address);
    if (peer) return peer;
    const target = remote ?? this.network.nodes.get(address);
    peer = { address, remote: target, queue: undefined };
    this.peers.set(address, peer);
    if (target) target.contacts.add(this);
    else {
      const unreachable = peer;
      runSoon(() => {
        if (this.peers.get(address) === unreachable) {
          this.lose(address, undefined, "unreachable", `no node listens on ${address}`);
        }
      });
    }
    return peer;
  }

  /** Forgets `address` if its entry still talks to `incarnation`, and reports the loss. */
  private lose(
    address: NodeAddress,
    incarnation: MemoryTransport | undefined,
    reason: PeerLostReason,
    detail: string,
  ): void {
    const peer = this.peers.get(address);
    if (!peer || peer.remote !== incarnation || this.closed) return;
    this.peers.delete(address);
    const droppedFrames =
      peer.queue?.fail(new TransportError("peer-lost", `peer ${address} was lost (${reason})`, address)) ?? 0;
    this.hub.peerLost({ peer: address, reason, droppedFrames, detail });
  }

  /** @internal Stops this node; its contacts see it lost with `reason`. */
  shutDown(reason: PeerLostReason): void {
    if (this.closed) return;
    this.closed = true;
    const address = this.address;
    if (address !== undefined && this.network.nodes.get(address) === this) this.network.nodes.delete(address);
    const closedError = new TransportError("closed", "the transport was closed");
    for (const peer of this.peers.values()) peer.queue?.fail(closedError);
    this.peers.clear();
    this.inbox.length = 0;
    this.inboxHead = 0;
    this.blockedSenders.clear();
    this.hub.mute();
    if (address === undefined) return;
    const detail = reason === "closed" ? `${address} closed` : `${address} went away`;
    for (const contact of this.contacts) contact.lose(address, this, reason, detail);
    this.contacts.clear();
  }

  // ### Moving frames

  /** Moves frames from this sender's queue for `peer` into the peer's inbox while it has room. */
  private pump(peer: Peer): void {
    const remote = peer.remote;
    const queue = peer.queue;
    if (!remote || !queue || this.closed || this.peers.get(peer.address) !== peer) return;
    while (queue.length > 0) {
      if (!remote.accept(this, queue.peek()!)) {
        remote.blockedSenders.add(() => this.pump(peer));
        return;
      }
      queue.shift();
    }
  }

  /** Takes a frame into the inbox if there is room. */
  private accept(sender: MemoryTransport, frame: Uint8Array): boolean {
    if (this.closed) return true;
    if (this.inbox.length - this.inboxHead >= this.limits.maxQueuedFrames) return false;
    this.inbox.push({ sender, frame });
    this.scheduleDelivery();
    return true;
  }

  private scheduleDelivery(): void {
    if (this.deliveryScheduled || this.paused) return;
    this.deliveryScheduled = true;
    runSoon(() => {
      this.deliveryScheduled = false;
      this.deliverSome();
    });
  }

  /** Delivers up to a batch of frames, then yields to the event loop. */
  private deliverSome(): void {
    for (let n = 0; n < 256 && !this.paused && !this.closed; n++) {
      if (this.inboxHead >= this.inbox.length) break;
      const { sender, frame } = this.inbox[this.inboxHead]!;
      this.inbox[this.inboxHead++] = undefined as unknown as Arrival;
      const from = sender.address!;
      // Frames that arrived before their sender went are still delivered, but it is not a peer.
      if (!sender.closed) this.peerFor(from, sender);
      const pause = this.hub.deliver(from, frame);
      if (pause) {
        this.paused = true;
        pause.then(() => {
          this.paused = false;
          this.scheduleDelivery();
        });
      }
    }
    if (this.inboxHead >= this.inbox.length) {
      this.inbox.length = 0;
      this.inboxHead = 0;
    }
    const blocked = [...this.blockedSenders];
    this.blockedSenders.clear();
    for (const pump of blocked) pump();
    if (this.inboxHead < this.inbox.length) this.scheduleDelivery();
  }
}

function checkAddress(address: string): void {
  if (typeof address !== "string" || !address.startsWith("mem:") || address.length === 4) {
    throw new TransportError(
      "bad-address",
      `the in-memory transport takes addresses "mem:NAME", got ${JSON.stringify(address)}`,
    );
  }
}
