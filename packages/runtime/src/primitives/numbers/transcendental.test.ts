import { describe, expect, it } from "vitest";
import { call, callError, fl, num, str, w } from "../test-helpers.js";
import { iroot, isqrt } from "./transcendental.js";

describe("sqrt", () => {
  it("is exact on exact perfect squares", () => {
    expect(call("sqrt", 16)).toBe(4);
    expect(call("sqrt", 0)).toBe(0);
    expect(w("sqrt", num("9/4"))).toBe("3/2");
    expect(w("sqrt", 10n ** 40n)).toBe("100000000000000000000");
  });

  it("is a flonum otherwise", () => {
    expect(w("sqrt", 2)).toBe("1.4142135623730951");
    expect(w("sqrt", fl(16))).toBe("4.0");
    expect(w("sqrt", num("1/2"))).toBe("0.7071067811865476");
    expect(call("sqrt", 2n ** 2001n)).toStrictEqual(fl(Math.SQRT2 * 2 ** 1000));
    expect(w("sqrt", fl(-0))).toBe("-0.0");
    expect(w("sqrt", Number.NaN)).toBe("+nan.0");
  });

  it("answers a pure imaginary number for a negative argument", () => {
    expect(w("sqrt", -4)).toBe("+2i");
    expect(w("sqrt", -2.25)).toBe("+1.5i");
    expect(w("sqrt", num("-1/4"))).toBe("+1/2i");
    expect(callError("sqrt", str("4")).message).toContain("a number");
  });

  it("integer roots are floors", () => {
    expect(isqrt(99n)).toBe(9n);
    expect(isqrt(10n ** 30n - 1n)).toBe(10n ** 15n - 1n);
    expect(iroot(1000n, 3n)).toBe(10n);
    expect(iroot(999n, 3n)).toBe(9n);
  });
});

describe("exact-integer-sqrt", () => {
  it("returns the root and the rest", () => {
    expect(w("exact-integer-sqrt", 17)).toBe("4 1");
    expect(w("exact-integer-sqrt", 4)).toBe("2 0");
    expect(w("exact-integer-sqrt", 0)).toBe("0 0");
    expect(w("exact-integer-sqrt", 10n ** 40n + 5n)).toBe("100000000000000000000 5");
    expect(callError("exact-integer-sqrt", -1).who).toBe("exact-integer-sqrt");
    expect(callError("exact-integer-sqrt", fl(4)).message).toContain("exact non-negative integer");
  });
});

describe("expt", () => {
  it("is exact for exact bases and integer exponents", () => {
    expect(call("expt", 2, 10)).toBe(1024);
    expect(call("expt", 2, 100)).toBe(2n ** 100n);
    expect(call("expt", 0, 0)).toBe(1);
    expect(call("expt", -3, 3)).toBe(-27);
    expect(w("expt", 2, -2)).toBe("1/4");
    expect(w("expt", num("2/3"), 3)).toBe("8/27");
    expect(w("expt", num("2/3"), -2)).toBe("9/4");
    expect(call("expt", 1, 10n ** 30n)).toBe(1);
    expect(call("expt", -1, 10n ** 30n + 1n)).toBe(-1);
    expect(call("expt", 3, 33)).toBe(5559060566555523);
  });

  it("takes exact roots when they exist", () => {
    expect(call("expt", 4, num("1/2"))).toBe(2);
    expect(w("expt", num("8/27"), num("2/3"))).toBe("4/9");
    expect(w("expt", 4, num("-1/2"))).toBe("1/2");
    expect(w("expt", 2, num("1/2"))).toBe("1.4142135623730951");
  });

  it("is inexact when an argument is", () => {
    expect(w("expt", fl(2), 3)).toBe("8.0");
    expect(w("expt", 2, fl(3))).toBe("8.0");
    expect(w("expt", 2.5, 2)).toBe("6.25");
    expect(w("expt", fl(0), 0)).toBe("1.0");
    expect(w("expt", 0, 2.5)).toBe("0.0");
    expect(w("expt", fl(-8), fl(3))).toBe("-512.0");
  });

  it("signals what it cannot represent", () => {
    expect(callError("expt", 0, -1).message).toBe("division by zero");
    expect(callError("expt", 0, num("-1+i")).message).toBe("division by zero");
    expect(callError("expt", 2, 10n ** 30n).message).toBe("result too large to represent");
    expect(callError("expt", str("2"), 1).who).toBe("expt");
  });
});

describe("exp log and trigonometry", () => {
  it("exp and log", () => {
    expect(call("exp", 0)).toBe(1);
    expect(w("exp", 1)).toBe("2.718281828459045");
    expect(call("log", 1)).toBe(0);
    expect(w("log", fl(1))).toBe("0.0");
    expect(w("log", 0)).toBe("-inf.0");
    expect(w("log", 8, 2)).toBe("3.0");
    expect(w("log", 1000, 10)).toBe("3.0");
    expect(w("log", 2n ** 2000n, 2)).toBe("2000.0");
    expect(call("log", 81, 3)).toBeCloseTo(4, 12);
    expect(Math.abs((call("log", 10n ** 400n) as number) - 400 * Math.LN10)).toBeLessThan(1e-9);
    expect(w("log", -1)).toBe("+3.141592653589793i");
    expect(callError("log", str("1"), 2).who).toBe("log");
    expect(callError("exp", str("1")).who).toBe("exp");
  });

  it("sin cos tan", () => {
    expect(call("sin", 0)).toBe(0);
    expect(call("cos", 0)).toBe(1);
    expect(call("tan", 0)).toBe(0);
    expect(w("sin", fl(0))).toBe("0.0");
    expect(call("cos", Math.PI)).toStrictEqual(fl(-1));
    expect(call("tan", 1)).toBeCloseTo(1.5574077246549023);
    expect(callError("sin", str("0")).who).toBe("sin");
  });

  it("asin acos atan", () => {
    expect(call("asin", 0)).toBe(0);
    expect(call("acos", 1)).toBe(0);
    expect(call("asin", 1)).toBe(Math.PI / 2);
    expect(call("acos", fl(-1))).toBe(Math.PI);
    expect(w("acos", -1.5)).toBe(`3.141592653589793-${Math.acosh(1.5)}i`);
    expect(callError("acos", str("1")).who).toBe("acos");
    expect(call("atan", 0)).toBe(0);
    expect(call("atan", 1)).toBe(Math.PI / 4);
    expect(call("atan", 1, -1)).toBe((3 * Math.PI) / 4);
    expect(w("atan", fl(0), 1)).toBe("0.0");
    expect(callError("atan", 0, 0).message).toBe("division by zero");
  });
});
