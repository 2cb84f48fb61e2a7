// ## Vectors: JS arrays
//
// `vector-ref` and `vector-set!` are exported for open-coding: their fast path is one type test,
// one bounds test and the access.

import { Pair } from "@termite/datum";
import { schemeError } from "../errors.js";
import { type PrimitiveSpec, prim } from "../primitive.js";
import { endArg, indexArg, listArg, sizeArg, startArg, vectorArg } from "./arguments.js";

/** `(vector-ref v k)`. */
export function vectorRef(v: unknown, k: unknown): unknown {
  if (Array.isArray(v) && typeof k === "number" && k >= 0 && k < v.length && Number.isInteger(k)) return v[k];
  const vec = vectorArg("vector-ref", v, 0);
  return vec[indexArg("vector-ref", k, vec.length, 1)];
}

/** `(vector-set! v k obj)`. */
export function vectorSet(v: unknown, k: unknown, x: unknown): undefined {
  if (Array.isArray(v) && typeof k === "number" && k >= 0 && k < v.length && Number.isInteger(k)) {
    v[k] = x;
    return undefined;
  }
  const vec = vectorArg("vector-set!", v, 0);
  vec[indexArg("vector-set!", k, vec.length, 1)] = x;
  return undefined;
}

/** `(make-vector k [fill])`; the default fill is #f. */
export function makeVector(k: unknown, fill: unknown = false): unknown[] {
  return new Array(sizeArg("make-vector", k, 0)).fill(fill);
}

function vectorToList(v: unknown, start?: unknown, end?: unknown): unknown {
  const who = "vector->list";
  const vec = vectorArg(who, v, 0);
  const from = startArg(who, start, vec.length, 1);
  const to = endArg(who, end, from, vec.length, 2);
  let result: unknown = null;
  for (let i = to - 1; i >= from; i--) result = new Pair(vec[i], result);
  return result;
}

function vectorCopy(v: unknown, start?: unknown, end?: unknown): unknown[] {
  const who = "vector-copy";
  const vec = vectorArg(who, v, 0);
  const from = startArg(who, start, vec.length, 1);
  return vec.slice(from, endArg(who, end, from, vec.length, 2));
}

/** `(vector-copy! to at from [start [end]])`: overlapping ranges copy as if through a buffer. */
function vectorCopyInto(to: unknown, at: unknown, from: unknown, start?: unknown, end?: unknown): undefined {
  const who = "vector-copy!";
  const target = vectorArg(who, to, 0);
  const where = startArg(who, at, target.length, 1);
  const source = vectorArg(who, from, 2);
  const s = startArg(who, start, source.length, 3);
  const e = endArg(who, end, s, source.length, 4);
  if (where + (e - s) > target.length) {
    schemeError(who, "not enough room in the target vector", where, e - s, target.length);
  }
  if (target === source) target.copyWithin(where, s, e);
  else for (let i = s; i < e; i++) target[where + i - s] = source[i];
  return undefined;
}

function vectorAppend(...vectors: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < vectors.length; i++) {
    const vec = vectorArg("vector-append", vectors[i], i);
    for (let j = 0; j < vec.length; j++) out.push(vec[j]);
  }
  return out;
}

function vectorFill(v: unknown, x: unknown, start?: unknown, end?: unknown): undefined {
  const who = "vector-fill!";
  const vec = vectorArg(who, v, 0);
  const from = startArg(who, start, vec.length, 2);
  vec.fill(x, from, endArg(who, end, from, vec.length, 3));
  return undefined;
}

/** Vector procedures of (scheme base). */
export const vectorBaseBindings: Record<string, PrimitiveSpec> = {
  "vector?": prim(1, 1, (x: unknown) => Array.isArray(x)),
  "make-vector": prim(1, 2, makeVector),
  vector: prim(0, -1, (...items: unknown[]) => items),
  "vector-length": prim(1, 1, (v: unknown) => vectorArg("vector-length", v, 0).length),
  "vector-ref": prim(2, 2, vectorRef),
  "vector-set!": prim(3, 3, vectorSet),
  "vector->list": prim(1, 3, vectorToList),
  "list->vector": prim(1, 1, (x: unknown) => listArg("list->vector", x, 0)),
  "vector-copy": prim(1, 3, vectorCopy),
  "vector-copy!": prim(3, 5, vectorCopyInto),
  "vector-append": prim(0, -1, vectorAppend),
  "vector-fill!": prim(2, 4, vectorFill),
};
