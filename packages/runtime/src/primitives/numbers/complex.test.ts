import { Complex, Flonum } from "@termite/datum";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { call, callError, fl, num, str, w } from "../test-helpers.js";

/** `(write (name args...))` with every argument given as number text. */
function ww(name: string, ...texts: string[]): string {
  return w(name, ...texts.map(num));
}

describe("(scheme complex)", () => {
  it("real-part imag-part magnitude angle on reals", () => {
    expect(call("real-part", 5)).toBe(5);
    expect(call("imag-part", 2.5)).toBe(0);
    expect(call("magnitude", -5)).toBe(5);
    expect(w("magnitude", num("-1/2"))).toBe("1/2");
    expect(call("angle", 3)).toBe(0);
    expect(w("angle", fl(3))).toBe("0.0");
    expect(call("angle", -3)).toBe(Math.PI);
    for (const name of ["real-part", "imag-part", "magnitude", "angle"]) {
      expect(callError(name, str("1")).who).toBe(name);
    }
  });

  it("real-part imag-part magnitude angle on complex numbers", () => {
    expect(ww("real-part", "1/2-3i")).toBe("1/2");
    expect(ww("imag-part", "1/2-3.5i")).toBe("-3.5");
    expect(ww("magnitude", "3+4i")).toBe("5");
    expect(ww("magnitude", "-3/5-4/5i")).toBe("1");
    expect(ww("magnitude", "1+i")).toBe("1.4142135623730951");
    expect(ww("magnitude", "3.0-4i")).toBe("5.0");
    expect(ww("magnitude", "-2i")).toBe("2");
    expect(ww("angle", "+i")).toBe(String(Math.PI / 2));
    expect(ww("angle", "-1-i")).toBe(String((-3 * Math.PI) / 4));
  });

  it("make-rectangular and make-polar", () => {
    expect(call("make-rectangular", 3, 0)).toBe(3);
    expect(w("make-rectangular", 3, fl(0))).toBe("3+0.0i");
    expect(w("make-rectangular", 1, num("-1/2"))).toBe("1-1/2i");
    expect(w("make-rectangular", 0, 1)).toBe("+i");
    expect(call("make-polar", 2, 0)).toBe(2);
    expect(call("make-polar", 0, 1)).toBe(0);
    expect(w("make-polar", 2, Math.PI / 2)).toBe(`${2 * Math.cos(Math.PI / 2)}+2.0i`);
    expect(callError("make-rectangular", 1, num("+i")).message).toContain("real number");
    expect(callError("make-polar", str("1"), 1).who).toBe("make-polar");
  });
});

describe("arithmetic on complex numbers", () => {
  it("keeps exact parts exact and normalises an exact zero imaginary part", () => {
    expect(ww("+", "1+2i", "3-4i")).toBe("4-2i");
    expect(ww("+", "1+2i", "1-2i")).toBe("2");
    expect(ww("-", "1+2i", "1+2i")).toBe("0");
    expect(ww("-", "1+2i")).toBe("-1-2i");
    expect(ww("*", "1+2i", "3-i")).toBe("5+5i");
    expect(ww("*", "+i", "+i")).toBe("-1");
    expect(ww("*", "2", "1/2+i")).toBe("1+2i");
    expect(ww("/", "5+5i", "3-i")).toBe("1+2i");
    expect(ww("/", "1", "+i")).toBe("-i");
    expect(ww("/", "1+i", "2")).toBe("1/2+1/2i");
    expect(ww("+", "1.5", "+i")).toBe("1.5+i");
    expect(ww("*", "1.0+2.0i", "1.0-2.0i")).toBe("5.0+0.0i");
    expect(ww("/", "1.0+2.0i", "0.0+1.0i")).toBe("2.0-1.0i");
    expect(ww("square", "1+i")).toBe("+2i");
    expect(callError("/", num("1+i"), 0).message).toBe("division by zero");
  });

  it("compares with = and zero? only", () => {
    expect(call("=", num("1+2i"), num("1+2i"))).toBe(true);
    expect(call("=", num("1+2i"), num("1.0+2.0i"))).toBe(true);
    expect(call("=", 1, num("1+0.0i"))).toBe(true);
    expect(call("=", num("1+2i"), num("1+2i"), num("1-2i"))).toBe(false);
    expect(call("=", num("1+2i"), 1)).toBe(false);
    expect(call("zero?", num("0.0+0.0i"))).toBe(true);
    expect(call("zero?", num("+i"))).toBe(false);
    expect(callError("<", num("+i"), 1).message).toContain("real number");
    expect(callError("=", num("+i"), str("x")).who).toBe("=");
    expect(callError("positive?", num("+i")).who).toBe("positive?");
    expect(callError("max", num("+i")).who).toBe("max");
    expect(callError("abs", num("+i")).who).toBe("abs");
    expect(callError("floor", num("+i")).who).toBe("floor");
  });

  it("exact and inexact convert part by part", () => {
    expect(ww("exact", "1.5+2.5i")).toBe("3/2+5/2i");
    expect(ww("exact", "1+0.0i")).toBe("1");
    expect(ww("inexact", "1/2+i")).toBe("0.5+1.0i");
    expect(ww("exact->inexact", "+i")).toBe("0.0+1.0i");
    expect(callError("exact", num("+inf.0i")).who).toBe("exact");
  });
});

