// ## Strings: (scheme base) string procedures and the string part of (scheme char)
//
// Strings are datum `MString`s: mutable sequences of code points, so indices and lengths count
// code points ("a😀b" has length 3). Comparison is by code point, which for astral chars is not
// the UTF-16 order JS's `<` uses.

import { Char, char, cons, MString, string } from "@termite/datum";
import { schemeError, typeError } from "../errors.js";
import { type PrimitiveSpec, prim } from "../primitive.js";
import {
  bytevectorArg,
  charArg,
  endArg,
  indexArg,
  listArg,
  sizeArg,
  startArg,
  stringArg,
  vectorArg,
} from "./arguments.js";
import { foldcaseText } from "./chars.js";

// ### Building text

/** A JS string from code points, in chunks so that long inputs do not overflow the call stack. */
export function textFromCodePoints(points: readonly number[]): string {
  let out = "";
  for (let i = 0; i < points.length; i += 4096) out += String.fromCodePoint(...points.slice(i, i + 4096));
  return out;
}

/** Code points start..end of `s` as a JS string, checking the optional range for `who`. */
function rangeText(who: string, s: MString, start: unknown, end: unknown, startIndex: number): string {
  const from = startArg(who, start, s.length, startIndex);
  const to = endArg(who, end, from, s.length, startIndex + 1);
  return from === 0 && to === s.length ? s.toString() : s.slice(from, to);
}

// ### Comparison

/**
 * Compares two JS strings by code point. UTF-16 order differs from code point order only where a
 * surrogate meets a unit at or above U+E000, so only the first differing unit needs fixing up.
 */
export function compareText(x: string, y: string): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    let a = x.charCodeAt(i);
    let b = y.charCodeAt(i);
    if (a === b) continue;
    if (a >= 0xd800 && b >= 0xd800) {
      a = a >= 0xe000 ? a - 0x800 : a + 0x2000;
      b = b >= 0xe000 ? b - 0x800 : b + 0x2000;
    }
    return a < b ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

/** A variadic string comparison; `fold` case-folds both sides first (the -ci variants). */
function stringComparison(who: string, test: (c: number) => boolean, fold: boolean): PrimitiveSpec {
  return prim(1, -1, (...args: unknown[]): boolean => {
    let previous = stringArg(who, args[0], 0).toString();
    if (fold) previous = foldcaseText(previous);
    let result = true;
    for (let i = 1; i < args.length; i++) {
      let next = stringArg(who, args[i], i).toString();
      if (result) {
        if (fold) next = foldcaseText(next);
        if (!test(compareText(previous, next))) result = false;
      }
      previous = next;
    }
    return result;
  });
}

// ### The procedures

/** `(string-ref s k)`. */
export function stringRef(s: unknown, k: unknown): Char {
  if (s instanceof MString && typeof k === "number" && k >= 0 && k < s.length && Number.isInteger(k)) {
    return char(s.codePointAt(k));
  }
  const str = stringArg("string-ref", s, 0);
  return char(str.codePointAt(indexArg("string-ref", k, str.length, 1)));
}

/** `(string-set! s k char)`. */
export function stringSet(s: unknown, k: unknown, c: unknown): undefined {
  const str = stringArg("string-set!", s, 0);
  const i = indexArg("string-set!", k, str.length, 1);
  str.setCodePointAt(i, charArg("string-set!", c, 2));
  return undefined;
}

function makeString(k: unknown, fill?: unknown): MString {
  const n = sizeArg("make-string", k, 0);
  const ch = fill === undefined ? " " : String.fromCodePoint(charArg("make-string", fill, 1));
  return string(ch.repeat(n));
}

function stringOfChars(...chars: unknown[]): MString {
  const points = new Array<number>(chars.length);
  for (let i = 0; i < chars.length; i++) points[i] = charArg("string", chars[i], i);
  return string(textFromCodePoints(points));
}

function stringAppend(...parts: unknown[]): MString {
  let out = "";
  for (let i = 0; i < parts.length; i++) out += stringArg("string-append", parts[i], i).toString();
  return string(out);
}

/** `(string-copy! to at from [start [end]])`: overlapping ranges copy as if through a buffer. */
function stringCopyInto(to: unknown, at: unknown, from: unknown, start?: unknown, end?: unknown): undefined {
  const who = "string-copy!";
  const target = stringArg(who, to, 0);
  const source = stringArg(who, from, 2);
  const where = startArg(who, at, target.length, 1);
  const text = rangeText(who, source, start, end, 3);
  const count = [...text].length;
  if (where + count > target.length) {
    schemeError(who, "not enough room in the target string", where, count, target.length);
  }
  target.setText(target.slice(0, where) + text + target.slice(where + count, target.length));
  return undefined;
}

function stringFill(s: unknown, fill: unknown, start?: unknown, end?: unknown): undefined {
  const who = "string-fill!";
  const str = stringArg(who, s, 0);
  const ch = String.fromCodePoint(charArg(who, fill, 1));
  const from = startArg(who, start, str.length, 2);
  const to = endArg(who, end, from, str.length, 3);
  str.setText(str.slice(0, from) + ch.repeat(to - from) + str.slice(to, str.length));
  return undefined;
}

