import { describe, expect, it } from "vitest";
import { flonumToString, numberToString } from "./number-text.js";
import { Complex, exactInteger, exactRational, flonum } from "./values.js";

describe("numberToString", () => {
  it("writes exact integers in radix 2, 8, 10 and 16", () => {
    expect(numberToString(255)).toBe("255");
    expect(numberToString(255, 2)).toBe("11111111");
    expect(numberToString(255, 8)).toBe("377");
    expect(numberToString(255, 16)).toBe("ff");
    expect(numberToString(-42, 16)).toBe("-2a");
    expect(numberToString(0)).toBe("0");
  });

  it("writes bigints in full", () => {
    expect(numberToString(2n ** 100n)).toBe("1267650600228229401496703205376");
    expect(numberToString(-(2n ** 64n), 16)).toBe("-10000000000000000");
    expect(numberToString(exactInteger(2n ** 53n))).toBe("9007199254740992");
  });

  it("writes ratios as n/d", () => {
    expect(numberToString(exactRational(1, 3))).toBe("1/3");
    expect(numberToString(exactRational(-6, 4))).toBe("-3/2");
    expect(numberToString(exactRational(255, 256), 16)).toBe("ff/100");
  });

  it("writes flonums so they read back as inexact", () => {
    expect(numberToString(1.5)).toBe("1.5");
    expect(numberToString(flonum(2))).toBe("2.0");
    expect(numberToString(flonum(-3))).toBe("-3.0");
    expect(numberToString(flonum(-0))).toBe("-0.0");
    expect(numberToString(flonum(0))).toBe("0.0");
    expect(numberToString(0.1)).toBe("0.1");
    expect(numberToString(Number.POSITIVE_INFINITY)).toBe("+inf.0");
    expect(numberToString(Number.NEGATIVE_INFINITY)).toBe("-inf.0");
    expect(numberToString(Number.NaN)).toBe("+nan.0");
    expect(numberToString(flonum(1e21))).toBe("1e21");
    expect(numberToString(flonum(1e20))).toBe("100000000000000000000.0");
    expect(numberToString(1e-7)).toBe("1e-7");
    expect(numberToString(1.5e-300)).toBe("1.5e-300");
    expect(numberToString(flonum(1.7976931348623157e308))).toBe("1.7976931348623157e308");
  });

  it("uses the shortest digits that round-trip", () => {
    for (const x of [0.1 + 0.2, Math.PI, 1 / 3, 5e-324, 123456.789]) {
      expect(Number(flonumToString(x))).toBe(x);
    }
    expect(flonumToString(0.1 + 0.2)).toBe("0.30000000000000004");
  });

  it("writes flonums in other radixes with a point", () => {
    expect(numberToString(flonum(2), 2)).toBe("10.0");
    expect(numberToString(0.5, 2)).toBe("0.1");
  });

  it("writes complex numbers in rectangular form, an exact unit imaginary part as a bare sign", () => {
    expect(numberToString(new Complex(1, 2))).toBe("1+2i");
    expect(numberToString(new Complex(1, -1))).toBe("1-i");
    expect(numberToString(new Complex(0, 1))).toBe("+i");
    expect(numberToString(new Complex(0, -2))).toBe("-2i");
    expect(numberToString(new Complex(flonum(0), flonum(1)))).toBe("0.0+1.0i");
    expect(numberToString(new Complex(exactRational(1, 2), exactRational(-3, 4)))).toBe("1/2-3/4i");
    expect(numberToString(new Complex(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY))).toBe(
      "+inf.0-inf.0i",
    );
    expect(numberToString(new Complex(1, Number.NaN))).toBe("1+nan.0i");
    expect(numberToString(new Complex(1, flonum(-0)))).toBe("1-0.0i");
    expect(numberToString(new Complex(10, 2n ** 70n), 16)).toBe("a+400000000000000000i");
  });

  it("rejects non-numbers and odd radixes with a reason code", () => {
    expect(() => numberToString("12")).toThrow(expect.objectContaining({ code: "NOT_A_NUMBER" }));
    expect(() => numberToString(12, 3)).toThrow(expect.objectContaining({ code: "BAD_RADIX" }));
  });
});
