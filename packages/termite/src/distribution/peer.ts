// ## What a node knows of one peer
//
// Kept from the first frame exchanged until the transport reports the peer lost: whether this
// node has introduced itself, the peer's HELLO (its incarnation), a refusal, how many frames are
// on their way to it, and the decodes still waiting for code, which later frames queue behind.

import type { Transport } from "@termite/transport";
import type { Hello } from "./handshake.js";

export interface Peer {
  /** The peer's transport address (the `node` of its process ids). */
  readonly address: string;
  readonly transport: Transport;
  /** This node's HELLO went out first on this connection. */
  helloSent: boolean;
  /** The peer's HELLO, once received. */
  hello: Hello | undefined;
  /** Set when either side refused the other: what was wrong. */
  refused: string | undefined;
  /** Frames handed to the transport whose `send` has not resolved yet. */
  pending: number;
  /**
   * Decodes waiting for code, by destination (`p<number>` or `s<service>`): a later message to the
   * same destination waits behind them, messages to other processes do not.
   */
  readonly waiting: Map<string, Promise<void>>;
  /** The last control notice waiting for code: every later frame from this peer waits behind it. */
  controlWaiting: Promise<void> | undefined;
}

export function newPeer(address: string, transport: Transport): Peer {
  return {
    address,
    transport,
    helloSent: false,
    hello: undefined,
    refused: undefined,
    pending: 0,
    waiting: new Map(),
    controlWaiting: undefined,
  };
}
