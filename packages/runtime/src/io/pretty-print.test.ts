import { cons, intern, list, string } from "@termite/datum";
import { DatumReader } from "@termite/reader";
import { describe, expect, it } from "vitest";
import { prettyText } from "./pretty-print.js";

const read = (text: string) => new DatumReader(text).read();

describe("prettyText", () => {
  it("prints what fits on one line as write does", () => {
    expect(prettyText(read('(define (f x) "s" #\\a)'))).toBe('(define (f x) "s" #\\a)');
    expect(prettyText(string("x"))).toBe('"x"');
  });

  it("keeps a special form's head and first operand, indents the body by two", () => {
    const text = prettyText(read("(define (square x) (let ((y (* x x))) (display y) (newline) y))"), 30);
    expect(text).toBe(
      ["(define (square x)", "  (let ((y (* x x)))", "    (display y)", "    (newline)", "    y))"].join(
        "\n",
      ),
    );
  });

  it("aligns a call's arguments under the first one", () => {
    expect(prettyText(read("(list alpha-beta gamma-delta epsilon)"), 20)).toBe(
      ["(list alpha-beta", "      gamma-delta", "      epsilon)"].join("\n"),
    );
  });

  it("puts one element per line for a list of data and a vector", () => {
    expect(prettyText(read("((1 2) (3 4) (5 6))"), 10)).toBe(["((1 2)", " (3 4)", " (5 6))"].join("\n"));
    expect(prettyText(read("#(aaaa bbbb cccc)"), 10)).toBe(["#(aaaa", "  bbbb", "  cccc)"].join("\n"));
  });

  it("keeps quote abbreviations", () => {
    expect(prettyText(read("'(aaaa bbbb cccc)"), 10)).toBe(["'(aaaa", "  bbbb", "  cccc)"].join("\n"));
  });

  it("prints cyclic data on one line with labels", () => {
    const c = cons(intern("a"), null);
    c.cdr = c;
    expect(prettyText(c, 5)).toBe("#0=(a . #0#)");
  });

  it("prints improper lists flat", () => {
    expect(prettyText(list([1, 2], 3), 3)).toBe("(1 2 . 3)");
  });

  it("handles a 1e4-deep list without exhausting the stack", () => {
    let v: unknown = null;
    for (let i = 0; i < 10_000; i++) v = list([v, 1]);
    expect(prettyText(v).length).toBeGreaterThan(10_000);
  });
});
