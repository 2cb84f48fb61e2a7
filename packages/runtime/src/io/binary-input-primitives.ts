// ## Binary input (scheme base): read-u8, peek-u8, u8-ready?, read-bytevector, read-bytevector!
//
// Binary input ports hold all their bytes (bytevectors, files read at open), so none of these
// waits. There is no binary console port: the console is textual.

import { EOF } from "@termite/datum";
import { type PrimitiveSpec, prim } from "../primitive.js";
import { bytevectorArg, endArg, sizeArg, startArg } from "../primitives/arguments.js";
import type { NodeIo } from "./node-io.js";
import { byteInputArg } from "./port-arguments.js";

export function readU8(port: unknown): unknown {
  const input = byteInputArg("read-u8", port, 0);
  return input.pos < input.bytes.length ? input.bytes[input.pos++]! : EOF;
}

export function peekU8(port: unknown): unknown {
  const input = byteInputArg("peek-u8", port, 0);
  return input.pos < input.bytes.length ? input.bytes[input.pos]! : EOF;
}

export function u8Ready(port: unknown): boolean {
  byteInputArg("u8-ready?", port, 0);
  return true;
}

/** `(read-bytevector k [port])`: up to k bytes, EOF when none is left (k = 0 gives `#u8()`). */
export function readBytevector(k: unknown, port: unknown): unknown {
  const count = sizeArg("read-bytevector", k, 0);
  const input = byteInputArg("read-bytevector", port, 1);
  if (count === 0) return new Uint8Array(0);
  if (input.remaining === 0) return EOF;
  const end = Math.min(input.bytes.length, input.pos + count);
  const bytes = input.bytes.slice(input.pos, end);
  input.pos = end;
  return bytes;
}

/** `(read-bytevector! bv [port [start [end]]])`: the number of bytes read, or EOF when none is left. */
export function readBytevectorInto(bv: unknown, port: unknown, start?: unknown, end?: unknown): unknown {
  const who = "read-bytevector!";
  const target = bytevectorArg(who, bv, 0);
  const input = byteInputArg(who, port, 1);
  const s = startArg(who, start, target.length, 2);
  const e = endArg(who, end, s, target.length, 3);
  if (e === s) return 0;
  if (input.remaining === 0) return EOF;
  const n = Math.min(e - s, input.remaining);
  target.set(input.bytes.subarray(input.pos, input.pos + n), s);
  input.pos += n;
  return n;
}

export function binaryInputBindings(io: NodeIo): Record<string, PrimitiveSpec> {
  return {
    "read-u8": prim(0, 1, (port?: unknown) => readU8(port ?? io.currentInput())),
    "peek-u8": prim(0, 1, (port?: unknown) => peekU8(port ?? io.currentInput())),
    "u8-ready?": prim(0, 1, (port?: unknown) => u8Ready(port ?? io.currentInput())),
    "read-bytevector": prim(1, 2, (k: unknown, port?: unknown) =>
      readBytevector(k, port ?? io.currentInput()),
    ),
    "read-bytevector!": prim(1, 4, (bv: unknown, port?: unknown, start?: unknown, end?: unknown) =>
      readBytevectorInto(bv, port ?? io.currentInput(), start, end),
    ),
  };
}
