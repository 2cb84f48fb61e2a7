// ## Described objects
//
// Objects the data model does not know (procedures, continuations, process ids, tags) travel as a
// tag name and a list of fields. The application describes them on the way out and revives them on
// the way in; the serializer only keeps the graph (sharing and cycles through fields included).

import type { CodeReference } from "./code-reference.js";

/** What the `describe` hook returns for an object it knows how to send. */
export interface Description {
  /** The tag name on the wire, e.g. `pid`. Names without `/` or `#` are reserved for Termite. */
  readonly tag: string;
  /** Any values, including objects shared with the rest of the message. */
  readonly fields: readonly unknown[];
  /** Optional names of the fields, used only in error paths (`free variable 2`). */
  readonly labels?: readonly string[];
}

/** What the `describe` hook returns for a piece of code: it travels as its reference only. */
export interface CodeDescription {
  readonly code: CodeReference;
}

/** Describes objects the data model does not know; `undefined` means "cannot be sent". */
export type Describe = (value: object) => Description | CodeDescription | undefined;

/** A one-phase reviver: builds the object from its fields. */
export type ReviveFunction = (fields: unknown[]) => unknown;

/**
 * A two-phase reviver, for objects that may take part in cycles (a closure among its own free
 * variables): `create` makes the object before any field is known, `fill` completes it.
 */
export interface TwoPhaseReviver {
  create(fieldCount: number): unknown;
  fill(target: unknown, fields: unknown[]): void;
}

export type Reviver = ReviveFunction | TwoPhaseReviver;

/**
 * A described object kept as such: what `decode` gives for a tag without a reviver when asked to
 * keep them, and what `encode` sends without any hook.
 */
export class Described {
  constructor(
    readonly tag: string,
    readonly fields: unknown[],
  ) {}
}

/** Tag names the wire format reserves (docs/wire-format.md §5). */
export const ReservedTags = {
  /** A process id: fields `[nodeAddress: string "host:port", number: exact integer]`. */
  PID: "pid",
  /** A unique tag (as made by `make-tag`): fields `[nodeAddress: string, number: exact integer]`. */
  TAG: "tag",
} as const;
