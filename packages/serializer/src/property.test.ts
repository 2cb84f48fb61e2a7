import { isEqual, list, MString, Pair } from "@termite/datum";
import { decodeAllSync } from "cbor";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CodeReferenceError, DecodeError, decodeSync, encode } from "./index.js";
import { datumArbitrary } from "./testing/datum-arbitrary.js";

describe("properties", () => {
  it("round-trips random data to equal? values", () => {
    fc.assert(
      fc.property(datumArbitrary, (value) => {
        expect(isEqual(decodeSync(encode(value)), value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps an object referred to twice one object", () => {
    fc.assert(
      fc.property(datumArbitrary, (value) => {
        const [a, b] = decodeSync(encode([value, list([value])])) as [unknown, Pair];
        expect(isEqual(a, value)).toBe(true);
        const hasIdentity =
          value instanceof Pair ||
          Array.isArray(value) ||
          value instanceof MString ||
          value instanceof Uint8Array;
        if (hasIdentity) expect(b.car).toBe(a);
      }),
      { numRuns: 300 },
    );
  });

  it("writes well-formed CBOR, as an independent decoder (the cbor package) reads it", () => {
    fc.assert(
      fc.property(datumArbitrary, (value) => {
        const items = decodeAllSync(encode(value));
        expect(items).toHaveLength(1);
        expect(items[0]).toMatchObject({ tag: 40000 });
        expect((items[0] as { value: unknown[] }).value[0]).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});

/** Decoding may succeed or refuse, but only with our own errors: never a crash or a RangeError. */
const decodesCleanly = (bytes: Uint8Array): void => {
  try {
    decodeSync(bytes, { unknownTags: "keep" });
  } catch (e) {
    if (DecodeError.isInstance(e) || CodeReferenceError.isInstance(e)) return;
    throw e;
  }
};

describe("fuzzing the decoder", () => {
  it("refuses random bytes cleanly", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), decodesCleanly), { numRuns: 2000 });
  });

  it("refuses random bytes after a valid header cleanly", () => {
    const header = Uint8Array.from([0xd9, 0x9c, 0x40, 0x83, 0x01]);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (tail) =>
        decodesCleanly(Uint8Array.from([...header, ...tail])),
      ),
      { numRuns: 2000 },
    );
  });

  it("refuses mutated valid messages cleanly", () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant("set" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant("insert" as const),
        at: fc.nat(),
        byte: fc.integer({ min: 0, max: 255 }),
      }),
      fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(datumArbitrary, fc.array(mutation, { minLength: 1, maxLength: 4 }), (value, mutations) => {
        let bytes = [...encode(value)];
        for (const m of mutations) {
          const at = m.at % (bytes.length + 1);
          if (m.kind === "set") bytes[at % bytes.length] = m.byte;
          else if (m.kind === "cut") bytes = bytes.slice(0, at);
          else if (m.kind === "insert") bytes.splice(at, 0, m.byte);
          else bytes.splice(at, 1);
          if (bytes.length === 0) break;
        }
        decodesCleanly(Uint8Array.from(bytes));
      }),
      { numRuns: 2000 },
    );
  });
});
