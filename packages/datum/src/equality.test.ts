import { describe, expect, it } from "vitest";
import { isEq, isEqual, isEqv } from "./equality.js";
import {
  Complex,
  char,
  cons,
  exactInteger,
  exactRational,
  flonum,
  intern,
  list,
  type Pair,
  Record,
  RecordType,
  rectangular,
  string,
  uninternedSymbol,
} from "./values.js";

describe("eq?", () => {
  it("is identity, with interned symbols and chars", () => {
    expect(isEq(intern("a"), intern("a"))).toBe(true);
    expect(isEq(char(97), char(97))).toBe(true);
    expect(isEq(uninternedSymbol("a"), intern("a"))).toBe(false);
    expect(isEq(list([1]), list([1]))).toBe(false);
    expect(isEq(null, null)).toBe(true);
    expect(isEq(12, 12)).toBe(true);
    expect(isEq(Number.NaN, Number.NaN)).toBe(true);
  });
});

describe("eqv?", () => {
  it("compares numbers by exactness and value", () => {
    expect(isEqv(2, 2)).toBe(true);
    expect(isEqv(2, flonum(2))).toBe(false);
    expect(isEqv(flonum(2), 2)).toBe(false);
    expect(isEqv(flonum(2), flonum(2))).toBe(true);
    expect(isEqv(1.5, 1.5)).toBe(true);
    expect(isEqv(2n ** 80n, 2n ** 80n)).toBe(true);
    expect(isEqv(exactInteger(2n ** 80n), 2 ** 80)).toBe(false);
    expect(isEqv(exactRational(1, 3), exactRational(2, 6))).toBe(true);
    expect(isEqv(exactRational(1, 3), exactRational(1, 4))).toBe(false);
    expect(isEqv(exactRational(1, 2), 0.5)).toBe(false);
  });

  it("compares complex numbers part by part, exactness included", () => {
    expect(isEqv(new Complex(1, 2), new Complex(1, 2))).toBe(true);
    expect(isEqv(new Complex(1, 2), new Complex(1, flonum(2)))).toBe(false);
    expect(isEqv(new Complex(exactRational(1, 2), 1.5), new Complex(exactRational(2, 4), 1.5))).toBe(true);
    expect(isEqv(new Complex(1, flonum(0)), 1)).toBe(false);
    expect(isEqv(1.5, new Complex(1.5, 1))).toBe(false);
    expect(isEqv(new Complex(Number.NaN, 1), new Complex(Number.NaN, 1))).toBe(true);
    expect(isEqual(list([new Complex(1, -1)]), list([new Complex(1, -1)]))).toBe(true);
    expect(rectangular(2, 0)).toBe(2);
    expect(rectangular(2, flonum(0))).toBeInstanceOf(Complex);
  });

  it("follows Object.is for flonums: 0.0 and -0.0 differ, NaN is NaN", () => {
    expect(isEqv(flonum(0), flonum(-0))).toBe(false);
    expect(isEqv(Number.NaN, Number.NaN)).toBe(true);
    expect(isEqv(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(true);
  });

  it("compares strings, pairs and vectors by identity", () => {
    const s = string("ab");
    expect(isEqv(s, s)).toBe(true);
    expect(isEqv(string("ab"), string("ab"))).toBe(false);
    expect(isEqv([1], [1])).toBe(false);
    expect(isEqv(cons(1, 2), cons(1, 2))).toBe(false);
    expect(isEqv(char(0x3bb), char(0x3bb))).toBe(true);
  });
});

describe("equal?", () => {
  it("compares pairs, vectors, strings and bytevectors by contents", () => {
    expect(
      isEqual(
        list([1, [2, string("x")], new Uint8Array([1, 2])]),
        list([1, [2, string("x")], new Uint8Array([1, 2])]),
      ),
    ).toBe(true);
    expect(isEqual(list([1, 2]), list([1, 3]))).toBe(false);
    expect(isEqual(list([1, 2]), list([1, 2, 3]))).toBe(false);
    expect(isEqual([1, 2], list([1, 2]))).toBe(false);
    expect(isEqual(string("ab"), string("ab"))).toBe(true);
    expect(isEqual(string("ab"), string("aB"))).toBe(false);
    expect(isEqual(string("😀a"), string("😀a"))).toBe(true);
    expect(isEqual(new Uint8Array([1]), new Uint8Array([2]))).toBe(false);
    expect(isEqual(cons(1, flonum(2)), cons(1, 2))).toBe(false);
  });

  it("uses eqv? on records", () => {
    const t = new RecordType("point", "point", ["x"]);
    const r = new Record(t, [1]);
    expect(isEqual(r, r)).toBe(true);
    expect(isEqual(new Record(t, [1]), new Record(t, [1]))).toBe(false);
  });

  it("ends on cyclic data and compares it by unfolding", () => {
    const a = list([1, 2, 3]) as Pair;
    (a.cdr as Pair).cdr = cons(3, a);
    const once = list([1, 2, 3]) as Pair;
    ((once.cdr as Pair).cdr as Pair).cdr = once;
    const twice = list([1, 2, 3, 1, 2, 3]) as Pair;
    let p = twice;
    while (p.cdr !== null) p = p.cdr as Pair;
    p.cdr = twice;
    expect(isEqual(once, twice)).toBe(true);
    const other = list([1, 2, 4]) as Pair;
    ((other.cdr as Pair).cdr as Pair).cdr = other;
    expect(isEqual(once, other)).toBe(false);
    const v: unknown[] = [1];
    v.push(v);
    const w: unknown[] = [1];
    w.push([1, w]);
    expect(isEqual(v, w)).toBe(true);
  });

  it("handles 1e5-deep nesting and a 1e6-long list", () => {
    let x: unknown = null;
    let y: unknown = null;
    for (let i = 0; i < 100_000; i++) {
      x = cons(x, null);
      y = cons(y, null);
    }
    expect(isEqual(x, y)).toBe(true);
    expect(isEqual(x, cons(y, null))).toBe(false);
    const items = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(isEqual(list(items), list(items))).toBe(true);
  });

  it("stays linear on heavily shared data", () => {
    let a: unknown = null;
    let b: unknown = null;
    for (let i = 0; i < 200; i++) {
      a = [a, a];
      b = [b, b];
    }
    expect(isEqual(a, b)).toBe(true);
  });
});
