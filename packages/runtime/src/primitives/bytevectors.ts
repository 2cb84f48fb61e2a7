// ## Bytevectors: Uint8Array

import { schemeError } from "../errors.js";
import { type PrimitiveSpec, prim } from "../primitive.js";
import { byteArg, bytevectorArg, endArg, indexArg, sizeArg, startArg } from "./arguments.js";

/** `(bytevector-u8-ref bv k)`. */
export function bytevectorRef(bv: unknown, k: unknown): number {
  const bytes = bytevectorArg("bytevector-u8-ref", bv, 0);
  return bytes[indexArg("bytevector-u8-ref", k, bytes.length, 1)]!;
}

/** `(bytevector-u8-set! bv k byte)`. */
export function bytevectorSet(bv: unknown, k: unknown, b: unknown): undefined {
  const who = "bytevector-u8-set!";
  const bytes = bytevectorArg(who, bv, 0);
  bytes[indexArg(who, k, bytes.length, 1)] = byteArg(who, b, 2);
  return undefined;
}

function makeBytevector(k: unknown, fill?: unknown): Uint8Array {
  const bytes = new Uint8Array(sizeArg("make-bytevector", k, 0));
  if (fill !== undefined) bytes.fill(byteArg("make-bytevector", fill, 1));
  return bytes;
}

function bytevector(...items: unknown[]): Uint8Array {
  const bytes = new Uint8Array(items.length);
  for (let i = 0; i < items.length; i++) bytes[i] = byteArg("bytevector", items[i], i);
  return bytes;
}

function bytevectorCopy(bv: unknown, start?: unknown, end?: unknown): Uint8Array {
  const who = "bytevector-copy";
  const bytes = bytevectorArg(who, bv, 0);
  const from = startArg(who, start, bytes.length, 1);
  return bytes.slice(from, endArg(who, end, from, bytes.length, 2));
}

/** `(bytevector-copy! to at from [start [end]])`; `set` copies overlapping ranges correctly. */
function bytevectorCopyInto(
  to: unknown,
  at: unknown,
  from: unknown,
  start?: unknown,
  end?: unknown,
): undefined {
  const who = "bytevector-copy!";
  const target = bytevectorArg(who, to, 0);
  const where = startArg(who, at, target.length, 1);
  const source = bytevectorArg(who, from, 2);
  const s = startArg(who, start, source.length, 3);
  const e = endArg(who, end, s, source.length, 4);
  if (where + (e - s) > target.length) {
    schemeError(who, "not enough room in the target bytevector", where, e - s, target.length);
  }
  target.set(source.subarray(s, e), where);
  return undefined;
}

function bytevectorAppend(...parts: unknown[]): Uint8Array {
  let size = 0;
  for (let i = 0; i < parts.length; i++) size += bytevectorArg("bytevector-append", parts[i], i).length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts as Uint8Array[]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Bytevector procedures of (scheme base). */
export const bytevectorBaseBindings: Record<string, PrimitiveSpec> = {
  "bytevector?": prim(1, 1, (x: unknown) => x instanceof Uint8Array),
  "make-bytevector": prim(1, 2, makeBytevector),
  bytevector: prim(0, -1, bytevector),
  "bytevector-u8-ref": prim(2, 2, bytevectorRef),
  "bytevector-u8-set!": prim(3, 3, bytevectorSet),
  "bytevector-length": prim(1, 1, (bv: unknown) => bytevectorArg("bytevector-length", bv, 0).length),
  "bytevector-copy": prim(1, 3, bytevectorCopy),
  "bytevector-copy!": prim(3, 5, bytevectorCopyInto),
  "bytevector-append": prim(0, -1, bytevectorAppend),
};
