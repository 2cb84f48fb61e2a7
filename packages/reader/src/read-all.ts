// ## Reading a whole text

import { DatumReader, END_OF_TEXT, type ReadOptions } from "./datum-reader.js";

/**
 * Every datum in `text`, in order. Throws `ReadError` (with file:line:col) on malformed or
 * incomplete text.
 *
 * @example readAll("(define x 1) x", { file: "a.scm" }) // [(define x 1), x]
 */
export function readAll(text: string, options?: ReadOptions): unknown[] {
  const reader = new DatumReader(text, options);
  const data: unknown[] = [];
  for (let datum = reader.next(); datum !== END_OF_TEXT; datum = reader.next()) data.push(datum);
  return data;
}
