// ## Argument checks shared by the primitives
//
// Indices, sizes and optional start/end ranges are checked the same way everywhere, so every
// procedure reports `who`, the offending value and the valid range in the same words.

import { Char, MString, Pair, Sym } from "@termite/datum";
import { rangeError, schemeError, typeError } from "../errors.js";

/** Largest length accepted for a new vector, string or bytevector. */
const MAX_SIZE = 2 ** 32 - 1;

/** `k` as an index into a sequence of `size` elements. */
export function indexArg(who: string, k: unknown, size: number, argIndex: number): number {
  if (typeof k === "number" && Number.isInteger(k)) {
    if (k >= 0 && k < size) return k;
    return rangeError(who, k, 0, size);
  }
  if (typeof k === "bigint") return rangeError(who, k, 0, size);
  return typeError(who, "an exact integer", k, argIndex);
}

/** `k` as the size of a new sequence. */
export function sizeArg(who: string, k: unknown, argIndex: number): number {
  if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
    if (k <= MAX_SIZE) return k;
    return schemeError(who, "size too large", k);
  }
  if (typeof k === "bigint" && k > 0n) return schemeError(who, "size too large", k);
  return typeError(who, "an exact non-negative integer", k, argIndex);
}

/** The optional `start` argument of a sequence of `size` elements (default 0). */
export function startArg(who: string, start: unknown, size: number, argIndex: number): number {
  if (start === undefined) return 0;
  if (typeof start === "number" && Number.isInteger(start)) {
    if (start >= 0 && start <= size) return start;
    return rangeError(who, start, 0, size + 1);
  }
  if (typeof start === "bigint") return rangeError(who, start, 0, size + 1);
  return typeError(who, "an exact integer", start, argIndex);
}

/** The optional `end` argument (default `size`), which must lie in [start, size]. */
export function endArg(who: string, end: unknown, start: number, size: number, argIndex: number): number {
  if (end === undefined) return size;
  if (typeof end === "number" && Number.isInteger(end)) {
    if (end >= start && end <= size) return end;
    return rangeError(who, end, start, size + 1);
  }
  if (typeof end === "bigint") return rangeError(who, end, start, size + 1);
  return typeError(who, "an exact integer", end, argIndex);
}

/** Checks that `x` is a string. */
export function stringArg(who: string, x: unknown, argIndex: number): MString {
  if (x instanceof MString) return x;
  return typeError(who, "a string", x, argIndex);
}

/** Checks that `x` is a char and returns its code point. */
export function charArg(who: string, x: unknown, argIndex: number): number {
  if (x instanceof Char) return x.codePoint;
  return typeError(who, "a char", x, argIndex);
}

/** Checks that `x` is a symbol. */
export function symbolArg(who: string, x: unknown, argIndex: number): Sym {
  if (x instanceof Sym) return x;
  return typeError(who, "a symbol", x, argIndex);
}

/** Checks that `x` is a vector. */
export function vectorArg(who: string, x: unknown, argIndex: number): unknown[] {
  if (Array.isArray(x)) return x;
  return typeError(who, "a vector", x, argIndex);
}

/** Checks that `x` is a bytevector. */
export function bytevectorArg(who: string, x: unknown, argIndex: number): Uint8Array {
  if (x instanceof Uint8Array) return x;
  return typeError(who, "a bytevector", x, argIndex);
}

/** Checks that `x` is a byte (an exact integer 0..255). */
export function byteArg(who: string, x: unknown, argIndex: number): number {
  if (typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= 255) return x;
  return typeError(who, "a byte (an exact integer from 0 to 255)", x, argIndex);
}

/**
 * The elements of the proper list `x`, or an error from `who`: "expected a proper list" for an
 * improper one, "expected a finite list" for a circular one. Iterative, so long lists are fine.
 */
export function listArg(who: string, x: unknown, argIndex: number): unknown[] {
  const out: unknown[] = [];
  let slow = x;
  let node = x;
  while (node instanceof Pair) {
    out.push(node.car);
    node = node.cdr;
    if ((out.length & 1) === 0) {
      slow = (slow as Pair).cdr;
      if (slow === node) typeError(who, "a finite list", x, argIndex);
    }
  }
  if (node !== null) typeError(who, "a proper list", x, argIndex);
  return out;
}
