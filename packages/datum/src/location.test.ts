import { describe, expect, it } from "vitest";
import { isEqual } from "./equality.js";
import { formatLocation, locationOf, SourcePair, SourceString, setLocation } from "./location.js";
import { write } from "./printer.js";
import { list, MString, Pair, string } from "./values.js";

describe("source positions", () => {
  it("a SourcePair carries its position and is a pair like any other", () => {
    const form = new SourcePair(1, list([2, 3]), "a.scm", 3, 5, 40);
    expect(locationOf(form)).toEqual({ file: "a.scm", line: 3, column: 5, offset: 40 });
    expect(form).toBeInstanceOf(Pair);
    expect(write(form)).toBe("(1 2 3)");
    expect(isEqual(form, list([1, 2, 3]))).toBe(true);
  });

  it("a SourceString carries its position and is a string like any other", () => {
    const literal = new SourceString("hi λ", { file: "b.scm", line: 2, column: 7, offset: 12 });
    expect(locationOf(literal)).toEqual({ file: "b.scm", line: 2, column: 7, offset: 12 });
    expect(literal).toBeInstanceOf(MString);
    expect(write(literal)).toBe('"hi λ"');
    expect(isEqual(literal, string("hi λ"))).toBe(true);
  });

  it("setLocation overrides a SourcePair's or SourceString's own position", () => {
    const form = new SourcePair(1, null, undefined, 1, 1, 0);
    setLocation(form, { file: "moved.scm", line: 9, column: 2 });
    expect(locationOf(form)).toEqual({ file: "moved.scm", line: 9, column: 2 });
    const literal = new SourceString("x", { line: 1, column: 1 });
    setLocation(literal, { line: 4, column: 4 });
    expect(formatLocation(locationOf(literal)!)).toBe("4:4");
  });

  it("keeps positions of other objects beside them, and none for values never located", () => {
    const made = list([1, 2]) as Pair;
    const vector = [1, 2];
    expect(locationOf(made)).toBeUndefined();
    setLocation(made, { file: "c.scm", line: 1, column: 3 });
    setLocation(vector, { line: 2, column: 1 });
    expect(formatLocation(locationOf(made)!)).toBe("c.scm:1:3");
    expect(formatLocation(locationOf(vector)!)).toBe("2:1");
    expect(locationOf(made.cdr)).toBeUndefined();
    expect(locationOf(42)).toBeUndefined();
    expect(locationOf(null)).toBeUndefined();
  });
});

describe("located values compared structurally", () => {
  it("have no own properties besides those of a plain pair or string", () => {
    expect(new SourcePair(1, null, "a.scm", 1, 1, 0)).toEqual(new Pair(1, null));
    expect(Object.keys(new SourcePair(1, null, "a.scm", 1, 1, 0))).toEqual(["car", "cdr"]);
    expect(new SourceString("s", { line: 1, column: 1 })).toEqual(string("s"));
  });
});
