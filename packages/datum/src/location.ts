// ## Source positions
//
// The reader records where each list, vector and string it builds came from, so that errors in
// later stages (expander, runtime) can name file:line:col. A list's position travels in its first
// pair, which the reader makes a `SourcePair`; a string literal is a `SourceString`. Both carry the
// position in fields, because a weak-table insert costs several hundred ns, more than reading the
// list itself. Other values (vectors, pairs made by later stages) keep theirs in a weak table
// beside the value, so values made at run time pay nothing.

import { registry, sharedClass } from "./shared.js";
import { MString, Pair } from "./values.js";

/** A position in Scheme source text. Lines and columns count from 1. */
export interface SourceLocation {
  readonly file?: string | undefined;
  readonly line: number;
  readonly column: number;
  /** Offset in UTF-16 units from the start of the text. */
  readonly offset?: number | undefined;
}

// The position is kept in four fields rather than a `SourceLocation` object: the reader makes one
// of these per list, and the object would double the allocations. The fields are private so that
// a located list still has only `car` and `cdr` as own properties (structural comparisons, such as
// a test's toEqual against a list built by hand, see no difference).
class SourcePairImpl extends Pair {
  #file: string | undefined;
  #line: number;
  #column: number;
  #offset: number | undefined;

  constructor(
    car: unknown,
    cdr: unknown,
    file: string | undefined,
    line: number,
    column: number,
    offset: number | undefined,
  ) {
    super(car, cdr);
    this.#file = file;
    this.#line = line;
    this.#column = column;
    this.#offset = offset;
  }

  /** Where the list this pair starts was read from (a new object each time). */
  get location(): SourceLocation {
    return { file: this.#file, line: this.#line, column: this.#column, offset: this.#offset };
  }

  set location(location: SourceLocation) {
    this.#file = location.file;
    this.#line = location.line;
    this.#column = location.column;
    this.#offset = location.offset;
  }
}

/**
 * A pair that knows where it was read from: the first pair of each list (and of each `'x`
 * abbreviation) the reader builds. It is a `Pair` in every other respect (`instanceof Pair`,
 * printing, equality, serialization). Read its position with `locationOf`.
 *
 * @example locationOf(new SourcePair(1, null, "a.scm", 3, 1, 40)) // { file: "a.scm", line: 3, column: 1, offset: 40 }
 */
export const SourcePair = sharedClass("SourcePair", SourcePairImpl);
export type SourcePair = SourcePairImpl;

class SourceStringImpl extends MString {
  #location: SourceLocation;

  constructor(text: string, location: SourceLocation) {
    super(text);
    this.#location = location;
  }

  /** Where the string literal was read from. */
  get location(): SourceLocation {
    return this.#location;
  }

  set location(location: SourceLocation) {
    this.#location = location;
  }
}

/**
 * A string literal that knows where it was read from. It is an `MString` in every other respect.
 *
 * @example new SourceString("hi", { line: 2, column: 5 }) // "hi", locationOf gives 2:5
 */
export const SourceString = sharedClass("SourceString", SourceStringImpl);
export type SourceString = SourceStringImpl;

const table = registry.locations as WeakMap<object, SourceLocation>;

/** Records where `value` (a pair, vector, string or other object) was read from. */
export function setLocation(value: object, location: SourceLocation): void {
  if (value instanceof SourcePair || value instanceof SourceString) value.location = location;
  else table.set(value, location);
}

/** Where `value` was read from, if it is an object the reader built. */
export function locationOf(value: unknown): SourceLocation | undefined {
  if (value instanceof SourcePair || value instanceof SourceString) return value.location;
  return typeof value === "object" && value !== null ? table.get(value) : undefined;
}

/** `file:line:col`, or `line:col` when the file is unknown. */
export function formatLocation(location: SourceLocation): string {
  const at = `${location.line}:${location.column}`;
  return location.file ? `${location.file}:${at}` : at;
}
