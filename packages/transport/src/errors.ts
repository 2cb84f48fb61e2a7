// ## Errors
//
// One catalogue keyed by stable codes, so that callers and tests pin reasons, not wording. A
// `Symbol.for` brand makes `isInstance` work across the ESM and CJS builds and across package
// copies (a custom transport may bundle its own copy of this package).

/** Why a transport operation failed, or why a transport reports a problem. */
export type TransportErrorCode =
  /** `send` or `listen` on a closed transport, or a `send` still waiting when `close` was called. */
  | "closed"
  /** `send` before `listen`: a transport must know its own address to tell peers who is sending. */
  | "not-listening"
  /** `listen` called a second time. */
  | "already-listening"
  /** An address this transport cannot use: another scheme, or malformed. */
  | "bad-address"
  /** `listen` could not bind the address (in use, not a local interface, no permission). */
  | "listen-failed"
  /** A frame larger than `limits.maxFrameBytes`: `send` rejects; an incoming one is dropped. */
  | "frame-too-large"
  /** `send` was given something that is not a `Uint8Array`. */
  | "not-a-frame"
  /** A `send` waiting for room in a peer's queue when the peer was lost. */
  | "peer-lost"
  /** Bytes from a peer that do not form a frame of this transport (reported, dropped). */
  | "bad-frame"
  /** A peer that failed authentication was refused (reported once per peer). */
  | "unauthenticated"
  /** `listen` beyond loopback without authentication and without the explicit insecure option. */
  | "insecure-listen"
  /** An option out of range or of the wrong type. */
  | "bad-option"
  /** A frame handler threw or rejected; the frame counts as delivered. */
  | "handler-failed";

const TRANSPORT_ERROR_BRAND = Symbol.for("@termite/transport/TransportError");

/** The one error type of every transport: thrown by its methods and passed to `problem` listeners. */
export class TransportError extends Error {
  override name = "TransportError";
  readonly [TRANSPORT_ERROR_BRAND] = true;
  constructor(
    readonly code: TransportErrorCode,
    message: string,
    /** The peer concerned, when there is one (the sender of a bad frame, the target of a send). */
    readonly peer?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
  static isInstance(e: unknown): e is TransportError {
    return typeof e === "object" && e !== null && TRANSPORT_ERROR_BRAND in e;
  }
}
