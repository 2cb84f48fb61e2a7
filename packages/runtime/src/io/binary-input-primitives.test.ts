import { EOF, string, write } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { raised, testNode } from "./test-helpers.js";

describe("binary input", () => {
  it("read-u8 and peek-u8 step through the bytes, then EOF", () => {
    const { call } = testNode();
    const p = call("open-input-bytevector", Uint8Array.of(1, 255));
    expect(call("peek-u8", p)).toBe(1);
    expect(call("read-u8", p)).toBe(1);
    expect(call("read-u8", p)).toBe(255);
    expect(call("peek-u8", p)).toBe(EOF);
    expect(call("read-u8", p)).toBe(EOF);
  });

  it("u8-ready? is always true: binary ports never wait", () => {
    const { call } = testNode();
    const p = call("open-input-bytevector", new Uint8Array(0));
    expect(call("u8-ready?", p)).toBe(true);
  });

  it("read-bytevector reads up to k bytes, then EOF", () => {
    const { call } = testNode();
    const p = call("open-input-bytevector", Uint8Array.of(1, 2, 3));
    expect(write(call("read-bytevector", 0, p))).toBe("#u8()");
    expect(write(call("read-bytevector", 2, p))).toBe("#u8(1 2)");
    expect(write(call("read-bytevector", 5, p))).toBe("#u8(3)");
    expect(call("read-bytevector", 1, p)).toBe(EOF);
  });

  it("read-bytevector! fills [start, end) and returns the count, EOF when nothing is left", () => {
    const { call } = testNode();
    const p = call("open-input-bytevector", Uint8Array.of(1, 2, 3));
    const bv = new Uint8Array(5);
    expect(call("read-bytevector!", bv, p, 1, 3)).toBe(2);
    expect(write(bv)).toBe("#u8(0 1 2 0 0)");
    expect(call("read-bytevector!", bv, p)).toBe(1);
    expect(write(bv)).toBe("#u8(3 1 2 0 0)");
    expect(call("read-bytevector!", bv, p, 2, 2)).toBe(0);
    expect(call("read-bytevector!", bv, p)).toBe(EOF);
  });

  it("checks its arguments", () => {
    const { call } = testNode();
    const textual = call("open-input-string", string("x"));
    expect(raised(() => call("read-u8", textual)).message).toContain("binary input port");
    expect(raised(() => call("peek-u8", textual)).who).toBe("peek-u8");
    expect(raised(() => call("u8-ready?", textual)).who).toBe("u8-ready?");
    const p = call("open-input-bytevector", Uint8Array.of(1));
    expect(raised(() => call("read-bytevector", -2, p)).who).toBe("read-bytevector");
    expect(raised(() => call("read-bytevector!", new Uint8Array(2), p, 0, 3)).message).toContain(
      "out of range",
    );
  });

  it("the console is textual: read-u8 from the current input port is an error", () => {
    const { call } = testNode();
    expect(raised(() => call("read-u8")).message).toContain("binary input port");
  });
});
