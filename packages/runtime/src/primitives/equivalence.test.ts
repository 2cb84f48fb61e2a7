import { describe, expect, it } from "vitest";
import { call, fl, lst, num, str, sym } from "./test-helpers.js";

describe("eq? eqv? equal?", () => {
  it("eq? is identity", () => {
    expect(call("eq?", sym("a"), sym("a"))).toBe(true);
    expect(call("eq?", null, null)).toBe(true);
    expect(call("eq?", 5, 5)).toBe(true);
    expect(call("eq?", str("a"), str("a"))).toBe(false);
    expect(call("eq?", lst(1), lst(1))).toBe(false);
  });

  it("eqv? compares numbers by exactness and value", () => {
    expect(call("eqv?", fl(2), fl(2))).toBe(true);
    expect(call("eqv?", 2, fl(2))).toBe(false);
    expect(call("eqv?", fl(0), fl(-0))).toBe(false);
    expect(call("eqv?", num("1/2"), num("2/4"))).toBe(true);
    expect(call("eqv?", 2n ** 70n, 2n ** 70n)).toBe(true);
    expect(call("eqv?", str("a"), str("a"))).toBe(false);
  });

  it("equal? compares structure", () => {
    expect(call("equal?", lst(1, str("a"), [2, 3]), lst(1, str("a"), [2, 3]))).toBe(true);
    expect(call("equal?", lst(1, 2), lst(1, 3))).toBe(false);
    expect(call("equal?", new Uint8Array([1]), new Uint8Array([1]))).toBe(true);
    expect(call("equal?", 2, fl(2))).toBe(false);
  });
});
