// Hand-made bad messages, one per reason, each pinned by its code. Bytes are written in hex with
// the CBOR diagnostic form beside them.

import { list, string } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { DecodeError, decodeSync, encode } from "./index.js";

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ""), "hex"));

// 40000([1, <root>, [<objects>]]) with the given hex for root and table.
const message = (root: string, objects: string[] = []): Uint8Array =>
  hex(`d99c40 83 01 ${root} ${(0x80 + objects.length).toString(16)} ${objects.join(" ")}`);

const codeOf = (bytes: Uint8Array, options = {}): string => {
  try {
    decodeSync(bytes, options);
  } catch (e) {
    if (!DecodeError.isInstance(e)) throw e;
    return e.code;
  }
  return "decoded";
};

describe("malformed messages give a DecodeError with a stable code", () => {
  it("accepts the hand-made minimal messages", () => {
    expect(decodeSync(message("05"))).toBe(5);
    expect(String(decodeSync(message("d99c4100", ["6161"])))).toBe("a");
  });

  it("rejects truncated input at every cut", () => {
    const bytes = encode(list([1, string("two"), [3.5, 2n ** 70n]]));
    for (let cut = 0; cut < bytes.length; cut++) expect(codeOf(bytes.subarray(0, cut))).toBe("truncated");
  });

  it("rejects absurd lengths without allocating", () => {
    expect(codeOf(message("9bffffffffffffffff"))).toBe("truncated"); // array of 2^64-1 items
    expect(codeOf(message("7a7fffffff"))).toBe("truncated"); // text of 2^31-1 bytes
    expect(codeOf(message("d99c4100", ["d99c49 9a0fffffff"]))).toBe("truncated");
  });

  it("rejects items after the message and non-messages", () => {
    expect(codeOf(hex("d99c40 83 01 05 80 00"))).toBe("malformed");
    expect(codeOf(hex("83 01 05 80"))).toBe("bad-version");
    expect(codeOf(hex("d99c40 82 01 05"))).toBe("bad-version");
    expect(codeOf(hex("d99c40 83 02 05 80"))).toBe("bad-version");
    expect(codeOf(hex(""))).toBe("truncated");
  });

  it("rejects CBOR Termite never writes", () => {
    expect(codeOf(message("a0"))).toBe("unsupported-cbor"); // a map
    expect(codeOf(message("9f ff"))).toBe("unsupported-cbor"); // indefinite array
    expect(codeOf(message("f0"))).toBe("unsupported-cbor"); // simple(16)
    expect(codeOf(message("d81c 05"))).toBe("unknown-tag"); // cbor-x's shared-value tag 28
    expect(codeOf(message("c1 05"))).toBe("unknown-tag");
    expect(codeOf(message("fb 4000000000000000"))).toBe("integral-float"); // 2.0 as a plain float
    expect(codeOf(message("f9 8000"))).toBe("integral-float"); // -0.0 as a half float
    expect(codeOf(message("c2 05"))).toBe("bad-form"); // bignum tag around an integer
    expect(codeOf(message("1c"))).toBe("malformed"); // reserved additional information
  });

  it("rejects deep nesting without recursion", () => {
    const deep = `${"81".repeat(100_000)}00`;
    expect(codeOf(message(deep))).toBe("too-deep");
    expect(codeOf(message(`${"d99c41".repeat(100_000)}00`))).toBe("too-deep");
  });

  it("rejects wrong tags, arities and field types, naming the object", () => {
    expect(codeOf(message("d99c4105", ["6161"]))).toBe("bad-index"); // REF past the table
    expect(codeOf(message("d99c41 20", ["6161"]))).toBe("bad-index"); // REF -1
    expect(codeOf(message("d99c48 81 01"))).toBe("bad-form"); // LIST inline
    expect(codeOf(message("d99c4100", ["d99c48 81 01"]))).toBe("bad-form"); // LIST of one item
    expect(codeOf(message("d99c4100", ["05"]))).toBe("bad-form"); // an integer as a table object
    expect(codeOf(message("d99c4100", ["d99c41 00"]))).toBe("bad-form"); // REF as a table object
    expect(codeOf(message("d99c42 05"))).toBe("bad-form"); // SYMBOL of an integer
    expect(codeOf(message("d99c44 1a0011 0000"))).toBe("bad-form"); // CHAR 0x110000
    expect(codeOf(message("d99c44 19d800"))).toBe("bad-form"); // CHAR of a surrogate
    expect(codeOf(message("d99c45 43 000000"))).toBe("bad-form"); // FLONUM of 3 bytes
    expect(codeOf(message("d99c46 82 01 00"))).toBe("bad-form"); // RATIO 1/0
    expect(codeOf(message("d99c50 82 01 00"))).toBe("bad-form"); // COMPLEX 1+0i: a real
    expect(codeOf(message("d99c50 82 01 6161"))).toBe("bad-form"); // COMPLEX with a string part
    expect(codeOf(message("d99c50 81 01"))).toBe("bad-form"); // COMPLEX of one part
    expect(codeOf(message("d99c47 01"))).toBe("bad-form"); // EOF of 1
    expect(codeOf(message("d99c4100", ["d99c4b 81 01"]))).toBe("bad-index"); // RECORD without a type REF
    expect(codeOf(message("d99c4100", ["d99c4c 83 6478787878 61 6d f7"]))).toBe("bad-form"); // ERROR kind "xxxx"
    expect(codeOf(message("d99c4100", ["d99c4f 82 61 6d 61 69"]))).toBe("bad-form"); // CODE of 2 items
    expect(codeOf(message("82 01 02"))).toBe("bad-form"); // a bare array
    const error = (() => {
      try {
        decodeSync(message("d99c4100", ["d99c4100", "d99c48 82 d99c41 07 f6"]));
      } catch (e) {
        return e as DecodeError;
      }
    })();
    expect(error?.code).toBe("bad-form");
    expect(error?.message).toBe("object 0: a REF form cannot be a table object");
    expect(codeOf(message("d99c4101", ["6161", "d99c48 82 d99c41 07 f6"]))).toBe("bad-index");
    expect(
      (() => {
        try {
          decodeSync(message("d99c4101", ["6161", "d99c48 82 d99c41 07 f6"]));
        } catch (e) {
          return (e as Error).message;
        }
      })(),
    ).toBe("object 1, field 0: REF 7 is outside the table of 2 objects");
  });

  it("enforces the size limits", () => {
    const bytes = encode(list([string("x".repeat(100)), [1, 2, 3, 4, 5]]));
    expect(codeOf(bytes, { maxBytes: 10 })).toBe("limit");
    expect(codeOf(bytes, { maxLength: 50 })).toBe("limit");
    expect(codeOf(encode([1, 2, 3, 4, 5]), { maxLength: 4, maxObjects: 4 })).toBe("limit");
    expect(codeOf(encode(list([[1], [2], [3]])), { maxObjects: 2 })).toBe("limit");
    expect(codeOf(encode(2n ** 80000n), { maxBignumBytes: 8192 })).toBe("limit");
    expect(codeOf(encode(2n ** 8000n))).toBe("decoded");
  });
});
