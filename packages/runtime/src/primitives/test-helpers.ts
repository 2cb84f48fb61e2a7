// ## Helpers for the primitive tests
//
// Tests call primitives by their Scheme name through the groups, so a test also checks that the
// binding exists and that its declared arity admits the call; results are compared through
// `write`, which is what a user sees.

import { char, ErrorObject, type Flonum, flonum, intern, list, string, write } from "@termite/datum";
import { parseNumber } from "@termite/reader";
import { SchemeRaise } from "../errors.js";
import type { PrimitiveSpec } from "../primitive.js";
import { primitiveGroups } from "./groups.js";

const byName = new Map<string, PrimitiveSpec>();
for (const group of primitiveGroups) {
  for (const [name, spec] of Object.entries(group.bindings)) if (!byName.has(name)) byName.set(name, spec);
}

/** Calls the primitive `name` as the machine would, after checking its arity. */
export function call(name: string, ...args: unknown[]): unknown {
  const spec = byName.get(name);
  if (spec === undefined) throw new Error(`no primitive named ${name}`);
  if (args.length < spec.min || (spec.max >= 0 && args.length > spec.max)) {
    throw new Error(`${name}: ${args.length} arguments outside its arity ${spec.min}..${spec.max}`);
  }
  return spec.fn(...args);
}

/** `(write (name args...))` as text. */
export function w(name: string, ...args: unknown[]): string {
  return write(call(name, ...args));
}

/** The error object raised by `thunk`; fails if it returns or throws anything else. */
export function raised(thunk: () => unknown): ErrorObject {
  try {
    thunk();
  } catch (e) {
    if (SchemeRaise.isInstance(e) && e.payload instanceof ErrorObject) return e.payload;
    throw e;
  }
  throw new Error("expected a Scheme error, but the call returned");
}

/** The error raised by calling primitive `name`: tests pin `who` and a stable part of the message. */
export function callError(name: string, ...args: unknown[]): ErrorObject {
  return raised(() => call(name, ...args));
}

/** A Scheme number from its literal text: `num("1/3")`, `num("2.0")`, `num("#xff")`. */
export function num(text: string): unknown {
  const n = parseNumber(text);
  if (n === false) throw new Error(`not a number: ${text}`);
  return n;
}

export const str = string;
export const sym = intern;
export const fl = (x: number): number | Flonum => flonum(x);
export const ch = (c: string): ReturnType<typeof char> => char(c.codePointAt(0)!);
export const lst = (...items: unknown[]): unknown => list(items);
export { write };
