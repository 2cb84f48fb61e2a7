import { Flonum, isFlonum, Ratio } from "@termite/datum";
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
      "1+2i",
      "+i",
      "1@2",
      "1/0",
      "#b2",
      "#o8",
      "1..2",
    ]) {
      expect(parseNumber(text), text).toBe(false);
    }
  });
});
