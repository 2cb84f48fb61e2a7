// ## (srfi 1): the list library, the procedures that take no procedure argument
//
// Those that call a procedure (`fold`, `filter`, `list-tabulate`, `delete`…) follow the frame
// protocol and live with the machine. The linear-update variants (`append!`, `reverse!`…) may
// reuse their argument's pairs by SRFI 1's rules; here they simply build fresh ones.

import { isList, Pair, values } from "@termite/datum";
import { rangeError, schemeError, typeError } from "../errors.js";
import { type PrimitiveSpec, prim } from "../primitive.js";
import { listArg, sizeArg } from "./arguments.js";
import { cxrBaseBindings, cxrBindings } from "./cxr.js";
import { listBaseBindings } from "./lists.js";
import { add2, mul2 } from "./numbers/arithmetic.js";
import { kindOf, NOT_NUMBER } from "./numbers/tower.js";

// ### Shape of a list

const PROPER = 0;
const DOTTED = 1;
const CIRCULAR = 2;

/** Classifies `x` and counts its pairs (up to where a cycle was detected). */
function shape(x: unknown): [kind: number, pairs: number] {
  let n = 0;
  let slow = x;
  let node = x;
  while (node instanceof Pair) {
    node = node.cdr;
    n++;
    if ((n & 1) === 0) {
      slow = (slow as Pair).cdr;
      if (slow === node) return [CIRCULAR, n];
    }
  }
  return [node === null ? PROPER : DOTTED, n];
}

function countArg(who: string, k: unknown, argIndex: number): number {
  if (typeof k === "number" && Number.isInteger(k) && k >= 0) return k;
  return typeError(who, "an exact non-negative integer", k, argIndex);
}

/** The first `k` elements of `x` as a fresh list, and the rest (shared). */
function splitAt(who: string, x: unknown, k: unknown): [unknown, unknown] {
  const n = countArg(who, k, 1);
  const head = new Pair(undefined, null);
  let last = head;
  let node = x;
  for (let i = 0; i < n; i++) {
    if (!(node instanceof Pair)) return rangeError(who, k, 0, i + 1);
    const p = new Pair(node.car, null);
    last.cdr = p;
    last = p;
    node = node.cdr;
  }
  return [head.cdr, node];
}

function drop(who: string, x: unknown, k: unknown): unknown {
  const n = countArg(who, k, 1);
  let node = x;
  for (let i = 0; i < n; i++) {
    if (!(node instanceof Pair)) return rangeError(who, k, 0, i + 1);
    node = node.cdr;
  }
  return node;
}

function takeRight(who: string, x: unknown, k: unknown): unknown {
  let lead = drop(who, x, k);
  let lag = x;
  while (lead instanceof Pair) {
    lead = lead.cdr;
    lag = (lag as Pair).cdr;
  }
  return lag;
}

function dropRight(who: string, x: unknown, k: unknown): unknown {
  let lead = drop(who, x, k);
  let lag = x;
  const head = new Pair(undefined, null);
  let last = head;
  while (lead instanceof Pair) {
    const p = new Pair((lag as Pair).car, null);
    last.cdr = p;
    last = p;
    lead = lead.cdr;
    lag = (lag as Pair).cdr;
  }
  return head.cdr;
}

function lastPair(who: string, x: unknown): Pair {
  if (!(x instanceof Pair)) return typeError(who, "a pair", x, 0);
  if (shape(x)[0] === CIRCULAR) return typeError(who, "a finite list", x, 0);
  let node = x;
  while (node.cdr instanceof Pair) node = node.cdr;
  return node;
}

function nth(who: string, k: number): PrimitiveSpec {
  return prim(1, 1, (x: unknown): unknown => {
    let node = x;
    for (let i = 0; i < k; i++) {
      if (!(node instanceof Pair)) return typeError(who, `a list of at least ${k + 1} elements`, x, 0);
      node = node.cdr;
    }
    if (!(node instanceof Pair)) return typeError(who, `a list of at least ${k + 1} elements`, x, 0);
    return node.car;
  });
}

// ### Constructors

function consStar(...items: unknown[]): unknown {
  let result = items[items.length - 1];
  for (let i = items.length - 2; i >= 0; i--) result = new Pair(items[i], result);
  return result;
}

function circularList(...items: unknown[]): unknown {
  const head = new Pair(items[0], null);
  let last = head;
  for (let i = 1; i < items.length; i++) {
    const p = new Pair(items[i], null);
    last.cdr = p;
    last = p;
  }
  last.cdr = head;
  return head;
}

/** `(iota count [start [step]])`: start, start+step, … computed as start + i*step. */
function iota(count: unknown, start: unknown = 0, step: unknown = 1): unknown {
  const n = sizeArg("iota", count, 0);
  if (kindOf(start) === NOT_NUMBER) typeError("iota", "a number", start, 1);
  if (kindOf(step) === NOT_NUMBER) typeError("iota", "a number", step, 2);
  let result: unknown = null;
  for (let i = n - 1; i >= 0; i--) result = new Pair(add2(start, mul2(i, step)), result);
  return result;
}

// ### Appending and reversing

/** `(append-reverse rev-head tail)`. */
function appendReverse(who: string): PrimitiveSpec {
  return prim(2, 2, (revHead: unknown, tail: unknown): unknown => {
    const items = listArg(who, revHead, 0);
    let result = tail;
    for (let i = 0; i < items.length; i++) result = new Pair(items[i], result);
    return result;
  });
}

