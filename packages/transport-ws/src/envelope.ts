// ## What travels on a WebSocket
//
// Node ↔ node and relay connections (`ws://HOST:PORT/` and `…/tab/N`): the connecting side's first
// message is the text `{"hello":ADDRESS}` (its listening address, or the tab it speaks for); every
// later message is one binary frame, byte for byte.
//
// A tab's connection (`ws://HOST:PORT/attach`): the server's first message is the text
// `{"address":"ws://HOST:PORT/tab/N"}`; every binary message is an envelope, a 2-byte big-endian
// length, that many bytes of UTF-8 address, then the frame: the destination from the tab, the
// sender to the tab. The server tells the tab of a lost peer with `{"lost":ADDRESS,"reason":R}`.

import { TransportError } from "@termite/transport";

/** The longest address an envelope carries, in UTF-8 bytes. */
export const MAX_ADDRESS_BYTES = 1024;

/** Bytes an envelope adds to a frame, at most. */
export const ENVELOPE_OVERHEAD = 2 + MAX_ADDRESS_BYTES;

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** `frame` prefixed with `address`. */
export function encodeEnvelope(address: string, frame: Uint8Array): Uint8Array {
  const name = encoder.encode(address);
  if (name.length > MAX_ADDRESS_BYTES) {
    throw new TransportError(
      "bad-address",
      `an address of ${name.length} bytes (at most ${MAX_ADDRESS_BYTES})`,
    );
  }
  const bytes = new Uint8Array(2 + name.length + frame.length);
  bytes[0] = name.length >> 8;
  bytes[1] = name.length & 0xff;
  bytes.set(name, 2);
  bytes.set(frame, 2 + name.length);
  return bytes;
}

/** The address and frame of an envelope; throws `bad-frame` naming the field that is wrong. */
export function decodeEnvelope(bytes: Uint8Array): { address: string; frame: Uint8Array } {
  if (bytes.length < 2)
    throw new TransportError("bad-frame", `an envelope of ${bytes.length} bytes has no address length`);
  const length = (bytes[0]! << 8) | bytes[1]!;
  if (length > MAX_ADDRESS_BYTES || 2 + length > bytes.length) {
    throw new TransportError(
      "bad-frame",
      `an envelope's address length (bytes 0-1) is ${length}, the envelope ${bytes.length} bytes`,
    );
  }
  let address: string;
  try {
    address = decoder.decode(bytes.subarray(2, 2 + length));
  } catch {
    throw new TransportError("bad-frame", "an envelope's address (from byte 2) is not UTF-8");
  }
  return { address, frame: bytes.subarray(2 + length) };
}

/** The control messages, sent as text. */
export type ControlMessage =
  | { readonly hello: string }
  | { readonly address: string }
  | { readonly lost: string; readonly reason: string; readonly droppedFrames?: number };

export function encodeControl(message: ControlMessage): string {
  return JSON.stringify(message);
}

/** A control message, or `undefined` when the text is not one. */
export function decodeControl(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
