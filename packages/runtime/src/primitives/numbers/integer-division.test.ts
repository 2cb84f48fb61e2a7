import { MultipleValues } from "@termite/datum";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { call, callError, fl, num, w } from "../test-helpers.js";

describe("truncate and floor division", () => {
  it("match the R7RS table", () => {
    // (floor/ 5 2) => 2 1, (floor/ -5 2) => -3 1, (floor/ 5 -2) => -3 -1, (floor/ -5 -2) => 2 -1
    expect(w("floor/", 5, 2)).toBe("2 1");
    expect(w("floor/", -5, 2)).toBe("-3 1");
    expect(w("floor/", 5, -2)).toBe("-3 -1");
    expect(w("floor/", -5, -2)).toBe("2 -1");
    expect(w("truncate/", 5, 2)).toBe("2 1");
    expect(w("truncate/", -5, 2)).toBe("-2 -1");
    expect(w("truncate/", 5, -2)).toBe("-2 1");
    expect(w("truncate/", -5, -2)).toBe("2 -1");
    expect(w("truncate/", fl(-5), 2)).toBe("-2.0 -1.0");
    expect(call("floor/", 7, 2)).toBeInstanceOf(MultipleValues);
  });

  it("quotient remainder modulo and their R7RS names", () => {
    expect(call("quotient", 17, -5)).toBe(-3);
    expect(call("remainder", 17, -5)).toBe(2);
    expect(call("modulo", 17, -5)).toBe(-3);
    expect(call("modulo", -7, 2)).toBe(1);
    expect(Object.is(call("remainder", -4, 2), 0)).toBe(true);
    expect(Object.is(call("quotient", 0, -3), 0)).toBe(true);
    expect(call("truncate-quotient", -7, 2)).toBe(-3);
    expect(call("truncate-remainder", -7, 2)).toBe(-1);
    expect(call("floor-quotient", -7, 2)).toBe(-4);
    expect(call("floor-remainder", -7, 2)).toBe(1);
  });

  it("works on bigints and inexact integers", () => {
    expect(w("quotient", 10n ** 30n + 7n, 10n ** 15n)).toBe("1000000000000000");
    expect(w("modulo", -(10n ** 30n) - 7n, 10n ** 15n)).toBe("999999999999993");
    expect(w("remainder", fl(7), 2)).toBe("1.0");
    expect(w("modulo", fl(-7), 2)).toBe("1.0");
    expect(w("quotient", fl(7), fl(2))).toBe("3.0");
  });

  it("rejects zero divisors and non-integers", () => {
    const e = callError("quotient", 1, 0);
    expect(e.who).toBe("quotient");
    expect(e.message).toBe("division by zero");
    expect(callError("modulo", 10n ** 20n, 0).message).toBe("division by zero");
    expect(callError("floor/", fl(1), fl(0)).message).toBe("division by zero");
    expect(callError("remainder", 1.5, 1).message).toContain("expected an integer");
    expect(callError("floor-remainder", 1, num("1/2")).message).toContain("argument 2");
  });
});

describe("gcd and lcm", () => {
  it("compute over any number of integers", () => {
    expect(call("gcd")).toBe(0);
    expect(call("lcm")).toBe(1);
    expect(call("gcd", 32, -36)).toBe(4);
    expect(call("lcm", 32, -36)).toBe(288);
    expect(call("gcd", 12, 18, 27)).toBe(3);
    expect(call("lcm", 4, 0)).toBe(0);
    expect(w("lcm", 2n ** 64n, 3)).toBe("55340232221128654848");
    expect(w("gcd", 2n ** 64n, 2n ** 40n * 3n)).toBe("1099511627776");
    expect(w("gcd", fl(32), 36)).toBe("4.0");
    expect(w("lcm", fl(32), -36)).toBe("288.0");
    expect(callError("gcd", 1.5).who).toBe("gcd");
    expect(callError("lcm", num("1/2")).who).toBe("lcm");
  });
});

describe("odd? and even?", () => {
  it("accept exact and inexact integers", () => {
    expect(call("odd?", 3)).toBe(true);
    expect(call("odd?", -3)).toBe(true);
    expect(call("even?", 0)).toBe(true);
    expect(call("even?", 2n ** 80n)).toBe(true);
    expect(call("odd?", 2n ** 80n + 1n)).toBe(true);
    expect(call("even?", fl(4))).toBe(true);
    expect(call("odd?", fl(4))).toBe(false);
    expect(callError("odd?", 1.5).message).toContain("an integer");
    expect(callError("even?", num("1/2")).who).toBe("even?");
  });
});

describe("32-bit fast paths", () => {
  it("agree with exact bigint division for any int32 operands (-2^31 and -1 included)", () => {
    const edge = fc.constantFrom(-(2 ** 31), 2 ** 31 - 1, -1, 1, 0, 2, -2, 7, -7);
    const int = fc.oneof(fc.integer(), edge);
    fc.assert(
      fc.property(int, int, (a, b) => {
        if (b === 0) return;
        const [x, y] = [BigInt(a), BigInt(b)];
        const tq = x / y;
        const tr = x % y;
        const fr = tr !== 0n && tr < 0n !== y < 0n ? tr + y : tr;
        const fq = (x - fr) / y;
        expect(call("quotient", a, b)).toBe(Number(tq));
        expect(call("truncate-quotient", a, b)).toBe(Number(tq));
        expect(call("remainder", a, b)).toBe(Number(tr));
        expect(call("truncate-remainder", a, b)).toBe(Number(tr));
        expect(call("modulo", a, b)).toBe(Number(fr));
        expect(call("floor-remainder", a, b)).toBe(Number(fr));
        expect(call("floor-quotient", a, b)).toBe(Number(fq));
      }),
      { numRuns: 2000 },
    );
    // Exact zero, never -0.
    expect(Object.is(call("remainder", -4, 2), 0)).toBe(true);
    expect(Object.is(call("quotient", -1, 3), 0)).toBe(true);
    expect(Object.is(call("modulo", -4, -2), 0)).toBe(true);
  });
});
