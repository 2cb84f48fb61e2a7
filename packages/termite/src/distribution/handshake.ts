// ## The handshake: who a peer is, and whether the two nodes can understand each other
//
// Each node's first frame to a peer is its HELLO: its address, its incarnation (a random number
// drawn at each start, so a node that comes back is told apart from the one that died), the wire
// format version and the compiler ABI. Code travels as syntax trees recompiled on arrival and
// checked by a hash that includes the ABI, so two ABIs cannot share compiled code: a HELLO with
// another ABI or wire version is refused, with a message naming both.

import { FORMAT_VERSION } from "@termite/serializer";
import { DISTRIBUTION_PROTOCOL, FrameError, FrameKind, jsonFrame } from "./frames.js";

export interface Hello {
  readonly protocol: number;
  /** The sender's canonical listening address. */
  readonly node: string;
  readonly incarnation: number;
  /** docs/wire-format.md's version. */
  readonly wire: number;
  /** The compiler ABI its compiled code is hashed with. */
  readonly abi: number;
}

export function helloFrame(hello: Hello): Uint8Array {
  return jsonFrame(FrameKind.HELLO, hello);
}

export function refuseFrame(reason: string): Uint8Array {
  return jsonFrame(FrameKind.REFUSE, { reason });
}

function uint32(json: Record<string, unknown>, field: string): number {
  const v = json[field];
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 0xffffffff)
    throw new FrameError(`the handshake's ${field} is not an unsigned 32-bit integer`);
  return v;
}

/** Reads a HELLO's JSON; throws `FrameError` naming the bad field. */
export function readHello(json: Record<string, unknown>): Hello {
  const node = json.node;
  if (typeof node !== "string" || node.length === 0 || node.length > 1024)
    throw new FrameError("the handshake's node is not an address");
  return {
    protocol: uint32(json, "protocol"),
    node,
    incarnation: uint32(json, "incarnation"),
    wire: uint32(json, "wire"),
    abi: uint32(json, "abi"),
  };
}

/** Why this node cannot talk with the author of `hello`, or `undefined` when it can. */
export function incompatibility(mine: Hello, hello: Hello): string | undefined {
  if (hello.protocol !== DISTRIBUTION_PROTOCOL)
    return `distribution protocol ${hello.protocol} is not this node's ${DISTRIBUTION_PROTOCOL}`;
  if (hello.wire !== FORMAT_VERSION)
    return `wire format version ${hello.wire} is not this node's ${FORMAT_VERSION}`;
  if (hello.abi !== mine.abi)
    return `compiler ABI ${hello.abi} is not this node's ${mine.abi}: compiled code cannot travel between them (run both nodes with the same Termite version)`;
  return undefined;
}
