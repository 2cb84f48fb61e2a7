import { Complex, Flonum, isFlonum, numberToString, Ratio } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { parseNumber } from "./number-syntax.js";

function flonumOf(text: string, radix?: number): number {
  const n = parseNumber(text, radix);
  expect(isFlonum(n)).toBe(true);
  return n instanceof Flonum ? n.value : (n as number);
}

function ratio(text: string): [unknown, unknown] {
  const n = parseNumber(text);
  expect(n).toBeInstanceOf(Ratio);
  return [(n as Ratio).numerator, (n as Ratio).denominator];
}

describe("parseNumber", () => {
  it("reads exact integers, small as numbers and large as bigints", () => {
    expect(parseNumber("42")).toBe(42);
    expect(parseNumber("-17")).toBe(-17);
    expect(parseNumber("+5")).toBe(5);
    expect(Object.is(parseNumber("-0"), 0)).toBe(true);
    expect(parseNumber("9007199254740991")).toBe(9007199254740991);
    expect(parseNumber("9007199254740992")).toBe(9007199254740992n);
    expect(parseNumber("-123456789012345678901234567890")).toBe(-123456789012345678901234567890n);
  });

  it("reads rationals in lowest terms", () => {
    expect(ratio("1/2")).toEqual([1, 2]);
    expect(ratio("-6/4")).toEqual([-3, 2]);
    expect(parseNumber("4/2")).toBe(2);
    expect(ratio("1/12345678901234567890")).toEqual([1, 12345678901234567890n]);
  });

  it("reads decimals and exponents as flonums, boxing integral ones", () => {
    expect(parseNumber("1.5")).toBe(1.5);
    expect(parseNumber(".5")).toBe(0.5);
    expect(parseNumber("-.25e1")).toBe(-2.5);
    expect(flonumOf("2.0")).toBe(2);
    expect(parseNumber("2.0")).toBeInstanceOf(Flonum);
    expect(flonumOf("1.")).toBe(1);
    expect(flonumOf("1e3")).toBe(1000);
    expect(flonumOf("1E-2")).toBe(0.01);
    expect(Object.is(flonumOf("-0.0"), -0)).toBe(true);
    expect(flonumOf("1e400")).toBe(Number.POSITIVE_INFINITY);
    expect(flonumOf("-1e400")).toBe(Number.NEGATIVE_INFINITY);
  });

  it("reads infinities and NaN", () => {
    expect(parseNumber("+inf.0")).toBe(Number.POSITIVE_INFINITY);
    expect(parseNumber("-inf.0")).toBe(Number.NEGATIVE_INFINITY);
    expect(parseNumber("+nan.0")).toBeNaN();
    expect(parseNumber("-nan.0")).toBeNaN();
    expect(parseNumber("+INF.0")).toBe(Number.POSITIVE_INFINITY);
    expect(parseNumber("inf.0")).toBe(false);
  });

  it("reads radix and exactness prefixes in either order", () => {
    expect(parseNumber("#xff")).toBe(255);
    expect(parseNumber("#XFF")).toBe(255);
    expect(parseNumber("#b-101")).toBe(-5);
    expect(parseNumber("#o17")).toBe(15);
    expect(parseNumber("#d10")).toBe(10);
    expect(parseNumber("#e#x10")).toBe(16);
    expect(parseNumber("#x#e10")).toBe(16);
    expect(flonumOf("#i#x10")).toBe(16);
    expect(flonumOf("#x#i10")).toBe(16);
    expect(parseNumber("#x1/a")).toBeInstanceOf(Ratio);
    expect(parseNumber("#xffffffffffffffffff")).toBe(0xffffffffffffffffffn);
  });

  it("applies #e and #i exactly", () => {
    expect(ratio("#e1.5")).toEqual([3, 2]);
    expect(ratio("#e-0.125")).toEqual([-1, 8]);
    expect(parseNumber("#e1e3")).toBe(1000);
    expect(parseNumber("#e1.5e2")).toBe(150);
    expect(ratio("#e1e-3")).toEqual([1, 1000]);
    expect(parseNumber("#e1e30")).toBe(10n ** 30n);
    expect(parseNumber("#i1/2")).toBe(0.5);
    expect(flonumOf("#i3")).toBe(3);
    expect(flonumOf("#i123456789012345678901")).toBe(Number(123456789012345678901n));
    expect(parseNumber("#i1/3")).toBe(1 / 3);
    expect(parseNumber("#e+inf.0")).toBe(false);
  });

  it("takes the radix argument as the default radix, overridden by a prefix", () => {
    expect(parseNumber("ff", 16)).toBe(255);
    expect(parseNumber("101", 2)).toBe(5);
    expect(parseNumber("#d101", 2)).toBe(101);
    expect(parseNumber("1.5", 16)).toBe(false);
    expect(() => parseNumber("1", 7)).toThrow(RangeError);
  });

  it("returns false for text that is not a number", () => {
    for (const text of [
      "",
      "abc",
      "+",
      "-",
      ".",
      "...",
      "1e",
      "e1",
      "1/",
      "/2",
      "1/2/3",
      "1.2/3",
      "#x",
      "#xg",
      "#x#x1",
      "#e#i1",
      "#q1",
      "1_000",
      " 1",
      "0x10",
      "Infinity",
      "1/0",
      "2i",
      "1+2",
      "1+2j",
      "i",
      "++i",
      "1@",
      "@2",
      "1@2@3",
      "1+i+i",
      "1e+2i",
      "#e+inf.0i",
      "1/0+2i",
      "#b2",
      "#o8",
      "1..2",
    ]) {
      expect(parseNumber(text), text).toBe(false);
    }
  });

  it("reads R5RS exponent markers s f d l as e", () => {
    for (const text of ["1s2", "1f2", "1d2", "1l2", "1S2", "1L2", "1e2"])
      expect(flonumOf(text), text).toBe(100);
    expect(flonumOf("-1.5d-1")).toBe(-0.15);
    expect(parseNumber("#e1l2")).toBe(100);
  });
});

