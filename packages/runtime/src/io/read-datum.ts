// ## `read` (scheme read)
//
// Each call reads one datum with a `DatumReader` over the port's remaining text, then advances
// the port past it; `#!fold-case` carries over from one read to the next on the same
// port. On the console, a datum that the buffer holds only part of (the reader says
// `incomplete`, or an atom runs up to the end of the buffer) waits for more input.
//
// Datums read from a port carry no source positions (the reader would number lines from the
// read's start); read errors do give the line and column in the whole port text.

import { EOF, ErrorObject, formatLocation, intern } from "@termite/datum";
import { DatumReader, END_OF_TEXT, ReadError } from "@termite/reader";
import { SchemeRaise } from "../errors.js";
import { type PrimitiveSpec, prim } from "../primitive.js";
import { awaitInput } from "./await-input.js";
import type { NodeIo } from "./node-io.js";
import type { Port } from "./port.js";
import { textInputArg } from "./port-arguments.js";
import type { TextInput } from "./text-input.js";

/** Characters that end a datum for sure: after them, more input cannot extend it. */
function closesDatum(c: number): boolean {
  return c === 41 /* ) */ || c === 34 /* " */ || c === 124 /* | */ || c === 93 /* ] */;
}

/**
 * The reader that last read from a port, and where its text starts in the port's buffer. Reused
 * while no other read moved the port and no console input arrived: a fresh reader per datum would cost
 * O(rest of the text) each (its first string scan looks ahead for backslashes), O(n²) in all.
 */
interface CachedReader {
  readonly reader: DatumReader;
  readonly text: string;
  readonly base: number;
}

const readers = new WeakMap<TextInput, CachedReader>();

function readerFor(port: Port, input: TextInput): CachedReader {
  const cached = readers.get(input);
  if (
    cached !== undefined &&
    cached.text === input.text &&
    cached.base + cached.reader.offset === input.pos
  ) {
    return cached;
  }
  const base = input.pos;
  const text = base === 0 ? input.text : input.text.slice(base);
  const reader = new DatumReader(text, {
    file: port.kind === "file" ? port.name : undefined,
    foldCase: port.foldCase,
    positions: false,
  });
  const fresh = { reader, text: input.text, base };
  readers.set(input, fresh);
  return fresh;
}

export function readDatum(port: unknown): unknown {
  const input = textInputArg("read", port, 0);
  const p = port as Port;
  const { reader, base } = readerFor(p, input);
  let value: unknown;
  try {
    value = reader.next();
  } catch (error) {
    if (!ReadError.isInstance(error)) throw error;
    if (error.incomplete && !input.ended) return awaitInput(input, () => readDatum(port));
    return failRead(p, input, base, error);
  }
  const end = base + reader.offset;
  if (!input.ended && end >= input.text.length) {
    // Whitespace only so far, or an atom that the next chunk may continue (`12` then `3`).
    if (value === END_OF_TEXT || !closesDatum(input.text.charCodeAt(end - 1))) {
      if (value === END_OF_TEXT) input.pos = end;
      return awaitInput(input, () => readDatum(port));
    }
  }
  input.pos = end;
  p.foldCase = reader.foldCase;
  return value === END_OF_TEXT ? EOF : value;
}

/**
 * Raises a `read-error?` condition whose message starts with `line:col` in the port's text and
 * whose irritant is the reader's reason code (`unterminated-list`, `bad-number`…). The port moves
 * past the offending character, so a loop that reads again makes progress.
 */
function failRead(port: Port, input: TextInput, base: number, error: ReadError): never {
  const at = base + (error.location.offset ?? 0);
  const where = input.locationAt(at, port.kind === "file" ? port.name : undefined);
  input.pos = Math.min(input.text.length, Math.max(at + 1, input.pos + 1));
  throw new SchemeRaise(
    new ErrorObject(
      "read",
      `${formatLocation(where)}: ${error.found}, expected ${error.expected}`,
      [intern(error.code)],
      "read",
    ),
  );
}

export function readBindings(io: NodeIo): Record<string, PrimitiveSpec> {
  return {
    read: prim(0, 1, (port?: unknown) => readDatum(port ?? io.currentInput())),
  };
}
