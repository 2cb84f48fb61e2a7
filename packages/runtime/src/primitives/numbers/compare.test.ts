import { describe, expect, it } from "vitest";
import { call, callError, fl, num, str, w } from "../test-helpers.js";
import { ge2, gt2, le2, lt2, numEq2 } from "./compare.js";

const NAN = Number.NaN;
const INF = Number.POSITIVE_INFINITY;

describe("= < > <= >=", () => {
  it("compare fixnums directly", () => {
    expect(numEq2(3, 3)).toBe(true);
    expect(lt2(1, 2)).toBe(true);
    expect(gt2(1, 2)).toBe(false);
    expect(le2(2, 2)).toBe(true);
    expect(ge2(1, 2)).toBe(false);
  });

  it("are exact across representations", () => {
    expect(call("=", 1, fl(1), num("2/2"))).toBe(true);
    expect(call("=", num("1/3"), 1 / 3)).toBe(false);
    // The double nearest 1/3 is slightly below it.
    expect(call(">", num("1/3"), 1 / 3)).toBe(true);
    // 2^53 + 1 is not a double: the nearest double is 2^53.
    expect(call("=", 2n ** 53n + 1n, fl(2 ** 53))).toBe(false);
    expect(call(">", 2n ** 53n + 1n, fl(2 ** 53))).toBe(true);
    expect(call("<", 10n ** 400n, INF)).toBe(true);
    expect(call(">", num("1/2"), -INF)).toBe(true);
    expect(call("<=", num("1/2"), 0.5, num("3/4"))).toBe(true);
  });

  it("are chains over all arguments", () => {
    expect(call("<", 1, 2, 3, 4)).toBe(true);
    expect(call("<", 1, 3, 2)).toBe(false);
    expect(call(">", 3, 2, 1)).toBe(true);
    expect(call(">=", 3, 3, 1)).toBe(true);
    expect(call("<=", 1, 1, 0)).toBe(false);
    expect(call("=", 1)).toBe(true);
  });

  it("are false for NaN", () => {
    expect(call("=", NAN, NAN)).toBe(false);
    expect(call("<", NAN, 1)).toBe(false);
    expect(call(">=", num("1/2"), NAN)).toBe(false);
    expect(numEq2(fl(0), fl(-0))).toBe(true);
  });

  it("type-check every argument, even after the answer is known", () => {
    const e = callError("<", 2, 1, str("x"));
    expect(e.who).toBe("<");
    expect(e.message).toContain("argument 3");
    expect(callError(">", str("x"), 1).who).toBe(">");
    expect(callError("<=", 1, null).who).toBe("<=");
    expect(callError(">=", null, 1).who).toBe(">=");
    expect(callError("=", 1, false).who).toBe("=");
    expect(() => lt2(1, null)).toThrow();
  });
});

describe("max and min", () => {
  it("pick the extreme, inexact if any argument is", () => {
    expect(call("max", 1, 3, 2)).toBe(3);
    expect(call("min", 1, 3, 2)).toBe(1);
    expect(w("max", 3, 2.5)).toBe("3.0");
    expect(w("min", 1, fl(2))).toBe("1.0");
    expect(w("max", num("1/2"), num("1/3"))).toBe("1/2");
    expect(w("max", 1, NAN)).toBe("+nan.0");
    expect(w("min", NAN, 1)).toBe("+nan.0");
    expect(w("max", 2n ** 70n, 1)).toBe("1180591620717411303424");
    expect(callError("max", 1, str("2")).who).toBe("max");
    expect(callError("min", str("2")).who).toBe("min");
  });
});

describe("zero? positive? negative?", () => {
  it("test the sign of any real", () => {
    expect(call("zero?", 0)).toBe(true);
    expect(call("zero?", fl(-0))).toBe(true);
    expect(call("zero?", num("1/2"))).toBe(false);
    expect(call("positive?", 2n ** 70n)).toBe(true);
    expect(call("positive?", NAN)).toBe(false);
    expect(call("negative?", num("-1/2"))).toBe(true);
    expect(call("negative?", -INF)).toBe(true);
    expect(call("negative?", fl(-0))).toBe(false);
    expect(callError("zero?", str("0")).who).toBe("zero?");
    expect(callError("positive?", null).who).toBe("positive?");
    expect(callError("negative?", null).who).toBe("negative?");
  });
});
