// ## Source positions
//
// The reader records where each list, vector and string it builds came from, so that errors in
// later stages (expander, runtime) can name file:line:col. The table is weak and lives beside the
// value rather than in it: values made at run time pay nothing.

import { registry } from "./shared.js";

/** A position in Scheme source text. Lines and columns count from 1. */
export interface SourceLocation {
  readonly file?: string | undefined;
  readonly line: number;
  readonly column: number;
  /** Offset in UTF-16 units from the start of the text. */
  readonly offset?: number | undefined;
}

const table = registry.locations as WeakMap<object, SourceLocation>;

/** Records where `value` (a pair, vector, string or other object) was read from. */
export function setLocation(value: object, location: SourceLocation): void {
  table.set(value, location);
}

/** Where `value` was read from, if it is an object the reader built. */
export function locationOf(value: unknown): SourceLocation | undefined {
  return typeof value === "object" && value !== null ? table.get(value) : undefined;
}

/** `file:line:col`, or `line:col` when the file is unknown. */
export function formatLocation(location: SourceLocation): string {
  const at = `${location.line}:${location.column}`;
  return location.file ? `${location.file}:${at}` : at;
}