function stringToList(s: unknown, start?: unknown, end?: unknown): unknown {
  const who = "string->list";
  const str = stringArg(who, s, 0);
  const from = startArg(who, start, str.length, 1);
  const to = endArg(who, end, from, str.length, 2);
  let result: unknown = null;
  for (let i = to - 1; i >= from; i--) result = cons(char(str.codePointAt(i)), result);
  return result;
}

function listToString(chars: unknown): MString {
  const items = listArg("list->string", chars, 0);
  const points = new Array<number>(items.length);
  for (let i = 0; i < items.length; i++) {
    const c = items[i];
    if (!(c instanceof Char)) return typeError("list->string", "a list of chars", chars, 0);
    points[i] = c.codePoint;
  }
  return string(textFromCodePoints(points));
}

function stringToVector(s: unknown, start?: unknown, end?: unknown): Char[] {
  const who = "string->vector";
  const str = stringArg(who, s, 0);
  const from = startArg(who, start, str.length, 1);
  const to = endArg(who, end, from, str.length, 2);
  const out = new Array<Char>(to - from);
  for (let i = from; i < to; i++) out[i - from] = char(str.codePointAt(i));
  return out;
}

function vectorToString(v: unknown, start?: unknown, end?: unknown): MString {
  const who = "vector->string";
  const vec = vectorArg(who, v, 0);
  const from = startArg(who, start, vec.length, 1);
  const to = endArg(who, end, from, vec.length, 2);
  const points = new Array<number>(to - from);
  for (let i = from; i < to; i++) {
    const c = vec[i];
    if (!(c instanceof Char)) return typeError(who, "a vector of chars", v, 0);
    points[i - from] = c.codePoint;
  }
  return string(textFromCodePoints(points));
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function stringToUtf8(s: unknown, start?: unknown, end?: unknown): Uint8Array {
  return encoder.encode(rangeText("string->utf8", stringArg("string->utf8", s, 0), start, end, 1));
}

function utf8ToString(bv: unknown, start?: unknown, end?: unknown): MString {
  const who = "utf8->string";
  const bytes = bytevectorArg(who, bv, 0);
  const from = startArg(who, start, bytes.length, 1);
  const to = endArg(who, end, from, bytes.length, 2);
  try {
    return string(decoder.decode(bytes.subarray(from, to)));
  } catch {
    return schemeError(who, "invalid UTF-8", bv);
  }
}

function caseMapping(who: string, map: (text: string) => string): PrimitiveSpec {
  return prim(1, 1, (s: unknown) => string(map(stringArg(who, s, 0).toString())));
}

const eq = (c: number) => c === 0;
const lt = (c: number) => c < 0;
const gt = (c: number) => c > 0;
const le = (c: number) => c <= 0;
const ge = (c: number) => c >= 0;

/** String procedures of (scheme base). */
export const stringBaseBindings: Record<string, PrimitiveSpec> = {
  "string?": prim(1, 1, (x: unknown) => x instanceof MString),
  "make-string": prim(1, 2, makeString),
  string: prim(0, -1, stringOfChars),
  "string-length": prim(1, 1, (s: unknown) => stringArg("string-length", s, 0).length),
  "string-ref": prim(2, 2, stringRef),
  "string-set!": prim(3, 3, stringSet),
  substring: prim(3, 3, (s: unknown, start: unknown, end: unknown) =>
    string(rangeText("substring", stringArg("substring", s, 0), start, end, 1)),
  ),
  "string-append": prim(0, -1, stringAppend),
  "string-copy": prim(1, 3, (s: unknown, start?: unknown, end?: unknown) =>
    string(rangeText("string-copy", stringArg("string-copy", s, 0), start, end, 1)),
  ),
  "string-copy!": prim(3, 5, stringCopyInto),
  "string-fill!": prim(2, 4, stringFill),
  "string->list": prim(1, 3, stringToList),
  "list->string": prim(1, 1, listToString),
  "string->vector": prim(1, 3, stringToVector),
  "vector->string": prim(1, 3, vectorToString),
  "string=?": stringComparison("string=?", eq, false),
  "string<?": stringComparison("string<?", lt, false),
  "string>?": stringComparison("string>?", gt, false),
  "string<=?": stringComparison("string<=?", le, false),
  "string>=?": stringComparison("string>=?", ge, false),
  "string->utf8": prim(1, 3, stringToUtf8),
  "utf8->string": prim(1, 3, utf8ToString),
};

/** String procedures of (scheme char). */
export const stringCharBindings: Record<string, PrimitiveSpec> = {
  "string-upcase": caseMapping("string-upcase", (t) => t.toUpperCase()),
  "string-downcase": caseMapping("string-downcase", (t) => t.toLowerCase()),
  "string-foldcase": caseMapping("string-foldcase", foldcaseText),
  "string-ci=?": stringComparison("string-ci=?", eq, true),
  "string-ci<?": stringComparison("string-ci<?", lt, true),
  "string-ci>?": stringComparison("string-ci>?", gt, true),
  "string-ci<=?": stringComparison("string-ci<=?", le, true),
  "string-ci>=?": stringComparison("string-ci>=?", ge, true),
};
