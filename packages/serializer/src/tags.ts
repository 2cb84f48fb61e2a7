// ## Wire constants
//
// The CBOR tag numbers Termite uses, and the format version. They come from IANA's First Come
// First Served range (32768 and up) and are not registered yet; docs/wire-format.md is their
// specification. Changing a number or a layout means a new FORMAT_VERSION.

/** The version written in every message; a decoder refuses any other. */
export const FORMAT_VERSION = 1;

/** Tag numbers, one per Termite form (see docs/wire-format.md §3). */
export const Tags = {
  /** `[version, root, objects]`: the whole message. */
  MESSAGE: 40000,
  /** `uint`: the object at that index of the table. */
  REF: 40001,
  /** `text`: the interned symbol with that name. */
  SYMBOL: 40002,
  /** `text`: a fresh uninterned symbol. */
  UNINTERNED: 40003,
  /** `uint`: the char with that code point. */
  CHAR: 40004,
  /** `bytes(8)`: an integral flonum as big-endian IEEE 754 binary64 (2.0, -0.0, 1e300). */
  FLONUM: 40005,
  /** `[numerator, denominator]`: an exact non-integral rational. */
  RATIO: 40006,
  /** `null`: the eof object. */
  EOF: 40007,
  /** `[car1, …, carN, tail]`: a chain of N fresh pairs. */
  LIST: 40008,
  /** `[item…]`: a vector. */
  VECTOR: 40009,
  /** `[name, uid, [fieldName…]]`: a record type. */
  RECORD_TYPE: 40010,
  /** `[typeRef, field…]`: a record. */
  RECORD: 40011,
  /** `[kind, message, who, irritant…]`: an error object. */
  ERROR: 40012,
  /** `[value…]`: multiple values. */
  VALUES: 40013,
  /** `[tagName, field…]`: an object described by the application (pid, tag, closure…). */
  DESCRIBED: 40014,
  /** `[module, id, hash]`: a reference to code, resolved by the receiver. */
  CODE: 40015,
  /** `[real, imag]`: a non-real complex number; each part a real number form, exact or inexact. */
  COMPLEX: 40016,
} as const;

/** Standard CBOR bignum tags (RFC 8949 §3.4.3), used for exact integers beyond 64 bits. */
export const POSITIVE_BIGNUM = 2;
export const NEGATIVE_BIGNUM = 3;

const names: Record<number, string> = {};
for (const [name, tag] of Object.entries(Tags)) names[tag] = name;

/** `LIST` for 40008, or the number itself for a tag we do not define. */
export function tagName(tag: number): string {
  return names[tag] ?? String(tag);
}

/** True for the tags a message may contain. */
export function isKnownTag(tag: number): boolean {
  return (tag >= Tags.MESSAGE && tag <= Tags.COMPLEX) || tag === POSITIVE_BIGNUM || tag === NEGATIVE_BIGNUM;
}
