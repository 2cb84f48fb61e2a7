import { describe, expect, it } from "vitest";
import { call, callError, fl, num, str, sym } from "../test-helpers.js";

const INF = Number.POSITIVE_INFINITY;
const NAN = Number.NaN;

describe("number type predicates", () => {
  it("number? complex? real? accept every number and nothing else", () => {
    for (const name of ["number?", "complex?", "real?"]) {
      for (const x of [1, 2n ** 70n, num("1/2"), 1.5, fl(2), INF, NAN])
        expect(call(name, x), name).toBe(true);
      for (const x of [str("1"), sym("a"), null, false]) expect(call(name, x), name).toBe(false);
    }
  });

  it("rational? excludes infinities and NaN", () => {
    expect(call("rational?", num("1/2"))).toBe(true);
    expect(call("rational?", 1.5)).toBe(true);
    expect(call("rational?", fl(2))).toBe(true);
    expect(call("rational?", INF)).toBe(false);
    expect(call("rational?", NAN)).toBe(false);
    expect(call("rational?", str("1"))).toBe(false);
  });

  it("integer? includes integral flonums", () => {
    expect(call("integer?", 3)).toBe(true);
    expect(call("integer?", fl(3))).toBe(true);
    expect(call("integer?", 2n ** 70n)).toBe(true);
    expect(call("integer?", 3.5)).toBe(false);
    expect(call("integer?", num("8/4"))).toBe(true);
    expect(call("integer?", num("1/2"))).toBe(false);
    expect(call("integer?", INF)).toBe(false);
    expect(call("integer?", sym("x"))).toBe(false);
  });

  it("exact? inexact? exact-integer?", () => {
    expect(call("exact?", 2)).toBe(true);
    expect(call("exact?", fl(2))).toBe(false);
    expect(call("exact?", num("1/2"))).toBe(true);
    expect(call("exact?", 2n ** 70n)).toBe(true);
    expect(call("inexact?", fl(2))).toBe(true);
    expect(call("inexact?", 0.5)).toBe(true);
    expect(call("inexact?", 1)).toBe(false);
    expect(call("inexact?", num("1/2"))).toBe(false);
    expect(callError("exact?", str("1")).who).toBe("exact?");
    expect(callError("inexact?", null).who).toBe("inexact?");
    expect(call("exact-integer?", 32)).toBe(true);
    expect(call("exact-integer?", fl(32))).toBe(false);
    expect(call("exact-integer?", num("32/5"))).toBe(false);
    expect(call("exact-integer?", str("32"))).toBe(false);
  });

  it("finite? infinite? nan?", () => {
    expect(call("finite?", 3)).toBe(true);
    expect(call("finite?", INF)).toBe(false);
    expect(call("finite?", num("1/3"))).toBe(true);
    expect(call("finite?", fl(1e300))).toBe(true);
    expect(call("infinite?", -INF)).toBe(true);
    expect(call("infinite?", NAN)).toBe(false);
    expect(call("infinite?", 2n ** 2000n)).toBe(false);
    expect(call("nan?", NAN)).toBe(true);
    expect(call("nan?", 1)).toBe(false);
    expect(call("nan?", fl(0))).toBe(false);
    expect(callError("finite?", str("1")).who).toBe("finite?");
    expect(callError("infinite?", str("1")).who).toBe("infinite?");
    expect(callError("nan?", str("1")).who).toBe("nan?");
  });
});
