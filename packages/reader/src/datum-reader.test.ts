import { EOF, intern, isEqual, listToArray, locationOf, MString, Pair, write } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { DatumReader } from "./datum-reader.js";
import { readAll } from "./read-all.js";
import { ReadError } from "./read-error.js";

function errorOf(text: string, options?: { file?: string }): ReadError {
  try {
    readAll(text, options);
  } catch (error) {
    expect(ReadError.isInstance(error)).toBe(true);
    return error as ReadError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

describe("DatumReader", () => {
  it("reads one datum at a time and then EOF", () => {
    const reader = new DatumReader("(a b) 42 ; done\n");
    expect(listToArray(reader.read())).toEqual([intern("a"), intern("b")]);
    expect(reader.offset).toBe(5);
    expect(reader.read()).toBe(42);
    expect(reader.read()).toBe(EOF);
    expect(reader.read()).toBe(EOF);
  });

  it("keeps #!fold-case in force across reads", () => {
    const reader = new DatumReader("#!fold-case A B");
    expect(reader.read()).toBe(intern("a"));
    expect(reader.foldCase).toBe(true);
    expect(reader.read()).toBe(intern("b"));
  });

  it("goes back to the start of a datum that fails", () => {
    const reader = new DatumReader("ok (unclosed");
    expect(reader.read()).toBe(intern("ok"));
    expect(() => reader.read()).toThrow(ReadError);
    expect(reader.offset).toBe(2);
  });

  it("tells incomplete input (wait for more) from malformed input", () => {
    for (const text of [
      "(define (f x)",
      '"abc',
      "#| open",
      "'",
      "#(1 2",
      "#u8(1",
      "#;",
      "#0=",
      "|sym",
      '"a\\',
      "#\\",
    ]) {
      const error = errorOf(text);
      expect(error.incomplete, text).toBe(true);
    }
    for (const text of [")", "(a . b c)", "#\\bogus", '"\\q"', "#0#", "(. a)"]) {
      expect(errorOf(text).incomplete, text).toBe(false);
    }
  });
});

describe("source positions", () => {
  const source = '; header\n(define (f x)\n  (g "str" #(1 2) #u8(3) \'q))\n';
  const [form] = readAll(source, { file: "demo.scm" });

  it("records file, line and column of lists, vectors, bytevectors and strings", () => {
    expect(locationOf(form)).toEqual({ file: "demo.scm", line: 2, column: 1, offset: 9 });
    const [, header, body] = listToArray(form);
    expect(locationOf(header)).toMatchObject({ line: 2, column: 9 });
    const [, str, vec, bytes, quoted] = listToArray(body);
    expect(locationOf(body)).toMatchObject({ line: 3, column: 3 });
    expect(locationOf(str)).toMatchObject({ line: 3, column: 6 });
    expect(locationOf(vec)).toMatchObject({ line: 3, column: 12 });
    expect(locationOf(bytes)).toMatchObject({ line: 3, column: 19 });
    expect(locationOf(quoted)).toMatchObject({ line: 3, column: 26 });
  });

  it("counts lines inside strings, block comments and line continuations", () => {
    const [, , third, fourth] = readAll('"a\nb" #| x\ny |# "c\\\n  d"\n(x)\n(y)', { file: "f" });
    expect(locationOf(third)).toMatchObject({ line: 5, column: 1 });
    expect(locationOf(fourth)).toMatchObject({ line: 6, column: 1 });
  });

  it("records nothing with positions turned off", () => {
    const [list, str] = readAll('(a) "s"', { positions: false });
    expect(locationOf(list)).toBeUndefined();
    expect(locationOf(str)).toBeUndefined();
  });

  it("gives located lists and strings that print, compare and mutate like any others", () => {
    const [list, str] = readAll(`(a 'b "c") "d"`, { file: "m.scm" });
    expect(list).toBeInstanceOf(Pair);
    expect(str).toBeInstanceOf(MString);
    expect(write(list)).toBe(`(a 'b "c")`);
    expect(isEqual(list, readAll(`(a (quote b) "c")`, { positions: false })[0])).toBe(true);
    (list as Pair).car = 1;
    expect(write(list)).toBe(`(1 'b "c")`);
    expect(locationOf(list)).toMatchObject({ file: "m.scm", line: 1, column: 1 });
    expect(locationOf((list as Pair).cdr)).toBeUndefined();
    expect(locationOf(str)).toMatchObject({ file: "m.scm", line: 1, column: 12 });
  });
});

describe("read errors", () => {
  it("say file:line:col, what was found and what was expected", () => {
    const error = errorOf("(a\n  b))", { file: "x.scm" });
    expect(error.code).toBe("unexpected-close");
    expect(error.location).toMatchObject({ file: "x.scm", line: 2, column: 5 });
    expect(error.message).toBe('x.scm:2:5: ")" with no list open, expected a datum');
    expect(error.name).toBe("ReadError");
  });

  it("place an unterminated list at its opening parenthesis", () => {
    const error = errorOf("(ok)\n  (define (f)\n    (g)", { file: "y.scm" });
    expect(error.code).toBe("unterminated-list");
    expect(error.message).toBe('y.scm:2:3: end of input inside the list that starts here, expected ")"');
  });

  it("are recognised across copies by their marker", () => {
    const foreign = Object.assign(new Error("x"), { [Symbol.for("@termite/reader/ReadError")]: true });
    expect(ReadError.isInstance(foreign)).toBe(true);
    expect(ReadError.isInstance(new Error("x"))).toBe(false);
    expect(ReadError.isInstance(null)).toBe(false);
  });
});

describe("deep nesting", () => {
  it("reads a 10^5-deep nested list without a JS stack overflow", () => {
    const depth = 100_000;
    let value = readAll(`${"(".repeat(depth)}x${")".repeat(depth)}`)[0];
    let levels = 0;
    while (value instanceof Pair) {
      value = value.car;
      levels++;
    }
    expect(levels).toBe(depth);
    expect(value).toBe(intern("x"));
  });

  it("reads deep vectors, quotes and cycles through deep data", () => {
    const depth = 100_000;
    expect(readAll(`${"#(".repeat(depth)}${")".repeat(depth)}`)).toHaveLength(1);
    expect(readAll(`${"'".repeat(depth)}x`)).toHaveLength(1);
    const deep = readAll(`#0=${"(".repeat(depth)}#0#${")".repeat(depth)}`)[0] as Pair;
    let node: unknown = deep;
    for (let i = 0; i < depth; i++) node = (node as Pair).car;
    expect(node).toBe(deep);
  });

  it("fails on an unterminated deep list without hanging", () => {
    expect(errorOf("(".repeat(100_000)).code).toBe("unterminated-list");
  });
});
