// ## The envelope: what one transport frame between two nodes holds
//
// The first byte says what the frame is (docs/wire-format.md §12). The handshake is JSON, so
// that nodes of different wire versions can still read each other's refusal; a message to a
// process has a fixed binary header naming the destination, so that a frame for a process that
// does not exist is dropped without decoding its message; every other notice between nodes
// (links, monitors, spawn requests) is a wire message whose root is a vector `#(kind field…)`.

export const FrameKind = {
  /** `{protocol, node, incarnation, wire, abi}` as UTF-8 JSON. */
  HELLO: 0x01,
  /** `{reason}` as UTF-8 JSON: this node will not talk to the receiver. */
  REFUSE: 0x02,
  /** u32 id: answered by PONG with the same id. */
  PING: 0x03,
  PONG: 0x04,
  /** u32 incarnation, u32 process number, then the wire message. */
  MESSAGE: 0x10,
  /** u16 length, that many bytes of UTF-8 service name, then the wire message. */
  SERVICE_MESSAGE: 0x11,
  /** A wire message `#(kind field…)`: links, monitors, exits, spawns. */
  CONTROL: 0x20,
} as const;

/** The kinds of CONTROL notices (docs/wire-format.md §12.3): the first field of the vector. */
export const Notice = {
  LINK: "link",
  UNLINK: "unlink",
  EXIT: "exit",
  MONITOR: "monitor",
  DEMONITOR: "demonitor",
  DOWN: "down",
  SPAWN: "spawn",
  SPAWNED: "spawned",
  SPAWN_FAILED: "spawn-failed",
} as const;

/** Version of this envelope; a peer announcing another one is refused. */
export const DISTRIBUTION_PROTOCOL = 1;

/** A frame that does not parse: the text names the field. */
export class FrameError extends Error {
  override name = "FrameError";
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8", { fatal: true });

export function jsonFrame(kind: number, value: unknown): Uint8Array {
  const body = utf8.encode(JSON.stringify(value));
  const frame = new Uint8Array(1 + body.length);
  frame[0] = kind;
  frame.set(body, 1);
  return frame;
}

/** The JSON object of a HELLO or REFUSE frame. */
export function readJson(frame: Uint8Array): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8.decode(frame.subarray(1)));
  } catch {
    throw new FrameError("the handshake is not UTF-8 JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new FrameError("the handshake is not a JSON object");
  return value as Record<string, unknown>;
}

export function pingFrame(kind: number, id: number): Uint8Array {
  const frame = new Uint8Array(5);
  frame[0] = kind;
  new DataView(frame.buffer).setUint32(1, id);
  return frame;
}

export function readPingId(frame: Uint8Array): number {
  if (frame.length !== 5) throw new FrameError(`a ping frame has 5 bytes, got ${frame.length}`);
  return new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(1);
}

export function messageFrame(incarnation: number, number: number, message: Uint8Array): Uint8Array {
  const frame = new Uint8Array(9 + message.length);
  frame[0] = FrameKind.MESSAGE;
  const view = new DataView(frame.buffer);
  view.setUint32(1, incarnation);
  view.setUint32(5, number);
  frame.set(message, 9);
  return frame;
}

export function serviceMessageFrame(service: string, message: Uint8Array): Uint8Array {
  const name = utf8.encode(service);
  if (name.length > 0xffff) throw new FrameError("a service name is at most 65535 bytes");
  const frame = new Uint8Array(3 + name.length + message.length);
  frame[0] = FrameKind.SERVICE_MESSAGE;
  new DataView(frame.buffer).setUint16(1, name.length);
  frame.set(name, 3);
  frame.set(message, 3 + name.length);
  return frame;
}

export function controlFrame(message: Uint8Array): Uint8Array {
  const frame = new Uint8Array(1 + message.length);
  frame[0] = FrameKind.CONTROL;
  frame.set(message, 1);
  return frame;
}

/** Where a MESSAGE or SERVICE_MESSAGE frame goes, and its wire message. */
export type Destination =
  | { readonly incarnation: number; readonly number: number; readonly message: Uint8Array }
  | { readonly service: string; readonly message: Uint8Array };

export function readDestination(frame: Uint8Array): Destination {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  if (frame[0] === FrameKind.MESSAGE) {
    if (frame.length < 9) throw new FrameError(`a message frame's header has 9 bytes, got ${frame.length}`);
    return { incarnation: view.getUint32(1), number: view.getUint32(5), message: frame.subarray(9) };
  }
  if (frame.length < 3) throw new FrameError("a service message frame is truncated in its name length");
  const length = view.getUint16(1);
  if (frame.length < 3 + length) throw new FrameError("a service message frame is truncated in its name");
  let service: string;
  try {
    service = fromUtf8.decode(frame.subarray(3, 3 + length));
  } catch {
    throw new FrameError("a service name is not UTF-8");
  }
  return { service, message: frame.subarray(3 + length) };
}
