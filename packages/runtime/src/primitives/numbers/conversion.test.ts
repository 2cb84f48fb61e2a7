import { describe, expect, it } from "vitest";
import { call, callError, fl, num, str, w } from "../test-helpers.js";

describe("exact and inexact", () => {
  it("exact turns flonums into the rationals they denote", () => {
    expect(w("exact", 2.5)).toBe("5/2");
    expect(call("exact", fl(2))).toBe(2);
    expect(call("exact", fl(-0))).toBe(0);
    expect(w("exact", 0.1)).toBe("3602879701896397/36028797018963968");
    expect(w("exact", fl(1e20))).toBe("100000000000000000000");
    expect(w("exact", num("1/3"))).toBe("1/3");
    expect(call("exact", 7)).toBe(7);
  });

  it("exact refuses infinities and NaN", () => {
    const e = callError("exact", Number.POSITIVE_INFINITY);
    expect(e.who).toBe("exact");
    expect(e.message).toBe("no exact representation");
    expect(callError("exact", Number.NaN).who).toBe("exact");
    expect(callError("exact", str("1")).message).toContain("a number");
  });

  it("inexact rounds to the nearest double", () => {
    expect(w("inexact", 2)).toBe("2.0");
    expect(w("inexact", num("1/3"))).toBe("0.3333333333333333");
    expect(w("inexact", 2n ** 1024n)).toBe("+inf.0");
    expect(w("inexact", num("1/3") as unknown)).toBe("0.3333333333333333");
    // Numerator and denominator beyond double range: still the correctly rounded quotient.
    expect(w("inexact", call("/", 10n ** 400n, 3n * 10n ** 399n))).toBe("3.3333333333333335");
    expect(w("inexact", 2.5)).toBe("2.5");
    expect(callError("inexact", str("1")).who).toBe("inexact");
  });

  it("has the R5RS names", () => {
    expect(w("exact->inexact", num("1/4"))).toBe("0.25");
    expect(w("inexact->exact", 0.25)).toBe("1/4");
    expect(callError("inexact->exact", Number.NaN).who).toBe("inexact->exact");
    expect(callError("exact->inexact", null).who).toBe("exact->inexact");
  });
});

describe("number->string and string->number", () => {
  it("writes numbers in a radix", () => {
    expect(w("number->string", 255, 16)).toBe('"ff"');
    expect(w("number->string", 255)).toBe('"255"');
    expect(w("number->string", -5, 2)).toBe('"-101"');
    expect(w("number->string", num("1/3"))).toBe('"1/3"');
    expect(w("number->string", fl(2))).toBe('"2.0"');
    expect(w("number->string", 2n ** 64n, 8)).toBe('"2000000000000000000000"');
    expect(callError("number->string", 1, 7).message).toContain("radix");
    expect(callError("number->string", str("1")).who).toBe("number->string");
  });

  it("reads numbers, or answers #f", () => {
    expect(call("string->number", str("#xff"))).toBe(255);
    expect(call("string->number", str("ff"), 16)).toBe(255);
    expect(call("string->number", str("101"), 2)).toBe(5);
    expect(w("string->number", str("1/3"))).toBe("1/3");
    expect(w("string->number", str("1e3"))).toBe("1000.0");
    expect(w("string->number", str("#e1.5"))).toBe("3/2");
    expect(call("string->number", str("abc"))).toBe(false);
    expect(call("string->number", str(""))).toBe(false);
    expect(callError("string->number", str("1"), 3).message).toContain("radix");
    expect(callError("string->number", 1).who).toBe("string->number");
  });
});

describe("edge cases across the tower", () => {
  it("exact of large and tiny doubles", () => {
    expect(call("exact", fl(1e300))).toBe(BigInt(1e300));
    expect(w("exact", 5e-324)).toMatch(/^1\/2024022533/);
    expect(w("inexact", call("exact", 5e-324))).toBe("5e-324");
    expect(w("inexact", call("exact", 0.1))).toBe("0.1");
  });

  it("comparisons between rationals and bigints", () => {
    expect(call("<", num("1/3"), 2n ** 80n)).toBe(true);
    expect(call(">", num("-1/3"), -(2n ** 80n))).toBe(true);
    expect(call("=", num("4/2"), 2)).toBe(true);
  });
});
