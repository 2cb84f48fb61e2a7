import {
  Complex,
  char,
  cons,
  EOF,
  ErrorObject,
  exactRational,
  Flonum,
  flonum,
  intern,
  isEqual,
  list,
  MString,
  MultipleValues,
  Pair,
  Ratio,
  Record,
  RecordType,
  Sym,
  string,
  uninternedSymbol,
} from "@termite/datum";
import { describe, expect, it } from "vitest";
import { decode, decodeSync, encode, registerRecordType } from "./index.js";

const roundTrip = (value: unknown): unknown => decodeSync(encode(value));

describe("round trips of atoms", () => {
  it("keeps exact integers exact, small and big", () => {
    for (const n of [
      0,
      1,
      -1,
      23,
      24,
      255,
      256,
      65535,
      2 ** 32,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
    ]) {
      expect(roundTrip(n)).toBe(n);
    }
    for (const n of [
      2n ** 53n,
      -(2n ** 53n) - 1n,
      2n ** 64n - 1n,
      2n ** 64n,
      -(2n ** 64n) - 1n,
      10n ** 100n,
      -(10n ** 100n),
    ]) {
      expect(roundTrip(n)).toBe(n);
    }
  });

  it("keeps flonums flonums, -0.0, NaN and the infinities included", () => {
    const back = roundTrip(flonum(2)) as Flonum;
    expect(back).toBeInstanceOf(Flonum);
    expect(back.value).toBe(2);
    expect(Object.is((roundTrip(flonum(-0)) as Flonum).value, -0)).toBe(true);
    expect((roundTrip(flonum(1e300)) as Flonum).value).toBe(1e300);
    expect(roundTrip(0.1)).toBe(0.1);
    expect(roundTrip(-2.5e-308)).toBe(-2.5e-308);
    expect(roundTrip(5e-324)).toBe(5e-324);
    expect(Number.isNaN(roundTrip(Number.NaN))).toBe(true);
    expect(roundTrip(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(roundTrip(Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
  });

  it("keeps exact rationals, with bignum parts too", () => {
    const third = roundTrip(exactRational(1, 3)) as Ratio;
    expect(third).toBeInstanceOf(Ratio);
    expect([third.numerator, third.denominator]).toEqual([1, 3]);
    const huge = roundTrip(exactRational(-(10n ** 40n) - 1n, 10n ** 30n)) as Ratio;
    expect([huge.numerator, huge.denominator]).toEqual([-(10n ** 40n) - 1n, 10n ** 30n]);
  });

  it("keeps complex numbers with each part's exactness", () => {
    const exact = roundTrip(new Complex(exactRational(1, 3), -(2n ** 80n))) as Complex;
    expect(exact).toBeInstanceOf(Complex);
    expect(exact.real).toBeInstanceOf(Ratio);
    expect(exact.imag).toBe(-(2n ** 80n));
    const mixed = roundTrip(new Complex(1, flonum(0))) as Complex;
    expect(mixed.real).toBe(1);
    expect(mixed.imag).toStrictEqual(flonum(0));
    const special = roundTrip(new Complex(Number.NEGATIVE_INFINITY, Number.NaN)) as Complex;
    expect(special.real).toBe(Number.NEGATIVE_INFINITY);
    expect(Number.isNaN(special.imag)).toBe(true);
  });

  it("keeps strings as fresh mutable strings, astral code points included", () => {
    for (const text of ["", "hello", "é\u0000\n", "𝄞 and 😀", "x".repeat(100_000)]) {
      const s = string(text);
      const back = roundTrip(s) as MString;
      expect(back).toBeInstanceOf(MString);
      expect(back).not.toBe(s);
      expect(back.toString()).toBe(text);
      expect(back.length).toBe(s.length);
    }
  });

  it("interns symbols and keeps uninterned ones apart", () => {
    expect(roundTrip(intern("hello"))).toBe(intern("hello"));
    expect(roundTrip(intern(""))).toBe(intern(""));
    const g = uninternedSymbol("g1");
    const back = roundTrip(g) as Sym;
    expect(back).toBeInstanceOf(Sym);
    expect(back.interned).toBe(false);
    expect(back.name).toBe("g1");
    expect(back).not.toBe(intern("g1"));
  });

  it("keeps chars, booleans, (), unspecified and eof", () => {
    for (const c of [0, 65, 0xe9, 0xd7ff, 0xe000, 0x1f600, 0x10ffff])
      expect(roundTrip(char(c))).toBe(char(c));
    expect(roundTrip(true)).toBe(true);
    expect(roundTrip(false)).toBe(false);
    expect(roundTrip(null)).toBe(null);
    expect(roundTrip(undefined)).toBe(undefined);
    expect(roundTrip(EOF)).toBe(EOF);
  });

  it("keeps bytevectors as plain Uint8Arrays, whatever came in", () => {
    const back = roundTrip(Buffer.from([1, 2, 255])) as Uint8Array;
    expect(back.constructor).toBe(Uint8Array);
    expect([...back]).toEqual([1, 2, 255]);
    expect((roundTrip(new Uint8Array(0)) as Uint8Array).length).toBe(0);
  });
});

describe("round trips of containers", () => {
  it("keeps lists, improper lists, vectors and nesting", () => {
    const value = list([1, list([2, 3], 4), [5, string("six"), [intern("seven")]], null, []]);
    expect(isEqual(roundTrip(value), value)).toBe(true);
  });

  it("keeps error objects with their kind, message, who and irritants", () => {
    const e = new ErrorObject("file", "cannot open", [string("/tmp/x"), 2], "open-input-file");
    const back = roundTrip(e) as ErrorObject;
    expect(back).toBeInstanceOf(ErrorObject);
    expect(back.kind).toBe("file");
    expect(back.message).toBe("cannot open");
    expect(back.who).toBe("open-input-file");
    expect(isEqual(back.irritants[0], string("/tmp/x"))).toBe(true);
    expect(back.irritants[1]).toBe(2);
    expect((roundTrip(new ErrorObject("error", "m", [])) as ErrorObject).who).toBeUndefined();
  });

  it("keeps multiple values", () => {
    const back = roundTrip(new MultipleValues([1, intern("a")])) as MultipleValues;
    expect(back).toBeInstanceOf(MultipleValues);
    expect(back.values).toEqual([1, intern("a")]);
  });
});

describe("records", () => {
  it("gives received records the locally registered type of the same uid", () => {
    const point = new RecordType("point", "test:point#1", ["x", "y"]);
    registerRecordType(point);
    const back = roundTrip(new Record(point, [1, flonum(2)])) as Record;
    expect(back.type).toBe(point);
    expect(back.fields[0]).toBe(1);
    expect((back.fields[1] as Flonum).value).toBe(2);
  });

  it("makes one type for an unknown uid and reuses it for later messages", () => {
    const remote = new RecordType("github.com/fred/geo@1.0#circle", "test:circle#1", ["r"]);
    const registry = new Map<string, RecordType>();
    const bytes = encode(list([new Record(remote, [1]), new Record(remote, [2])]));
    const a = decodeSync(bytes, { recordTypes: registry }) as Pair;
    const b = decodeSync(bytes, { recordTypes: registry }) as Pair;
    const typeA = (a.car as Record).type;
    expect(typeA).not.toBe(remote);
    expect(typeA.name).toBe("github.com/fred/geo@1.0#circle");
    expect(typeA.fieldNames).toEqual(["r"]);
    expect(((a.cdr as Pair).car as Record).type).toBe(typeA);
    expect((b.car as Record).type).toBe(typeA);
    expect(registry.get("test:circle#1")).toBe(typeA);
  });

  it("refuses a registered uid with different fields, and unknown types when asked to", () => {
    const registry = new Map([["test:p#2", new RecordType("p", "test:p#2", ["x"])]]);
    const bytes = encode(new Record(new RecordType("p", "test:p#2", ["x", "y"]), [1, 2]));
    expect(() => decodeSync(bytes, { recordTypes: registry })).toThrow(
      expect.objectContaining({
        code: "record-type",
        message: expect.stringContaining("(x y) in the message but (x) here"),
      }),
    );
    expect(() => decodeSync(bytes, { recordTypes: new Map(), unknownRecordTypes: "refuse" })).toThrow(
      expect.objectContaining({ code: "record-type" }),
    );
  });
});

describe("sharing and cycles (eq? identity within a message)", () => {
  it("keeps a circular list circular", () => {
    const c = list([1, 2, 3]) as Pair;
    ((c.cdr as Pair).cdr as Pair).cdr = c;
    const back = roundTrip(c) as Pair;
    expect(back.car).toBe(1);
    expect(((back.cdr as Pair).cdr as Pair).cdr).toBe(back);
  });

  it("keeps a vector that contains itself", () => {
    const v: unknown[] = [1, null];
    v[1] = v;
    const back = roundTrip(v) as unknown[];
    expect(back[1]).toBe(back);
  });

  it("keeps two lists sharing a tail sharing it", () => {
    const tail = list([3, 4]);
    const a = cons(1, tail);
    const b = cons(2, tail);
    const back = roundTrip([a, b, tail]) as Pair[];
    expect(back[0]!.cdr).toBe(back[1]!.cdr);
    expect(back[2]).toBe(back[0]!.cdr);
  });

  it("keeps shared strings, bytevectors and uninterned symbols one object", () => {
    const s = string("shared");
    const bytes = new Uint8Array([9]);
    const g = uninternedSymbol("g");
    const back = roundTrip(list([s, s, bytes, bytes, g, g])) as Pair;
    const items: unknown[] = [];
    for (let p: unknown = back; p instanceof Pair; p = p.cdr) items.push(p.car);
    expect(items[0]).toBe(items[1]);
    expect(items[2]).toBe(items[3]);
    expect(items[4]).toBe(items[5]);
    expect(items[0]).not.toBe(s);
  });

  it("keeps a pair shared from a car and a cdr, and a record referring to itself", () => {
    const inner = list([7, 8]) as Pair;
    const outer = cons(inner, inner.cdr);
    const selfish = new RecordType("node", "test:node#1", ["next"]);
    const r = new Record(selfish, [null]);
    r.fields[0] = r;
    const back = roundTrip([outer, r]) as [Pair, Record];
    expect(back[0].cdr).toBe((back[0].car as Pair).cdr);
    expect(back[1].fields[0]).toBe(back[1]);
  });
});

describe("size and depth cost heap, never JS stack", () => {
  it("round-trips a 10^6-element list", async () => {
    const items = Array.from({ length: 1_000_000 }, (_, i) => i);
    const back = await decode(encode(list(items)));
    let n = 0;
    let p = back;
    while (p instanceof Pair) {
      if (p.car !== n) throw new Error(`element ${n} is ${String(p.car)}`);
      n++;
      p = p.cdr;
    }
    expect(n).toBe(1_000_000);
    expect(p).toBe(null);
  });

  it("round-trips a 10^5-deep nested list, both in car and in vector position", () => {
    let deep: unknown = null;
    for (let i = 0; i < 100_000; i++) deep = cons(deep, null);
    let vectors: unknown = 0;
    for (let i = 0; i < 100_000; i++) vectors = [vectors];
    const back = roundTrip([deep, vectors]) as unknown[];
    let depth = 0;
    for (let p = back[0]; p instanceof Pair; p = p.car) depth++;
    expect(depth).toBe(100_000);
    depth = 0;
    for (let v = back[1]; Array.isArray(v); v = v[0]) depth++;
    expect(depth).toBe(100_000);
    expect(isEqual(back[0], deep)).toBe(true);
  });
});
