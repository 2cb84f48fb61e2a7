// ## Checking the bytes before cbor-x sees them
//
// cbor-x decodes recursively, trusts lengths and understands tags we never write (shared values,
// records, typed arrays). So every message is first walked here, header by header, without
// recursion and without allocating: it must be one well-formed CBOR item using only what Termite
// writes, no deeper than a Termite message can be, with every length fitting in the bytes left.
// Only then is it handed to cbor-x, which can then neither overflow, nor allocate absurdly, nor
// build anything but plain arrays, strings, numbers and `Tag`s.

import { DecodeError } from "./errors.js";
import { isKnownTag, NEGATIVE_BIGNUM, POSITIVE_BIGNUM } from "./tags.js";

/** Deepest nesting a valid message has (MESSAGE, its array, the table, a form, its array, COMPLEX,
 * its array, RATIO, its array, a bignum tag, its byte string) plus headroom. */
export const MAX_CBOR_DEPTH = 14;

/** Throws a `DecodeError` unless `bytes` is one item of the CBOR subset Termite writes. */
export function checkWellFormed(
  bytes: Uint8Array,
  limits: { maxLength: number; maxObjects: number; maxBignumBytes: number },
): void {
  const { maxLength, maxObjects, maxBignumBytes } = limits;
  const end = bytes.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // remaining[d] = items still expected at depth d.
  const remaining: number[] = [1];
  let pos = 0;
  // Set after tag 2 or 3: the next item must be a byte string of bounded size, because cbor-x turns
  // bignum bytes into a BigInt in time quadratic in their length.
  let bignumNext = false;
  while (remaining.length > 0) {
    const top = remaining.length - 1;
    if (remaining[top] === 0) {
      remaining.pop();
      continue;
    }
    remaining[top]!--;
    const start = pos;
    if (pos >= end)
      throw new DecodeError("truncated", "the message ends in the middle of an item", `byte ${pos}`);
    const initial = bytes[pos++]!;
    const major = initial >> 5;
    const info = initial & 31;
    if (bignumNext && major !== 2) {
      throw new DecodeError("bad-form", "a bignum tag must hold a byte string", `byte ${start}`);
    }
    let arg: number;
    if (info < 24) arg = info;
    else if (info === 24) {
      if (pos + 1 > end) throw truncated(start);
      arg = bytes[pos]!;
      pos += 1;
    } else if (info === 25) {
      if (pos + 2 > end) throw truncated(start);
      arg = view.getUint16(pos);
      pos += 2;
    } else if (info === 26) {
      if (pos + 4 > end) throw truncated(start);
      arg = view.getUint32(pos);
      pos += 4;
    } else if (info === 27) {
      if (pos + 8 > end) throw truncated(start);
      // Exact below 2^53; above, only its size matters (it can only be rejected as a length).
      arg = view.getUint32(pos) * 2 ** 32 + view.getUint32(pos + 4);
      pos += 8;
    } else if (info === 31) {
      throw new DecodeError(
        "unsupported-cbor",
        major === 7 ? "unexpected break code" : "indefinite-length items are not used by Termite",
        `byte ${start}`,
      );
    } else {
      throw new DecodeError("malformed", `reserved additional information ${info}`, `byte ${start}`);
    }
    switch (major) {
      case 0:
      case 1:
        break;
      case 2:
      case 3: {
        if (arg > end - pos) {
          throw new DecodeError(
            "truncated",
            `a string of ${arg} bytes does not fit in the ${end - pos} bytes left`,
            `byte ${start}`,
          );
        }
        if (arg > maxLength) throw tooLong(start, arg, maxLength);
        if (bignumNext && arg > maxBignumBytes) {
          throw new DecodeError(
            "limit",
            `a bignum of ${arg} bytes exceeds the limit of ${maxBignumBytes}`,
            `byte ${start}`,
          );
        }
        bignumNext = false;
        pos += arg;
        break;
      }
      case 4: {
        // Each item takes at least one byte: a count beyond the bytes left is a lie.
        if (arg > end - pos) {
          throw new DecodeError(
            "truncated",
            `an array of ${arg} items does not fit in the ${end - pos} bytes left`,
            `byte ${start}`,
          );
        }
        // At depth 3 (inside MESSAGE's array) an array is the object table, bounded by maxObjects.
        const limit = remaining.length === 3 ? maxObjects : maxLength;
        if (arg > limit) throw tooLong(start, arg, limit);
        if (arg > 0) push(remaining, arg, start);
        break;
      }
      case 5:
        throw new DecodeError("unsupported-cbor", "maps are not used by Termite", `byte ${start}`);
      case 6:
        if (!isKnownTag(arg))
          throw new DecodeError("unknown-tag", `unknown CBOR tag ${arg}`, `byte ${start}`);
        bignumNext = arg === POSITIVE_BIGNUM || arg === NEGATIVE_BIGNUM;
        push(remaining, 1, start);
        break;
      default: {
        if (info >= 20 && info <= 23) break; // false, true, null, undefined
        if (info < 25) throw new DecodeError("unsupported-cbor", `simple value ${arg}`, `byte ${start}`);
        const value =
          info === 25 ? halfToNumber(arg) : info === 26 ? view.getFloat32(pos - 4) : view.getFloat64(pos - 8);
        if (Number.isInteger(value) || Object.is(value, -0)) {
          throw new DecodeError(
            "integral-float",
            `the integral flonum ${Object.is(value, -0) ? "-0.0" : `${value}.0`} must be written as a FLONUM tag, not a plain float`,
            `byte ${start}`,
          );
        }
      }
    }
  }
  if (pos !== end)
    throw new DecodeError("malformed", `${end - pos} bytes after the end of the message`, `byte ${pos}`);
}

function push(remaining: number[], count: number, start: number): void {
  if (remaining.length >= MAX_CBOR_DEPTH) {
    throw new DecodeError("too-deep", `items nested deeper than ${MAX_CBOR_DEPTH} levels`, `byte ${start}`);
  }
  remaining.push(count);
}

function truncated(start: number): DecodeError {
  return new DecodeError("truncated", "the message ends in the middle of an item header", `byte ${start}`);
}

function tooLong(start: number, length: number, max: number): DecodeError {
  return new DecodeError("limit", `length ${length} exceeds the limit of ${max}`, `byte ${start}`);
}

/** IEEE 754 binary16 to a number (RFC 8949 Appendix D). */
function halfToNumber(half: number): number {
  const exponent = (half >> 10) & 0x1f;
  const mantissa = half & 0x3ff;
  let value: number;
  if (exponent === 0) value = mantissa * 2 ** -24;
  else if (exponent === 31) value = mantissa === 0 ? Number.POSITIVE_INFINITY : Number.NaN;
  else value = (mantissa + 1024) * 2 ** (exponent - 25);
  return half & 0x8000 ? -value : value;
}
