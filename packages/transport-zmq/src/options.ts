// ## Options
//
// Every bound the transport enforces, with its default and why that default.

import { type NodeAddress, TransportError } from "@termite/transport";
import { isZ85Key } from "./z85.js";

/** CURVE authentication: this node's key pair and who may talk to it. */
export interface CurveOptions {
  /** This node's public key (Z85, 40 characters), as `zeromq.curveKeyPair()` makes it. */
  publicKey: string;
  /** This node's secret key (Z85). */
  secretKey: string;
  /** Public keys (Z85) of the peers allowed to connect to this node. Anyone else is refused. */
  allow: readonly string[];
  /**
   * The public key of the node listening at `address`, needed to connect to it (CURVE clients
   * must know their server's key). A map or a function; a peer without a known key is lost with
   * reason `refused`.
   */
  serverKeys: Readonly<Record<NodeAddress, string>> | ((address: NodeAddress) => string | undefined);
}

/** Options of `createZmqTransport`. */
export interface ZmqTransportOptions {
  /** Largest frame in bytes, sent or received (ZMQ_MAXMSGSIZE on receipt). Default 64 MiB. */
  maxFrameBytes?: number;
  /**
   * Frames queued per peer before `send` waits. Also the ZeroMQ high-water marks of the sockets
   * (ZMQ_SNDHWM, ZMQ_RCVHWM), so up to about three times this many frames can be in flight to a
   * peer that does not read. Default 1000.
   */
  maxQueuedFrames?: number;
  /**
   * ZMTP heartbeat interval (ZMQ_HEARTBEAT_IVL), in ms, on every connection. Default 250. Heartbeats
   * run in libzmq's I/O thread: a node whose JavaScript is busy still answers them.
   */
  heartbeatIntervalMs?: number;
  /**
   * An outgoing connection with no traffic this long after a heartbeat is dropped and its peer
   * reported lost (ZMQ_HEARTBEAT_TIMEOUT on the DEALER). Default 750, so a silent peer is reported
   * within about 1 s (measured: 1.0 s after SIGSTOP).
   */
  heartbeatTimeoutMs?: number;
  /** A peer not connected this long after the first send to it is reported unreachable. Default 2000. */
  connectTimeoutMs?: number;
  /** CURVE authentication. Without it, `listen` beyond loopback needs `insecure: true`. */
  curve?: CurveOptions;
  /** Allow listening beyond loopback without CURVE: anyone who can reach the port can send. */
  insecure?: boolean;
  /**
   * The address announced to peers as this node's, when it listens on a wildcard (`tcp://*:7000`,
   * `tcp://0.0.0.0:7000`) or behind a NAT. Default: the address bound.
   */
  advertisedAddress?: NodeAddress;
}

export interface ResolvedOptions {
  readonly maxFrameBytes: number;
  readonly maxQueuedFrames: number;
  readonly heartbeatIntervalMs: number;
  readonly heartbeatTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly curve: CurveOptions | undefined;
  readonly insecure: boolean;
  readonly advertisedAddress: NodeAddress | undefined;
}

function positiveInteger(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new TransportError(
      "bad-option",
      `option ${name} must be an integer from 1 to ${max}, got ${value}`,
    );
  }
  return value;
}

export function resolveOptions(options: ZmqTransportOptions): ResolvedOptions {
  const curve = options.curve;
  if (curve !== undefined) {
    for (const field of ["publicKey", "secretKey"] as const) {
      if (!isZ85Key(curve[field])) {
        throw new TransportError("bad-option", `option curve.${field} must be a 40-character Z85 key`);
      }
    }
    if (!Array.isArray(curve.allow)) {
      throw new TransportError("bad-option", "option curve.allow must be an array of Z85 public keys");
    }
    curve.allow.forEach((key, i) => {
      if (!isZ85Key(key)) {
        throw new TransportError("bad-option", `option curve.allow[${i}] is not a 40-character Z85 key`);
      }
    });
    if (
      typeof curve.serverKeys !== "function" &&
      (typeof curve.serverKeys !== "object" || !curve.serverKeys)
    ) {
      throw new TransportError("bad-option", "option curve.serverKeys must be a map or a function");
    }
  }
  return {
    maxFrameBytes: positiveInteger("maxFrameBytes", options.maxFrameBytes, 64 * 1024 * 1024, 2 ** 31 - 1),
    maxQueuedFrames: positiveInteger("maxQueuedFrames", options.maxQueuedFrames, 1000, 1_000_000),
    heartbeatIntervalMs: positiveInteger("heartbeatIntervalMs", options.heartbeatIntervalMs, 250, 3_600_000),
    heartbeatTimeoutMs: positiveInteger("heartbeatTimeoutMs", options.heartbeatTimeoutMs, 750, 3_600_000),
    connectTimeoutMs: positiveInteger("connectTimeoutMs", options.connectTimeoutMs, 2000, 3_600_000),
    curve,
    insecure: options.insecure === true,
    advertisedAddress: options.advertisedAddress,
  };
}

/** The server key to use for `address`, if any. */
export function serverKeyFor(curve: CurveOptions, address: NodeAddress): string | undefined {
  const key = typeof curve.serverKeys === "function" ? curve.serverKeys(address) : curve.serverKeys[address];
  return isZ85Key(key) ? key : undefined;
}
