// ## Source positions
//
// The reader records where each list, vector and string it builds came from, so that errors in
// later stages (expander, runtime) can name file:line:col. A list's position travels in its first
// pair: the reader makes that pair a `SourcePair`, which carries the location in a field. Other
// values (vectors, strings, pairs made by later stages) keep theirs in a weak table beside the
// value, so values made at run time pay nothing. The field is what makes reading fast: a weak
// table insert costs several hundred ns, more than reading the list itself.

import { registry, sharedClass } from "./shared.js";
import { Pair } from "./values.js";

/** A position in Scheme source text. Lines and columns count from 1. */
export interface SourceLocation {
  readonly file?: string | undefined;
  readonly line: number;
  readonly column: number;
  /** Offset in UTF-16 units from the start of the text. */
  readonly offset?: number | undefined;
}

class SourcePairImpl extends Pair {
  constructor(
    car: unknown,
    cdr: unknown,
    /** Where the list (or abbreviation) this pair starts was read from. */
    public location: SourceLocation,
  ) {
    super(car, cdr);
  }
}

/**
 * A pair that knows where it was read from: the first pair of each list the reader builds. It is
 * a `Pair` in every other respect (`instanceof Pair`, printing, equality, serialization).
 *
 * @example new SourcePair(1, null, { line: 1, column: 1 }) // (1), locationOf gives 1:1
 */
export const SourcePair = sharedClass("SourcePair", SourcePairImpl);
export type SourcePair = SourcePairImpl;

const table = registry.locations as WeakMap<object, SourceLocation>;

/** Records where `value` (a pair, vector, string or other object) was read from. */
export function setLocation(value: object, location: SourceLocation): void {
  if (value instanceof SourcePair) value.location = location;
  else table.set(value, location);
}

/** Where `value` was read from, if it is an object the reader built. */
export function locationOf(value: unknown): SourceLocation | undefined {
  if (value instanceof SourcePair) return value.location;
  return typeof value === "object" && value !== null ? table.get(value) : undefined;
}

/** `file:line:col`, or `line:col` when the file is unknown. */
export function formatLocation(location: SourceLocation): string {
  const at = `${location.line}:${location.column}`;
  return location.file ? `${location.file}:${at}` : at;
}