function concatenate(who: string): PrimitiveSpec {
  return prim(1, 1, (lists: unknown): unknown => {
    const items = listArg(who, lists, 0);
    return listBaseBindings.append!.fn(...items);
  });
}

// ### Zipping

function zip(...lists: unknown[]): unknown {
  if (lists.every((l) => shape(l)[0] === CIRCULAR)) {
    return schemeError("zip", "at least one list must be finite", ...lists);
  }
  const rows: unknown[] = [];
  const cursors = lists.slice();
  for (;;) {
    const row: unknown[] = [];
    for (let i = 0; i < cursors.length; i++) {
      const c = cursors[i];
      if (!(c instanceof Pair)) return listOf(rows);
      row.push(c.car);
      cursors[i] = c.cdr;
    }
    rows.push(listOf(row));
  }
}

function listOf(items: readonly unknown[]): unknown {
  let result: unknown = null;
  for (let i = items.length - 1; i >= 0; i--) result = new Pair(items[i], result);
  return result;
}

/** `(unzipN list)`: N lists, the i-th of the i-th elements. */
function unzip(n: number): PrimitiveSpec {
  const who = `unzip${n}`;
  return prim(1, 1, (x: unknown): unknown => {
    const rows = listArg(who, x, 0);
    const columns: unknown[][] = Array.from({ length: n }, () => []);
    for (const row of rows) {
      let node = row;
      for (let j = 0; j < n; j++) {
        if (!(node instanceof Pair)) return typeError(who, `a list of lists of at least ${n} elements`, x, 0);
        columns[j]!.push(node.car);
        node = node.cdr;
      }
    }
    return values(columns.map(listOf));
  });
}

function alistCopy(x: unknown): unknown {
  const entries = listArg("alist-copy", x, 0);
  return listOf(
    entries.map((e) => {
      if (!(e instanceof Pair)) return typeError("alist-copy", "an association list (a list of pairs)", x, 0);
      return new Pair(e.car, e.cdr);
    }),
  );
}

const ORDINALS = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
];

/** Names (srfi 1) shares with (scheme base), with the same specs. */
const SHARED = [
  "cons",
  "list",
  "pair?",
  "null?",
  "car",
  "cdr",
  "list-ref",
  "length",
  "append",
  "reverse",
  "memq",
  "memv",
  "member",
  "assq",
  "assv",
  "assoc",
  "list-copy",
  "make-list",
];

/** The procedure-free part of (srfi 1). */
export const srfi1Bindings: Record<string, PrimitiveSpec> = {
  ...Object.fromEntries(SHARED.map((name) => [name, listBaseBindings[name]!])),
  ...cxrBaseBindings,
  ...cxrBindings,
  xcons: prim(2, 2, (d: unknown, a: unknown) => new Pair(a, d)),
  "cons*": prim(1, -1, consStar),
  "circular-list": prim(1, -1, circularList),
  iota: prim(1, 3, iota),
  "proper-list?": prim(1, 1, isList),
  "circular-list?": prim(1, 1, (x: unknown) => shape(x)[0] === CIRCULAR),
  "dotted-list?": prim(1, 1, (x: unknown) => shape(x)[0] === DOTTED),
  "not-pair?": prim(1, 1, (x: unknown) => !(x instanceof Pair)),
  "null-list?": prim(1, 1, (x: unknown) => {
    if (x === null) return true;
    if (x instanceof Pair) return false;
    return typeError("null-list?", "a list", x, 0);
  }),
  ...Object.fromEntries(ORDINALS.map((name, k) => [name, nth(name, k)])),
  "car+cdr": prim(1, 1, (p: unknown) => {
    if (!(p instanceof Pair)) return typeError("car+cdr", "a pair", p, 0);
    return values([p.car, p.cdr]);
  }),
  take: prim(2, 2, (x: unknown, k: unknown) => splitAt("take", x, k)[0]),
  "take!": prim(2, 2, (x: unknown, k: unknown) => splitAt("take!", x, k)[0]),
  drop: prim(2, 2, (x: unknown, k: unknown) => drop("drop", x, k)),
  "take-right": prim(2, 2, (x: unknown, k: unknown) => takeRight("take-right", x, k)),
  "drop-right": prim(2, 2, (x: unknown, k: unknown) => dropRight("drop-right", x, k)),
  "drop-right!": prim(2, 2, (x: unknown, k: unknown) => dropRight("drop-right!", x, k)),
  "split-at": prim(2, 2, (x: unknown, k: unknown) => values(splitAt("split-at", x, k))),
  "split-at!": prim(2, 2, (x: unknown, k: unknown) => values(splitAt("split-at!", x, k))),
  last: prim(1, 1, (x: unknown) => lastPair("last", x).car),
  "last-pair": prim(1, 1, (x: unknown) => lastPair("last-pair", x)),
  "length+": prim(1, 1, (x: unknown) => {
    const [kind, n] = shape(x);
    return kind === CIRCULAR ? false : n;
  }),
  "append!": listBaseBindings.append!,
  concatenate: concatenate("concatenate"),
  "concatenate!": concatenate("concatenate!"),
  "reverse!": listBaseBindings.reverse!,
  "append-reverse": appendReverse("append-reverse"),
  "append-reverse!": appendReverse("append-reverse!"),
  zip: prim(1, -1, zip),
  unzip1: unzip(1),
  unzip2: unzip(2),
  unzip3: unzip(3),
  unzip4: unzip(4),
  unzip5: unzip(5),
  "alist-copy": prim(1, 1, alistCopy),
};
