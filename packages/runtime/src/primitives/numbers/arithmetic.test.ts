import { Flonum, Ratio } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { call, callError, fl, num, str, w, write } from "../test-helpers.js";
import { add2, div2, mul2, negate, sub2 } from "./arithmetic.js";

const MAX = Number.MAX_SAFE_INTEGER;

describe("+", () => {
  it("adds fixnums without leaving JS numbers", () => {
    expect(call("+", 1, 2)).toBe(3);
    expect(call("+")).toBe(0);
    expect(call("+", 1, 2, 3, 4)).toBe(10);
    expect(add2(-5, 5)).toBe(0);
  });

  it("overflows into bigints and normalises back", () => {
    expect(call("+", MAX, 1)).toBe(BigInt(MAX) + 1n);
    expect(add2(BigInt(MAX) + 1n, -1)).toBe(MAX);
    expect(w("+", MAX, MAX, MAX)).toBe("27021597764222973");
  });

  it("is exact on rationals", () => {
    expect(w("+", num("1/3"), num("2/3"))).toBe("1");
    expect(w("+", num("1/2"), num("1/3"))).toBe("5/6");
    expect(w("+", num("1/2"), 1)).toBe("3/2");
  });

  it("makes any flonum operand contagious", () => {
    expect(call("+", 0.5, 0.5)).toStrictEqual(new Flonum(1));
    expect(w("+", 1, 0.5)).toBe("1.5");
    expect(w("+", num("1/2"), 0.5)).toBe("1.0");
    expect(w("+", 10n ** 20n, 1.5)).toBe("100000000000000000000.0");
    expect(w("+", fl(2), 1)).toBe("3.0");
    expect(w("+", fl(-0))).toBe("-0.0");
  });

  it("names the bad argument", () => {
    const e = callError("+", 1, 2, str("x"));
    expect(e.who).toBe("+");
    expect(e.message).toContain("expected a number (argument 3)");
    expect(callError("+", str("x")).message).toContain("argument 1");
    expect(raisedWho(() => add2(1, null))).toBe("+");
  });
});

function raisedWho(thunk: () => unknown): string | undefined {
  try {
    thunk();
  } catch (e) {
    return (e as { payload: { who?: string } }).payload.who;
  }
  return undefined;
}

describe("-", () => {
  it("negates and subtracts", () => {
    expect(call("-", 5)).toBe(-5);
    expect(call("-", 0)).toBe(0);
    expect(Object.is(call("-", 0), -0)).toBe(false);
    expect(call("-", 10, 1, 2)).toBe(7);
    expect(sub2(-MAX, 2)).toBe(-(BigInt(MAX) + 2n));
    expect(w("-", num("1/2"))).toBe("-1/2");
    expect(w("-", fl(0))).toBe("-0.0");
    expect(w("-", 1, num("1/3"))).toBe("2/3");
    expect(w("-", 2.5, 1)).toBe("1.5");
    expect(negate(-(2n ** 60n))).toBe(2n ** 60n);
    expect(callError("-", Symbol.for("x")).who).toBe("-");
  });
});

describe("*", () => {
  it("multiplies, overflowing exactly", () => {
    expect(call("*")).toBe(1);
    expect(call("*", 6, 7)).toBe(42);
    expect(call("*", 2 ** 30, 2 ** 30)).toBe(2 ** 60 > MAX ? 2n ** 60n : 2 ** 60);
    expect(w("*", 99999999999, 99999999999)).toBe("9999999999800000000001");
    expect(mul2(num("2/3"), 3)).toBe(2);
    expect(w("*", 1.5, 2)).toBe("3.0");
  });

  it("never yields a negative exact zero", () => {
    expect(Object.is(call("*", 0, -5), 0)).toBe(true);
    expect(Object.is(mul2(-5, 0), 0)).toBe(true);
  });
});

describe("/", () => {
  it("is exact on exact operands", () => {
    expect(w("/", 1, 3)).toBe("1/3");
    expect(w("/", 6, 3)).toBe("2");
    expect(w("/", 6, -4)).toBe("-3/2");
    expect(w("/", 2)).toBe("1/2");
    expect(w("/", num("1/2"))).toBe("2");
    expect(w("/", 1, 2, 3)).toBe("1/6");
    expect(w("/", 10n ** 30n, 10n ** 28n)).toBe("100");
    expect(div2(-4, 2)).toBe(-2);
    expect(Object.is(div2(0, -3), 0)).toBe(true);
    expect(div2(1, 3)).toBeInstanceOf(Ratio);
  });

  it("signals division by exact zero", () => {
    const e = callError("/", 1, 0);
    expect(e.who).toBe("/");
    expect(e.message).toBe("division by zero");
    expect(callError("/", 0).message).toBe("division by zero");
    expect(callError("/", num("1/2"), 0).message).toBe("division by zero");
  });

  it("follows IEEE when an operand is inexact", () => {
    expect(w("/", 1.5, 0)).toBe("+inf.0");
    expect(w("/", fl(1), 0)).toBe("+inf.0");
    expect(w("/", -1, fl(0))).toBe("-inf.0");
    expect(w("/", fl(0), 0)).toBe("+nan.0");
    expect(w("/", 1, fl(2))).toBe("0.5");
    expect(write(div2(fl(6), 3))).toBe("2.0");
  });
});

describe("abs and square", () => {
  it("abs keeps exactness", () => {
    expect(call("abs", -7)).toBe(7);
    expect(call("abs", -MAX)).toBe(MAX);
    expect(call("abs", -(2n ** 70n))).toBe(2n ** 70n);
    expect(w("abs", num("-1/2"))).toBe("1/2");
    expect(w("abs", fl(-0))).toBe("0.0");
    expect(w("abs", -2.5)).toBe("2.5");
    expect(callError("abs", str("1")).who).toBe("abs");
  });

  it("square", () => {
    expect(call("square", 42)).toBe(1764);
    expect(w("square", num("2/3"))).toBe("4/9");
    expect(w("square", 2 ** 40)).toBe("1208925819614629174706176");
    expect(w("square", 1.5)).toBe("2.25");
    expect(callError("square", false).who).toBe("square");
  });
});
