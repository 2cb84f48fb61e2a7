// ## Errors
//
// Three kinds, each with a stable `code` so that tests and callers pin reasons, not wording, and a
// `Symbol.for` brand so that `isInstance` works across the ESM and CJS builds (and package copies).

import { type CodeReference, formatCodeReference } from "./code-reference.js";

/** Why encoding refused a value. */
export type SerializeErrorCode =
  /** An object the data model does not know and the `describe` hook did not describe. */
  | "unserializable"
  /** The `describe` hook returned something that is not a `Description` or `CodeReference`. */
  | "bad-description"
  /** A known type in an impossible state (a record with the wrong number of fields, a bad char). */
  | "bad-value";

const SERIALIZE_BRAND = Symbol.for("@termite/serializer/SerializeError");
const DECODE_BRAND = Symbol.for("@termite/serializer/DecodeError");
const CODE_REF_BRAND = Symbol.for("@termite/serializer/CodeReferenceError");

/** Thrown by `encode` when the value graph holds something that cannot travel. */
export class SerializeError extends Error {
  override name = "SerializeError";
  readonly [SERIALIZE_BRAND] = true;
  constructor(
    readonly code: SerializeErrorCode,
    message: string,
    /** How the offending object was reached from the message, e.g. `message → car → vector[3]`. */
    readonly path: string,
  ) {
    super(message);
  }
  static isInstance(e: unknown): e is SerializeError {
    return typeof e === "object" && e !== null && SERIALIZE_BRAND in e;
  }
}

/** Why a message could not be decoded. */
export type DecodeErrorCode =
  /** The bytes exceed `maxBytes`, or a length exceeds `maxLength`, or the table `maxObjects`. */
  | "limit"
  /** The bytes end in the middle of an item, or an item's length runs past the end. */
  | "truncated"
  /** Not well-formed CBOR, or bytes left after the message. */
  | "malformed"
  /** CBOR nested deeper than any Termite message can be. */
  | "too-deep"
  /** Well-formed CBOR that Termite never writes: maps, indefinite lengths, other simple values. */
  | "unsupported-cbor"
  /** A tag number outside Termite's set. */
  | "unknown-tag"
  /** An integral value written as a plain CBOR float (must be a FLONUM tag). */
  | "integral-float"
  /** Not a Termite message, or a format version this decoder does not read. */
  | "bad-version"
  /** A form with the wrong content: wrong arity, wrong type of field, bad code point… */
  | "bad-form"
  /** A REF to an index outside the table, or to an object of the wrong kind. */
  | "bad-index"
  /** A record type whose uid is registered with different fields, or is unknown and refused. */
  | "record-type"
  /** A DESCRIBED object whose tag name has no reviver. */
  | "no-reviver"
  /** DESCRIBED objects referring to one another in a cycle, with one-phase revivers. */
  | "described-cycle"
  /** A reviver threw. */
  | "reviver-failed"
  /** `decodeSync` met a code reference that only an asynchronous resolver can supply. */
  | "needs-async";

/** Thrown by `decode` and `decodeSync` for any input that is not a valid message. */
export class DecodeError extends Error {
  override name = "DecodeError";
  readonly [DECODE_BRAND] = true;
  constructor(
    readonly code: DecodeErrorCode,
    message: string,
    /** Where in the message: `byte 17`, `object 12`, `object 12, field 3`, `root`. */
    readonly where?: string,
    options?: { cause?: unknown },
  ) {
    super(where === undefined ? message : `${where}: ${message}`, options);
  }
  static isInstance(e: unknown): e is DecodeError {
    return typeof e === "object" && e !== null && DECODE_BRAND in e;
  }
}

/** Why a code reference could not be resolved. */
export type CodeReferenceErrorCode =
  /** The receiver does not have (and cannot get) this code. */
  | "unknown"
  /** The resolver declined, e.g. the module is not on the whitelist. */
  | "refused"
  /** The receiver has the module, but a different version of its source. */
  | "hash-mismatch";

/** Thrown when a message refers to code the receiver cannot supply. */
export class CodeReferenceError extends Error {
  override name = "CodeReferenceError";
  readonly [CODE_REF_BRAND] = true;
  constructor(
    readonly code: CodeReferenceErrorCode,
    message: string,
    /** The reference that failed. */
    readonly reference: CodeReference,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The receiver has no such code. */
  static unknown(reference: CodeReference, why = "this node has no such code"): CodeReferenceError {
    return new CodeReferenceError(
      "unknown",
      `unknown code reference ${formatCodeReference(reference)}: ${why}`,
      reference,
    );
  }

  /** The resolver declined to supply the code. */
  static refused(reference: CodeReference, why: string, cause?: unknown): CodeReferenceError {
    return new CodeReferenceError(
      "refused",
      `code reference ${formatCodeReference(reference)} refused: ${why}`,
      reference,
      {
        cause,
      },
    );
  }

  /** The receiver has `reference.module` compiled from a different source (`localHash`). */
  static hashMismatch(reference: CodeReference, localHash: string): CodeReferenceError {
    return new CodeReferenceError(
      "hash-mismatch",
      `module ${reference.module} differs: the sender's version has source hash ${reference.hash}, ` +
        `this node's has ${localHash} (reference ${formatCodeReference(reference)}); install the sender's version or ` +
        "send the code as a syntax tree",
      reference,
    );
  }

  static isInstance(e: unknown): e is CodeReferenceError {
    return typeof e === "object" && e !== null && CODE_REF_BRAND in e;
  }
}
