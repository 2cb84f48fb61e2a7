// ## `read` (scheme read)
//
// Each call reads one datum with a fresh `DatumReader` over the port's remaining text, then
// advances the port past it; `#!fold-case` carries over from one read to the next on the same
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
import type { IoSystem } from "./io-system.js";
import type { Port } from "./port.js";
import { textInputArg } from "./port-arguments.js";
import type { TextInput } from "./text-input.js";

/** Characters that end a datum for sure: after them, more input cannot extend it. */
function closesDatum(c: number): boolean {
  return c === 41 /* ) */ || c === 34 /* " */ || c === 124 /* | */ || c === 93 /* ] */;
}

export function readDatum(port: unknown): unknown {
  const input = textInputArg("read", port, 0);
  const p = port as Port;
  const start = input.pos;
  const text = start === 0 ? input.text : input.text.slice(start);
  const reader = new DatumReader(text, {
    file: p.kind === "file" ? p.name : undefined,
    foldCase: p.foldCase,
    positions: false,
  });
  let value: unknown;
  try {
    value = reader.next();
  } catch (error) {
    if (!ReadError.isInstance(error)) throw error;
    if (error.incomplete && !input.ended) return awaitInput(input, () => readDatum(port));
    return failRead(p, input, start, error);
  }
  const end = start + reader.offset;
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
function failRead(port: Port, input: TextInput, start: number, error: ReadError): never {
  const at = start + (error.location.offset ?? 0);
  const where = input.locationAt(at, port.kind === "file" ? port.name : undefined);
  input.pos = Math.min(input.text.length, Math.max(at + 1, start + 1));
  throw new SchemeRaise(
    new ErrorObject(
      "read",
      `${formatLocation(where)}: ${error.found}, expected ${error.expected}`,
      [intern(error.code)],
      "read",
    ),
  );
}

export function readBindings(io: IoSystem): Record<string, PrimitiveSpec> {
  return {
    read: prim(0, 1, (port?: unknown) => readDatum(port ?? io.currentInput())),
  };
}
