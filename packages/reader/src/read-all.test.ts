import { Char, char, EOF, Flonum, intern, listToArray, MString, Pair, Ratio, type Sym } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { readAll } from "./read-all.js";

function readOne(text: string): unknown {
  const data = readAll(text);
  expect(data).toHaveLength(1);
  return data[0];
}

function symbolName(value: unknown): string {
  expect(value).toHaveProperty("interned", true);
  return (value as Sym).name;
}

function text(value: unknown): string {
  expect(value).toBeInstanceOf(MString);
  return String(value);
}

describe("readAll: atoms", () => {
  it("reads symbols case-sensitively, including the ELS'20 module name forms", () => {
    expect(readOne("Hello")).toBe(intern("Hello"));
    const name = listToArray(readOne("(github.com/fred hello @2.0)"));
    expect(name.map(symbolName)).toEqual(["github.com/fred", "hello", "@2.0"]);
    expect(symbolName(readOne("github.com/fred/hello@2.0#hi"))).toBe("github.com/fred/hello@2.0#hi");
    for (const s of ["+", "-", "...", "->x", "a.b", "1+", "-a", "+.a", "!$%&*/:<=>?^_~", "λ", "a'b"]) {
      expect(symbolName(readOne(s)), s).toBe(s);
    }
  });

  it("reads |symbols| with escapes", () => {
    expect(symbolName(readOne("|hello world|"))).toBe("hello world");
    expect(symbolName(readOne("||"))).toBe("");
    expect(symbolName(readOne("|a\\|b|"))).toBe("a|b");
    expect(symbolName(readOne("|\\x3bb;\\t|"))).toBe("λ\t");
    expect(symbolName(readOne("|42|"))).toBe("42");
  });

  it("reads booleans in all spellings", () => {
    expect(readAll("#t #true #f #false #T #FALSE")).toEqual([true, true, false, false, true, false]);
  });

  it("reads numbers in their datum representations", () => {
    const [i, big, r, f, boxed, inf, nan] = readAll("42 123456789012345678901 -1/2 1.5 2.0 -inf.0 +nan.0");
    expect(i).toBe(42);
    expect(big).toBe(123456789012345678901n);
    expect(r).toBeInstanceOf(Ratio);
    expect(f).toBe(1.5);
    expect(boxed).toBeInstanceOf(Flonum);
    expect(inf).toBe(Number.NEGATIVE_INFINITY);
    expect(nan).toBeNaN();
    expect(readAll("#x-1F #e1.5 #i1/2").map(String)).toEqual(["-31", "[object Object]", "0.5"]);
  });

  it("reads strings with every escape and line continuations", () => {
    expect(text(readOne('"plain"'))).toBe("plain");
    expect(text(readOne('"\\a\\b\\t\\n\\r\\"\\\\\\|"'))).toBe('\x07\b\t\n\r"\\|');
    expect(text(readOne('"\\x3bb; and \\x1F600;"'))).toBe("λ and 😀");
    expect(text(readOne('"one \\   \n    two"'))).toBe("one two");
    expect(text(readOne('"one \\\r\n\ttwo"'))).toBe("one two");
    expect(text(readOne('"multi\nline"'))).toBe("multi\nline");
    expect(text(readOne('"astral 😀 kept"'))).toBe("astral 😀 kept");
  });

  it("reads each string literal as a fresh mutable string", () => {
    const [a, b] = readAll('"x" "x"');
    expect(a).not.toBe(b);
  });

  it("reads chars by themselves, by name and by hex code", () => {
    const chars = readAll('#\\a #\\A #\\space #\\newline #\\x3bb #\\x #\\( #\\) #\\; #\\" #\\λ #\\😀');
    expect(chars.every((c) => c instanceof Char)).toBe(true);
    expect(chars.map((c) => (c as Char).codePoint)).toEqual([
      97, 65, 32, 10, 0x3bb, 120, 40, 41, 59, 34, 0x3bb, 0x1f600,
    ]);
    const names = "#\\alarm #\\backspace #\\delete #\\escape #\\null #\\return #\\tab #\\nul #\\esc";
    expect(readAll(names).map((c) => (c as Char).codePoint)).toEqual([7, 8, 0x7f, 0x1b, 0, 13, 9, 0, 0x1b]);
    expect(readOne("#\\x41")).toBe(char(0x41));
  });

  it("reads #!eof as the eof object and #!void as the unspecified value", () => {
    const data = readAll("#!eof #!void 1");
    expect(data).toEqual([EOF, undefined, 1]);
    expect(data).toHaveLength(3);
  });
});

