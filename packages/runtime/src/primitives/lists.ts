// ## Pairs and lists of (scheme base)
//
// Every walk is a loop, never a recursion, so a list of a million elements is fine; and every
// walk that could go on forever checks for a cycle (a tortoise moving at half speed).

import { isEq, isEqual, isEqv, isList, Pair } from "@termite/datum";
import { rangeError, typeError } from "../errors.js";
import { type PrimitiveSpec, prim } from "../primitive.js";
import { listArg, sizeArg } from "./arguments.js";

// ### The hot ones, exported for open-coding

/** `(car p)`. */
export function car(p: unknown): unknown {
  if (p instanceof Pair) return p.car;
  return typeError("car", "a pair", p, 0);
}

/** `(cdr p)`. */
export function cdr(p: unknown): unknown {
  if (p instanceof Pair) return p.cdr;
  return typeError("cdr", "a pair", p, 0);
}

/** `(cons a d)`. */
export function cons(a: unknown, d: unknown): Pair {
  return new Pair(a, d);
}

/** `(set-car! p v)`. */
export function setCar(p: unknown, v: unknown): undefined {
  if (!(p instanceof Pair)) return typeError("set-car!", "a pair", p, 0);
  p.car = v;
  return undefined;
}

/** `(set-cdr! p v)`. */
export function setCdr(p: unknown, v: unknown): undefined {
  if (!(p instanceof Pair)) return typeError("set-cdr!", "a pair", p, 0);
  p.cdr = v;
  return undefined;
}

// ### Walking lists

/** `(length list)`: errors on improper and circular lists. */
export function length(x: unknown): number {
  let n = 0;
  let slow = x;
  let node = x;
  while (node instanceof Pair) {
    node = node.cdr;
    n++;
    if ((n & 1) === 0) {
      slow = (slow as Pair).cdr;
      if (slow === node) typeError("length", "a finite list", x, 0);
    }
  }
  if (node !== null) typeError("length", "a proper list", x, 0);
  return n;
}

/** A copy of the proper list `x` (for `who`), plus its last pair so callers can splice on. */
function copyList(who: string, x: unknown, argIndex: number): [head: unknown, last: Pair | null] {
  if (x === null) return [null, null];
  const items = listArg(who, x, argIndex);
  const head = new Pair(items[0], null);
  let last = head;
  for (let i = 1; i < items.length; i++) {
    const p = new Pair(items[i], null);
    last.cdr = p;
    last = p;
  }
  return [head, last];
}

/** `(append list ... obj)`: shares the last argument, copies the others. */
export function append(...args: unknown[]): unknown {
  const n = args.length;
  if (n === 0) return null;
  let head: unknown = null;
  let last: Pair | null = null;
  for (let i = 0; i < n - 1; i++) {
    const [h, l] = copyList("append", args[i], i);
    if (l === null) continue;
    if (last === null) head = h;
    else last.cdr = h;
    last = l;
  }
  if (last === null) return args[n - 1];
  last.cdr = args[n - 1];
  return head;
}

/** `(reverse list)`. */
export function reverse(x: unknown): unknown {
  const items = listArg("reverse", x, 0);
  let result: unknown = null;
  for (let i = 0; i < items.length; i++) result = new Pair(items[i], result);
  return result;
}

/**
 * Walks k cdrs down `x` for `who`. `slack` is 1 when k may equal the length (`list-tail`), 0
 * when k must index an element, so the range in the error message is the valid one.
 */
function tail(who: string, x: unknown, k: unknown, slack: number): unknown {
  if (!(typeof k === "number" && Number.isInteger(k) && k >= 0)) {
    return typeError(who, "an exact non-negative integer", k, 1);
  }
  let node = x;
  for (let i = 0; i < k; i++) {
    if (!(node instanceof Pair)) return rangeError(who, k, 0, i + slack);
    node = node.cdr;
  }
  return node;
}

/** `(list-tail list k)`. */
export function listTail(x: unknown, k: unknown): unknown {
  return tail("list-tail", x, k, 1);
}

/** `(list-ref list k)`. */
export function listRef(x: unknown, k: unknown): unknown {
  const node = tail("list-ref", x, k, 0);
  if (node instanceof Pair) return node.car;
  return rangeError("list-ref", k, 0, k as number);
}

/** `(list-set! list k obj)`. */
export function listSet(x: unknown, k: unknown, v: unknown): undefined {
  const node = tail("list-set!", x, k, 0);
  if (!(node instanceof Pair)) return rangeError("list-set!", k, 0, k as number);
  node.car = v;
  return undefined;
}

