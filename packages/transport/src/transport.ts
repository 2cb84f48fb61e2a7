// ## The transport contract
//
// A transport moves opaque frames of bytes between node addresses. It knows nothing of Scheme,
// processes or the wire format: the node layer above it owns identity, handshakes, routing and
// what a lost peer means for links (as Erlang's distribution sits above `inet_tcp_dist`).
// Everything a transport promises is written here and checked by `./conformance`.

import type { TransportError } from "./errors.js";

/**
 * Where a node can be reached: `scheme:rest`, e.g. `tcp://127.0.0.1:7000` (ZeroMQ) or `mem:alpha`
 * (in-memory). The scheme, the text before the first `:`, names the transport that owns the
 * address, so a node running several transports picks the one whose `scheme` matches. Each
 * transport defines the syntax of the rest. Addresses are compared as strings: a transport always
 * reports the canonical form `listen` returned.
 */
export type NodeAddress = string;

/** The bounds a transport enforces. */
export interface TransportLimits {
  /**
   * The largest frame, in bytes, that this transport sends or accepts. `send` rejects a larger one
   * with `frame-too-large`; a larger incoming one is dropped and reported as a `problem`.
   */
  readonly maxFrameBytes: number;
  /**
   * How many frames may wait in the outgoing queue to one peer. When the queue is full, `send`
   * waits (its promise stays pending) until the transport has handed a frame to the network. This
   * is the back-pressure a node uses to suspend a sending process without blocking the others.
   */
  readonly maxQueuedFrames: number;
}

/** Why a peer was lost. */
export type PeerLostReason =
  /** The peer closed its transport or its end of the connection. */
  | "closed"
  /** The connection broke: the peer's process died, the network went away. */
  | "disconnected"
  /** The peer stopped answering heartbeats (stopped process, dead host, cut cable). */
  | "heartbeat"
  /** No connection could be made within the transport's connect timeout. */
  | "unreachable"
  /** The peer, or this node, refused the other's authentication. */
  | "refused";

/** What a `peerLost` listener receives. */
export interface PeerLost {
  readonly peer: NodeAddress;
  readonly reason: PeerLostReason;
  /** Frames accepted by `send` for this peer that were still queued and are now discarded. */
  readonly droppedFrames: number;
  /** One line for a log: what the transport saw. */
  readonly detail: string;
}

/**
 * Called once per incoming frame, in order. Returning a promise pauses delivery (to this node, of
 * frames from every peer) until it settles: that is how a receiver that cannot keep up pushes back
 * on its senders, whose queues then fill and whose `send`s wait. A throw or rejection is reported
 * as a `handler-failed` problem; delivery goes on.
 */
export type FrameListener = (from: NodeAddress, frame: Uint8Array) => void | Promise<void>;

/** The events of a transport and their listeners. */
export interface TransportEvents {
  /** A frame arrived from `from` (the sender's listening address). */
  frame: FrameListener;
  /**
   * A peer is unreachable. Every frame sent to it before this event either was delivered or is
   * dropped (counted in `droppedFrames`); none will be delivered later. A `send` to it afterwards
   * starts afresh (a new connection, possibly to a new incarnation of that node: the node layer's
   * handshake tells them apart). Fired once per loss, for every *known* peer: one this transport
   * sent a frame to or received one from since the last loss.
   */
  peerLost: (lost: PeerLost) => void;
  /**
   * Something was refused or dropped without harm: an oversized or malformed incoming frame, an
   * unauthenticated peer (once per peer, not per frame), a listener that threw. For a log line.
   */
  problem: (problem: TransportError) => void;
}

/**
 * A node's endpoint. One transport per node and scheme; it listens on one address.
 *
 * - **Frames are opaque bytes.** The transport never looks inside; an empty frame is a frame.
 * - **Per-pair FIFO.** Frames from A to B are delivered to B in the order A's `send` calls were
 *   made (calls, not resolutions), none twice, none altered. Nothing is promised across pairs.
 * - **At most once.** A frame is delivered once or, if its peer is lost first, never (see
 *   `peerLost`). A transport never retries a frame on a new connection.
 * - **Back-pressure.** See `TransportLimits.maxQueuedFrames`.
 * - **Sender address.** Each delivered frame carries the sender's listening address, as the sender
 *   announced it. A transport with authentication (ZeroMQ CURVE) only lets authenticated peers
 *   announce anything; without it, the address is a claim.
 */
export interface Transport {
  /** The address scheme this transport owns (`"tcp"`, `"mem"`). */
  readonly scheme: string;
  readonly limits: TransportLimits;
  /** The address `listen` returned, or `undefined` before. */
  readonly address: NodeAddress | undefined;

  /**
   * Starts accepting frames. `address` may leave parts to the transport (a port of 0 or none: a
   * free port; no address at all: the transport's default). Resolves to the canonical address
   * peers send to. Rejects with `bad-address`, `listen-failed`, `insecure-listen`,
   * `already-listening` or `closed`.
   */
  listen(address?: string): Promise<NodeAddress>;

  /**
   * Queues `frame` for `to`. Resolves when the frame is in the bounded queue for that peer (at
   * once when there is room; later when the queue is full); the frame is then on its way, not yet
   * delivered. Connects on first use. An address nobody answers at is not an error of `send`: the
   * transport reports the peer `unreachable` through `peerLost`. Rejects with `frame-too-large`,
   * `not-a-frame`, `bad-address`, `not-listening`, `closed` (also for a send waiting at close) or
   * `peer-lost` (a send waiting for room when its peer was lost). The caller must not modify
   * `frame` afterwards.
   */
  send(to: NodeAddress, frame: Uint8Array): Promise<void>;

  /** Adds a listener; returns a function that removes it. */
  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void;

  /**
   * Stops listening, closes every connection and rejects waiting `send`s with `closed`. Frames
   * still queued are discarded. Peers see this node lost with reason `closed` (or, where the
   * carrier cannot tell, `disconnected`). No event fires after `close` resolves. Idempotent.
   */
  close(): Promise<void>;
}

/** The scheme of `address` (`"tcp"` for `tcp://127.0.0.1:7000`), or `undefined` if it has none. */
export function addressScheme(address: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(address);
  return m ? m[1]!.toLowerCase() : undefined;
}