describe("number predicates on complex numbers", () => {
  it("have their R7RS meaning", () => {
    const z = num("-2.5+0.0i");
    expect(call("complex?", z)).toBe(true);
    expect(call("number?", z)).toBe(true);
    expect(call("real?", z)).toBe(false);
    expect(call("real?", num("-2.5+0i"))).toBe(true);
    expect(call("rational?", num("1+2i"))).toBe(false);
    expect(call("integer?", num("1+2i"))).toBe(false);
    expect(call("exact?", num("1+2i"))).toBe(true);
    expect(call("exact?", num("1+2.0i"))).toBe(false);
    expect(call("inexact?", num("1+2.0i"))).toBe(true);
    expect(call("finite?", num("1+2.0i"))).toBe(true);
    expect(call("finite?", num("1+inf.0i"))).toBe(false);
    expect(call("infinite?", num("+inf.0+nan.0i"))).toBe(true);
    expect(call("infinite?", num("1+2.0i"))).toBe(false);
    expect(call("nan?", num("1+nan.0i"))).toBe(true);
    expect(call("nan?", num("1+2.0i"))).toBe(false);
  });

  it("number->string and string->number, with a radix", () => {
    expect(ww("number->string", "1/2-3i")).toBe('"1/2-3i"');
    expect(w("number->string", num("10+11i"), 16)).toBe('"a+bi"');
    expect(w("number->string", num("5-i"), 2)).toBe('"101-i"');
    expect(w("string->number", str("a+bi"), 16)).toBe("10+11i");
    expect(w("string->number", str("#d10+11i"))).toBe("10+11i");
    expect(w("string->number", str("1+2"))).toBe("#f");
  });
});

