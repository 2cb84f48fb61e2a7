import { describe, expect, it } from "vitest";
import { call, callError, fl, num, str, w } from "../test-helpers.js";
import { roundEven } from "./rounding.js";

describe("floor ceiling truncate round", () => {
  it("round flonums to integral flonums", () => {
    expect(w("floor", -4.3)).toBe("-5.0");
    expect(w("ceiling", -4.3)).toBe("-4.0");
    expect(w("truncate", -4.3)).toBe("-4.0");
    expect(w("round", -4.3)).toBe("-4.0");
    expect(w("floor", 3.5)).toBe("3.0");
    expect(w("ceiling", 3.5)).toBe("4.0");
    expect(w("truncate", 3.5)).toBe("3.0");
    expect(w("round", 3.5)).toBe("4.0");
    expect(w("round", 2.5)).toBe("2.0");
    expect(w("round", -2.5)).toBe("-2.0");
    expect(w("round", -0.4)).toBe("-0.0");
    expect(w("round", fl(7))).toBe("7.0");
    expect(w("floor", Number.POSITIVE_INFINITY)).toBe("+inf.0");
    expect(roundEven(0.5)).toBe(0);
    expect(roundEven(1.5)).toBe(2);
  });

  it("round exact rationals to exact integers", () => {
    expect(call("round", num("7/2"))).toBe(4);
    expect(call("round", num("5/2"))).toBe(2);
    expect(call("round", num("-5/2"))).toBe(-2);
    expect(call("round", num("-7/2"))).toBe(-4);
    expect(call("round", num("-8/3"))).toBe(-3);
    expect(call("floor", num("-1/2"))).toBe(-1);
    expect(call("ceiling", num("-1/2"))).toBe(0);
    expect(call("truncate", num("-3/2"))).toBe(-1);
    expect(call("floor", 7)).toBe(7);
    expect(call("ceiling", 2n ** 70n)).toBe(2n ** 70n);
    expect(w("floor", num("100000000000000000001/10"))).toBe("10000000000000000000");
  });

  it("reject non-numbers", () => {
    for (const name of ["floor", "ceiling", "truncate", "round"]) {
      expect(callError(name, str("1")).who).toBe(name);
    }
  });
});

describe("numerator and denominator", () => {
  it("work on exact and inexact rationals", () => {
    expect(call("numerator", num("6/4"))).toBe(3);
    expect(call("denominator", num("6/4"))).toBe(2);
    expect(call("denominator", 5)).toBe(1);
    expect(call("numerator", -5)).toBe(-5);
    expect(w("denominator", 0.5)).toBe("2.0");
    expect(w("numerator", 0.5)).toBe("1.0");
    expect(w("denominator", fl(0))).toBe("1.0");
    expect(callError("numerator", Number.POSITIVE_INFINITY).who).toBe("numerator");
    expect(callError("denominator", str("1")).who).toBe("denominator");
  });
});

describe("rationalize", () => {
  it("finds the simplest rational", () => {
    expect(w("rationalize", num("3/10"), num("1/10"))).toBe("1/3");
    expect(w("rationalize", num(".3"), num("1/10"))).toBe("0.3333333333333333");
    expect(w("rationalize", num("-3/10"), num("1/10"))).toBe("-1/3");
    expect(w("rationalize", num("1/4"), num("1/4"))).toBe("0");
    expect(w("rationalize", 5, 0)).toBe("5");
    expect(w("rationalize", num("22/7"), num("-1/100"))).toBe("22/7");
    expect(w("rationalize", Number.POSITIVE_INFINITY, 3)).toBe("+inf.0");
    expect(w("rationalize", 3, Number.POSITIVE_INFINITY)).toBe("0.0");
    expect(w("rationalize", Number.NaN, 1)).toBe("+nan.0");
    expect(callError("rationalize", 1, str("x")).message).toContain("argument 2");
  });
});
