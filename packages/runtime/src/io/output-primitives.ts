// ## Output: char and byte output (scheme base), the printers (scheme write), Gambit's extras
//
// The printers of @termite/datum turn a value into text; these procedures only choose the port.

import { display, write, writeShared, writeSimple } from "@termite/datum";
import { typeError } from "../errors.js";
import { type PrimitiveSpec, prim } from "../primitive.js";
import { byteArg, bytevectorArg, charArg, endArg, startArg, stringArg } from "../primitives/arguments.js";
import type { NodeIo } from "./node-io.js";
import { Port } from "./port.js";
import { byteOutputArg, textOutputArg } from "./port-arguments.js";
import { prettyText } from "./pretty-print.js";

export function writeChar(c: unknown, port: unknown): undefined {
  const codePoint = charArg("write-char", c, 0);
  textOutputArg("write-char", port, 1).write(String.fromCodePoint(codePoint));
  return undefined;
}

/** `(write-string string [port [start [end]]])`; start and end count chars (code points). */
export function writeString(s: unknown, port: unknown, start?: unknown, end?: unknown): undefined {
  const who = "write-string";
  const str = stringArg(who, s, 0);
  const out = textOutputArg(who, port, 1);
  const from = startArg(who, start, str.length, 2);
  const to = endArg(who, end, from, str.length, 3);
  out.write(from === 0 && to === str.length ? str.toString() : str.slice(from, to));
  return undefined;
}

export function writeU8(b: unknown, port: unknown): undefined {
  const byte = byteArg("write-u8", b, 0);
  byteOutputArg("write-u8", port, 1).write(Uint8Array.of(byte));
  return undefined;
}

export function writeBytevector(bv: unknown, port: unknown, start?: unknown, end?: unknown): undefined {
  const who = "write-bytevector";
  const bytes = bytevectorArg(who, bv, 0);
  const out = byteOutputArg(who, port, 1);
  const from = startArg(who, start, bytes.length, 2);
  out.write(bytes.subarray(from, endArg(who, end, from, bytes.length, 3)));
  return undefined;
}

export function newline(port: unknown): undefined {
  textOutputArg("newline", port, 0).write("\n");
  return undefined;
}

export function flushOutputPort(port: unknown): undefined {
  if (!Port.isInstance(port) || !port.isOutput)
    return typeError("flush-output-port", "an output port", port, 0);
  // Flushing a closed port is harmless: there is nothing left to write.
  if (port.outputOpen) (port.textOut ?? port.bytesOut)!.flush();
  return undefined;
}

/** A printer as a procedure of `(obj [port])`. */
function printer(io: NodeIo, who: string, print: (value: unknown) => string): PrimitiveSpec {
  return prim(1, 2, (obj: unknown, port?: unknown) => {
    textOutputArg(who, port ?? io.currentOutput(), 1).write(print(obj));
    return undefined;
  });
}

export function outputBindings(io: NodeIo): Record<string, PrimitiveSpec> {
  return {
    "write-char": prim(1, 2, (c: unknown, port?: unknown) => writeChar(c, port ?? io.currentOutput())),
    "write-string": prim(1, 4, (s: unknown, port?: unknown, start?: unknown, end?: unknown) =>
      writeString(s, port ?? io.currentOutput(), start, end),
    ),
    "write-u8": prim(1, 2, (b: unknown, port?: unknown) => writeU8(b, port ?? io.currentOutput())),
    "write-bytevector": prim(1, 4, (bv: unknown, port?: unknown, start?: unknown, end?: unknown) =>
      writeBytevector(bv, port ?? io.currentOutput(), start, end),
    ),
    newline: prim(0, 1, (port?: unknown) => newline(port ?? io.currentOutput())),
    "flush-output-port": prim(0, 1, (port?: unknown) => flushOutputPort(port ?? io.currentOutput())),
  };
}

export function writeBindings(io: NodeIo): Record<string, PrimitiveSpec> {
  return {
    write: printer(io, "write", write),
    "write-shared": printer(io, "write-shared", writeShared),
    "write-simple": printer(io, "write-simple", writeSimple),
    display: printer(io, "display", display),
  };
}

/** Gambit's `print`, `println` and `pp` (also named `pretty-print`), on the current output port. */
export function extrasBindings(io: NodeIo): Record<string, PrimitiveSpec> {
  const pp = prim(1, 2, (obj: unknown, port?: unknown) => {
    textOutputArg("pp", port ?? io.currentOutput(), 1).write(`${prettyText(obj)}\n`);
    return undefined;
  });
  return {
    print: prim(0, -1, (...objs: unknown[]) => {
      textOutputArg("print", io.currentOutput(), 0).write(objs.map(display).join(""));
      return undefined;
    }),
    println: prim(0, -1, (...objs: unknown[]) => {
      textOutputArg("println", io.currentOutput(), 0).write(`${objs.map(display).join("")}\n`);
      return undefined;
    }),
    pp,
    "pretty-print": pp,
  };
}