describe("transcendental procedures with complex results", () => {
  it("sqrt: exact where the root is, +i for -1", () => {
    expect(ww("sqrt", "-1")).toBe("+i");
    expect(ww("sqrt", "-4")).toBe("+2i");
    expect(ww("sqrt", "-1/4")).toBe("+1/2i");
    expect(ww("sqrt", "-2")).toBe("+1.4142135623730951i");
    expect(ww("sqrt", "-4.0")).toBe("+2.0i");
    expect(ww("sqrt", "-3+4i")).toBe("1+2i");
    expect(ww("sqrt", "-3-4i")).toBe("1-2i");
    expect(ww("sqrt", "+2i")).toBe("1+i");
    expect(ww("sqrt", "+i")).toBe("0.7071067811865476+0.7071067811865475i");
    expect(ww("sqrt", "-4.0-0.0i")).toBe("0.0-2.0i");
  });

  it("exp log sin cos tan", () => {
    expect(ww("exp", "+3.141592653589793i")).toBe("-1.0+1.2246467991473532e-16i");
    expect(ww("log", "-1")).toBe("+3.141592653589793i");
    expect(ww("log", "-1.0")).toBe("0.0+3.141592653589793i");
    expect(ww("log", "+i")).toBe("0.0+1.5707963267948966i");
    expect(ww("log", "-8", "2")).toBe(w("/", call("log", -8), call("log", 2)));
    expect(ww("sin", "+i")).toBe(`0.0+${Math.sinh(1)}i`);
    expect(ww("cos", "+i")).toBe(`${Math.cosh(1)}+0.0i`.replace("+0.0i", "-0.0i"));
    expect(ww("tan", "+1000i")).toBe("0.0+1.0i");
  });

  it("asin acos atan", () => {
    expect(ww("asin", "2")).toBe(`1.5707963267948966-${Math.acosh(2)}i`);
    expect(ww("asin", "-2")).toBe(`-1.5707963267948966+${Math.acosh(2)}i`);
    expect(ww("acos", "2")).toBe(`0.0+${Math.acosh(2)}i`);
    expect(ww("asin", "1+i")).toMatch(/^0\.666239432492515\d\+1\.061275061905035\di$/);
    expect(ww("atan", "1+i")).toBe("1.0172219678978514+0.4023594781085251i");
    expect(callError("atan", num("+i")).message).toBe("division by zero");
    expect(callError("atan", num("+i"), 1).message).toContain("real number");
  });

  it("expt", () => {
    expect(ww("expt", "-1", "1/2")).toBe("+i");
    expect(ww("expt", "-4", "3/2")).toBe("-8i");
    expect(ww("expt", "+i", "2")).toBe("-1");
    expect(ww("expt", "1+i", "-2")).toBe("-1/2i");
    expect(ww("expt", "0", "1+i")).toBe("0");
    const z = call("expt", -8, num("1/3")) as Complex;
    expect(z).toBeInstanceOf(Complex);
    expect(double(z.real)).toBeCloseTo(1, 12);
    expect(double(z.imag)).toBeCloseTo(Math.sqrt(3), 12);
    expect(ww("expt", "-1.0", "0.5")).toBe("6.123233995736766e-17+1.0i");
  });
});

// ### Identities, checked against the real arithmetic on the parts

const double = (x: unknown): number => (x instanceof Flonum ? x.value : Number(x));
const smallExact = fc.integer({ min: -1000, max: 1000 });
const exactComplex = fc
  .tuple(
    smallExact,
    smallExact.filter((n) => n !== 0),
  )
  .map(([re, im]) => num(`${re}${im < 0 ? "" : "+"}${im}i`));

describe("complex arithmetic identities", () => {
  it("(a+bi)(c+di) = (ac-bd) + (ad+bc)i, and division undoes it, exactly", () => {
    fc.assert(
      fc.property(exactComplex, exactComplex, (x, y) => {
        const p = call("*", x, y);
        const [a, b, c, d] = [x, y].flatMap((z) => [
          Number((z as Complex).real),
          Number((z as Complex).imag),
        ]) as [number, number, number, number];
        expect(call("real-part", p)).toBe(a * c - b * d);
        expect(call("imag-part", p)).toBe(a * d + b * c);
        expect(call("=", call("/", p, y), x)).toBe(true);
        expect(call("=", call("-", call("+", x, y), y), x)).toBe(true);
      }),
    );
  });

  it("(sqrt z)² = z for exact squares, and exp undoes log in doubles", () => {
    fc.assert(
      fc.property(exactComplex, (z) => {
        const root = call("sqrt", call("*", z, z));
        // The principal root is z or -z: the one with a positive real part (or positive imag on the axis).
        const ok = call("=", root, z) || call("=", root, call("-", z));
        expect(ok).toBe(true);
        const back = call("exp", call("log", z)) as Complex;
        const [re, im] = [Number((z as Complex).real), Number((z as Complex).imag)];
        expect(Math.abs(double(back.real) - re)).toBeLessThan(1e-9 * Math.hypot(re, im));
        expect(Math.abs(double(back.imag) - im)).toBeLessThan(1e-9 * Math.hypot(re, im));
      }),
    );
  });
});