/** The text of `parseNumber(text)` as the printer writes it, or false. */
function written(text: string, radix?: number): string | false {
  const n = parseNumber(text, radix);
  return n === false ? false : numberToString(n, radix);
}

describe("parseNumber on complex numbers", () => {
  it("reads rectangular forms, each part exact or inexact on its own", () => {
    const z = parseNumber("1+2i") as Complex;
    expect(z).toBeInstanceOf(Complex);
    expect([z.real, z.imag]).toEqual([1, 2]);
    const mixed = parseNumber("1/2-2.5i") as Complex;
    expect(mixed.real).toBeInstanceOf(Ratio);
    expect(mixed.imag).toBe(-2.5);
    expect(written("3+4i")).toBe("3+4i");
    expect(written("1/2+3/4i")).toBe("1/2+3/4i");
    expect(written("1.0+2i")).toBe("1.0+2i");
    expect(written("-1e-3-2E+5i")).toBe("-0.001-200000.0i");
  });

  it("reads pure imaginary numbers with their sign", () => {
    expect(written("+i")).toBe("+i");
    expect(written("-i")).toBe("-i");
    expect(written("-2i")).toBe("-2i");
    expect(written("+1/2i")).toBe("+1/2i");
    expect(written("+2.5i")).toBe("+2.5i");
    expect((parseNumber("+i") as Complex).real).toBe(0);
  });

  it("reads infinities and NaN in either part", () => {
    expect(written("+inf.0-inf.0i")).toBe("+inf.0-inf.0i");
    expect(written("+inf.0i")).toBe("+inf.0i");
    expect(written("-nan.0i")).toBe("+nan.0i");
    expect(written("1+nan.0i")).toBe("1+nan.0i");
    expect(written("-inf.0+i")).toBe("-inf.0+i");
  });

  it("normalises an exact zero imaginary part to a real, but keeps an inexact one", () => {
    expect(parseNumber("-2.5+0i")).toBe(-2.5);
    expect(parseNumber("3-0i")).toBe(3);
    expect(parseNumber("-2.5+0.0i")).toBeInstanceOf(Complex);
  });

  it("applies radix and exactness prefixes to both parts", () => {
    expect(written("#d10+11i")).toBe("10+11i");
    expect(written("#x10+ai")).toBe("16+10i");
    expect(written("#xA-Fi", 16)).toBe("a-fi");
    expect(written("#b101+11i")).toBe("5+3i");
    expect(written("#e1.5+2.5i")).toBe("3/2+5/2i");
    expect(written("#i1+2i")).toBe("1.0+2.0i");
    expect(written("#i+i")).toBe("0.0+1.0i");
    expect(written("1+2i", 16)).toBe("1+2i");
    expect(written("1e-3+2e-5i")).toBe("0.001+0.00002i");
    expect(written("1l2+1s2i")).toBe("100.0+100.0i");
  });

  it("reads polar forms, exact only when the angle is exact zero", () => {
    expect(parseNumber("2@0")).toBe(2);
    const z = parseNumber("1@2") as Complex;
    expect(z.real).toBe(Math.cos(2));
    expect(z.imag).toBe(Math.sin(2));
    expect(written("-1@0")).toBe("-1");
    const exactPolar = parseNumber("#e1@1") as Complex;
    expect(exactPolar.real).toBeInstanceOf(Ratio);
    expect(parseNumber("1.5@0.0")).toBeInstanceOf(Complex);
  });
});