describe("readAll: compound data", () => {
  it("reads proper and improper lists", () => {
    expect(readOne("()")).toBe(null);
    const list = readOne("(1 (2 3) . 4)") as Pair;
    expect(list.car).toBe(1);
    expect(listToArray((list.cdr as Pair).car)).toEqual([2, 3]);
    expect((list.cdr as Pair).cdr).toBe(4);
    expect((readOne("(a . (b . (c . ())))") as Pair).cdr).toBeInstanceOf(Pair);
    expect(listToArray(readOne("(a . (b c))")).map(symbolName)).toEqual(["a", "b", "c"]);
  });

  it("reads vectors and bytevectors", () => {
    expect(readOne("#()")).toEqual([]);
    expect(readOne("#(1 #(2) ())")).toEqual([1, [2], null]);
    expect(readOne("#u8()")).toEqual(new Uint8Array());
    expect(readOne("#u8(0 1 #xff)")).toEqual(Uint8Array.of(0, 1, 255));
    expect(readOne("#U8(7)")).toEqual(Uint8Array.of(7));
  });

  it("reads the quote abbreviations as two-element lists", () => {
    const forms = readAll("'a `b ,c ,@d").map((f) => listToArray(f).map(symbolName));
    expect(forms).toEqual([
      ["quote", "a"],
      ["quasiquote", "b"],
      ["unquote", "c"],
      ["unquote-splicing", "d"],
    ]);
    expect(listToArray(readOne("''a")).map((x) => (x instanceof Pair ? "list" : symbolName(x)))).toEqual([
      "quote",
      "list",
    ]);
  });

  it("does not require whitespace between tokens that delimit themselves", () => {
    expect(readAll('(a"s"b)').length).toBe(1);
    expect(
      listToArray(readOne('(a"s"b)')).map((x) => (x instanceof MString ? `"${x}"` : symbolName(x))),
    ).toEqual(["a", '"s"', "b"]);
    expect(readAll("'(1)'(2)")).toHaveLength(2);
  });
});

describe("readAll: comments and directives", () => {
  it("skips line, nested block and datum comments", () => {
    const data = readAll(`
      ; line comment
      a #| block #| nested |# still |# b
      #;(skipped (datum)) c
      (d #;e) #;#;f g h
      (i . #;j k)
    `);
    expect(data.slice(0, 3).map(symbolName)).toEqual(["a", "b", "c"]);
    expect(listToArray(data[3]).map(symbolName)).toEqual(["d"]);
    expect(symbolName(data[4])).toBe("h");
    expect((data[5] as Pair).cdr).toBe(intern("k"));
  });

  it("folds case after #!fold-case until #!no-fold-case", () => {
    const data = readAll("ABC #!fold-case ABC #\\SPACE |KEPT| #!no-fold-case ABC");
    expect(data.map((x) => (x instanceof Char ? x.codePoint : symbolName(x)))).toEqual([
      "ABC",
      "abc",
      32,
      "KEPT",
      "ABC",
    ]);
    expect(symbolName(readOne("ΧΑΟΣ"))).toBe("ΧΑΟΣ");
    expect(symbolName(readAll("ΧΑΟΣ", { foldCase: true })[0])).toBe("χαοσ");
  });

  it("skips a script line at the very start", () => {
    expect(readAll("#!/usr/bin/env termite\n(a)")).toHaveLength(1);
  });

  it("reads nothing from whitespace and comments alone", () => {
    expect(readAll("")).toEqual([]);
    expect(readAll("  ; only a comment")).toEqual([]);
    expect(readAll("#| a |# #;x")).toEqual([]);
  });
});

describe("readAll: datum labels", () => {
  it("shares labelled data", () => {
    const [list] = readAll('(#0=(a b) #0# #1="s" #1#)');
    const items = listToArray(list);
    expect(items[0]).toBe(items[1]);
    expect(items[2]).toBe(items[3]);
  });

  it("ties cycles through lists and vectors", () => {
    const cycle = readOne("#0=(a b . #0#)") as Pair;
    expect(((cycle.cdr as Pair).cdr as Pair).car).toBe(intern("a"));
    expect((cycle.cdr as Pair).cdr).toBe(cycle);
    const vector = readOne("#1=#(1 #1# (x . #1#))") as unknown[];
    expect(vector[1]).toBe(vector);
    expect((vector[2] as Pair).cdr).toBe(vector);
    const car = readOne("#0=(#0#)") as Pair;
    expect(car.car).toBe(car);
    const quoted = readOne("#0='#0#") as Pair;
    expect((quoted.cdr as Pair).car).toBe(quoted);
  });

  it("resolves nested labels", () => {
    const outer = readOne("#0=(#1=(b #0#) #1#)") as Pair;
    const inner = outer.car as Pair;
    expect((outer.cdr as Pair).car).toBe(inner);
    expect((inner.cdr as Pair).car).toBe(outer);
  });

  it("scopes labels to one top-level datum", () => {
    expect(() => readAll("#0=a #0#")).toThrow(/#0# before any #0=/);
  });
});