/** `(list-copy obj)`: a fresh spine; an improper tail and a non-list are kept as they are. */
export function listCopy(x: unknown): unknown {
  if (!(x instanceof Pair)) return x;
  const head = new Pair(x.car, null);
  let last = head;
  let node = x.cdr;
  let slow: unknown = x;
  let n = 1;
  while (node instanceof Pair) {
    const p = new Pair(node.car, null);
    last.cdr = p;
    last = p;
    node = node.cdr;
    if ((++n & 1) === 0) {
      slow = (slow as Pair).cdr;
      if (slow === node) typeError("list-copy", "a finite list", x, 0);
    }
  }
  last.cdr = node;
  return head;
}

/** `(make-list k [fill])`. */
export function makeList(k: unknown, fill: unknown = false): unknown {
  const n = sizeArg("make-list", k, 0);
  let result: unknown = null;
  for (let i = 0; i < n; i++) result = new Pair(fill, result);
  return result;
}

/** `(list obj ...)`. */
export function list(...items: unknown[]): unknown {
  let result: unknown = null;
  for (let i = items.length - 1; i >= 0; i--) result = new Pair(items[i], result);
  return result;
}

// ### Searching

/** The first pair of `x` whose car satisfies `same(item, car)`, or #f. */
function search(who: string, same: (a: unknown, b: unknown) => boolean, item: unknown, x: unknown): unknown {
  let node = x;
  let slow = x;
  let n = 0;
  while (node instanceof Pair) {
    if (same(item, node.car)) return node;
    node = node.cdr;
    if ((++n & 1) === 0) {
      slow = (slow as Pair).cdr;
      if (slow === node) typeError(who, "a finite list", x, 1);
    }
  }
  if (node !== null) typeError(who, "a proper list", x, 1);
  return false;
}

/** The first element of the association list `x` whose key satisfies `same`, or #f. */
function searchAlist(
  who: string,
  same: (a: unknown, b: unknown) => boolean,
  key: unknown,
  x: unknown,
): unknown {
  let node = x;
  let slow = x;
  let n = 0;
  while (node instanceof Pair) {
    const entry = node.car;
    if (!(entry instanceof Pair)) return typeError(who, "an association list (a list of pairs)", x, 1);
    if (same(key, entry.car)) return entry;
    node = node.cdr;
    if ((++n & 1) === 0) {
      slow = (slow as Pair).cdr;
      if (slow === node) typeError(who, "a finite list", x, 1);
    }
  }
  if (node !== null) typeError(who, "a proper list", x, 1);
  return false;
}

/** `(memq obj list)`. */
export function memq(item: unknown, x: unknown): unknown {
  return search("memq", isEq, item, x);
}

/** `(assq obj alist)`. */
export function assq(key: unknown, x: unknown): unknown {
  return searchAlist("assq", isEq, key, x);
}

/** List procedures of (scheme base). `member` and `assoc` take two arguments here. */
export const listBaseBindings: Record<string, PrimitiveSpec> = {
  "pair?": prim(1, 1, (x: unknown) => x instanceof Pair),
  cons: prim(2, 2, cons),
  car: prim(1, 1, car),
  cdr: prim(1, 1, cdr),
  "set-car!": prim(2, 2, setCar),
  "set-cdr!": prim(2, 2, setCdr),
  "null?": prim(1, 1, (x: unknown) => x === null),
  "list?": prim(1, 1, isList),
  "make-list": prim(1, 2, makeList),
  list: prim(0, -1, list),
  length: prim(1, 1, length),
  append: prim(0, -1, append),
  reverse: prim(1, 1, reverse),
  "list-tail": prim(2, 2, listTail),
  "list-ref": prim(2, 2, listRef),
  "list-set!": prim(3, 3, listSet),
  memq: prim(2, 2, memq),
  memv: prim(2, 2, (item: unknown, x: unknown) => search("memv", isEqv, item, x)),
  member: prim(2, 2, (item: unknown, x: unknown) => search("member", isEqual, item, x)),
  assq: prim(2, 2, assq),
  assv: prim(2, 2, (key: unknown, x: unknown) => searchAlist("assv", isEqv, key, x)),
  assoc: prim(2, 2, (key: unknown, x: unknown) => searchAlist("assoc", isEqual, key, x)),
  "list-copy": prim(1, 1, listCopy),
};
