// ## Textual input (scheme base): read-char, peek-char, read-line, read-string, char-ready?
//
// Text is held as a JS string; reads step over whole code points (a surrogate pair is one char).
// On the console, a read that finds too little text waits (see await-input.ts).

import { char, EOF, string } from "@termite/datum";
import { type PrimitiveSpec, prim } from "../primitive.js";
import { sizeArg } from "../primitives/arguments.js";
import { awaitInput } from "./await-input.js";
import type { NodeIo } from "./node-io.js";
import { textInputArg } from "./port-arguments.js";
import type { TextInput } from "./text-input.js";

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * The offset after the code point at `i`, or -1 when only its first half has arrived (a
 * console chunk may end between the two halves of a surrogate pair).
 */
function codePointEnd(input: TextInput, i: number): number {
  const t = input.text;
  if (!isHighSurrogate(t.charCodeAt(i))) return i + 1;
  if (i + 1 < t.length) {
    const d = t.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
  }
  return input.ended ? i + 1 : -1;
}

export function readChar(port: unknown): unknown {
  return nextChar("read-char", port, true);
}

export function peekChar(port: unknown): unknown {
  return nextChar("peek-char", port, false);
}

function nextChar(who: string, port: unknown, consume: boolean): unknown {
  const input = textInputArg(who, port, 0);
  const p = input.pos;
  if (p < input.text.length) {
    const end = codePointEnd(input, p);
    if (end >= 0) {
      if (consume) input.pos = end;
      return char(input.text.codePointAt(p)!);
    }
  } else if (input.ended) {
    return EOF;
  }
  return awaitInput(input, () => nextChar(who, port, consume));
}

const END_OF_LINE = /[\n\r]/g;

/** `(read-line [port])`: a line ends at a linefeed, a carriage return, or both in that order. */
export function readLine(port: unknown): unknown {
  const input = textInputArg("read-line", port, 0);
  const t = input.text;
  const p = input.pos;
  END_OF_LINE.lastIndex = p;
  const found = END_OF_LINE.exec(t);
  if (found !== null) {
    const at = found.index;
    let after = at + 1;
    if (t.charCodeAt(at) === 13) {
      if (after < t.length) {
        if (t.charCodeAt(after) === 10) after++;
      } else if (!input.ended) {
        return awaitInput(input, () => readLine(port)); // a linefeed may follow in the next chunk
      }
    }
    input.pos = after;
    return string(t.slice(p, at));
  }
  if (!input.ended) return awaitInput(input, () => readLine(port));
  if (p >= t.length) return EOF;
  input.pos = t.length;
  return string(t.slice(p));
}

/** `(read-string k [port])`: the next k chars, fewer at the end of input, EOF when none is left. */
export function readString(k: unknown, port: unknown): unknown {
  const count = sizeArg("read-string", k, 0);
  const input = textInputArg("read-string", port, 1);
  if (count === 0) return string("");
  const t = input.text;
  let i = input.pos;
  let n = 0;
  while (n < count && i < t.length) {
    const end = codePointEnd(input, i);
    if (end < 0) break;
    i = end;
    n++;
  }
  if (n < count && !input.ended) return awaitInput(input, () => readString(k, port));
  if (n === 0) return EOF;
  const text = t.slice(input.pos, i);
  input.pos = i;
  return string(text);
}

/** `(char-ready? [port])`: true when a read-char would not wait; starts fetching console input. */
export function charReady(port: unknown): boolean {
  const input = textInputArg("char-ready?", port, 0);
  if (input.ended) return true;
  if (input.pos < input.text.length && codePointEnd(input, input.pos) >= 0) return true;
  input.pull();
  return false;
}

export function textInputBindings(io: NodeIo): Record<string, PrimitiveSpec> {
  return {
    "read-char": prim(0, 1, (port?: unknown) => readChar(port ?? io.currentInput())),
    "peek-char": prim(0, 1, (port?: unknown) => peekChar(port ?? io.currentInput())),
    "read-line": prim(0, 1, (port?: unknown) => readLine(port ?? io.currentInput())),
    "read-string": prim(1, 2, (k: unknown, port?: unknown) => readString(k, port ?? io.currentInput())),
    "char-ready?": prim(0, 1, (port?: unknown) => charReady(port ?? io.currentInput())),
  };
}
