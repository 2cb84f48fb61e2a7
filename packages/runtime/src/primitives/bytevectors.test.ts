import { describe, expect, it } from "vitest";
import { bytevectorRef } from "./bytevectors.js";
import { call, callError, w } from "./test-helpers.js";

const bytes = (...xs: number[]) => new Uint8Array(xs);

describe("bytevectors", () => {
  it("bytevector? make-bytevector bytevector bytevector-length", () => {
    expect(call("bytevector?", bytes(1))).toBe(true);
    expect(call("bytevector?", [1])).toBe(false);
    expect(w("make-bytevector", 3, 7)).toBe("#u8(7 7 7)");
    expect(w("make-bytevector", 2)).toBe("#u8(0 0)");
    expect(w("bytevector", 1, 255)).toBe("#u8(1 255)");
    expect(callError("bytevector", 1, 256).message).toContain("a byte");
    expect(callError("make-bytevector", 2, -1).who).toBe("make-bytevector");
    expect(call("bytevector-length", bytes(1, 2))).toBe(2);
    expect(callError("bytevector-length", [1]).message).toContain("a bytevector");
  });

  it("bytevector-u8-ref bytevector-u8-set!", () => {
    const bv = bytes(1, 2, 3);
    expect(call("bytevector-u8-ref", bv, 2)).toBe(3);
    call("bytevector-u8-set!", bv, 0, 255);
    expect(bytevectorRef(bv, 0)).toBe(255);
    expect(callError("bytevector-u8-ref", bv, 3).message).toContain("index out of range");
    expect(callError("bytevector-u8-set!", bv, 0, 256).who).toBe("bytevector-u8-set!");
  });

  it("bytevector-copy bytevector-copy! bytevector-append", () => {
    const bv = bytes(1, 2, 3, 4, 5);
    expect(w("bytevector-copy", bv, 2)).toBe("#u8(3 4 5)");
    expect(w("bytevector-copy", bv, 2, 4)).toBe("#u8(3 4)");
    expect(call("bytevector-copy", bv)).not.toBe(bv);
    call("bytevector-copy!", bv, 1, bv, 0, 3);
    expect(Array.from(bv)).toEqual([1, 1, 2, 3, 5]);
    expect(callError("bytevector-copy!", bv, 4, bytes(1, 2)).message).toContain("not enough room");
    expect(w("bytevector-append", bytes(1), bytes(), bytes(2, 3))).toBe("#u8(1 2 3)");
    expect(callError("bytevector-append", bytes(1), [2]).message).toContain("argument 2");
  });
});
