import { char } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { foldcaseText } from "./chars.js";
import { call, callError, ch, str } from "./test-helpers.js";

const cp = (c: unknown): number => (c as { codePoint: number }).codePoint;

describe("(scheme base) chars", () => {
  it("char? char->integer integer->char", () => {
    expect(call("char?", ch("a"))).toBe(true);
    expect(call("char?", str("a"))).toBe(false);
    expect(call("char->integer", ch("😀"))).toBe(0x1f600);
    expect(call("integer->char", 0x3bb)).toBe(ch("λ"));
    expect(callError("integer->char", 0xd800).who).toBe("integer->char");
    expect(callError("integer->char", 0x110000).message).toContain("Unicode scalar value");
    expect(callError("char->integer", 65).message).toContain("a char");
  });

  it("comparisons are n-ary and by code point", () => {
    expect(call("char=?", ch("a"), ch("a"), ch("a"))).toBe(true);
    expect(call("char<?", ch("a"), ch("b"), ch("c"))).toBe(true);
    expect(call("char<?", ch("a"), ch("c"), ch("b"))).toBe(false);
    expect(call("char>?", ch("😀"), ch("\uffff"))).toBe(true);
    expect(call("char<=?", ch("a"), ch("a"), ch("b"))).toBe(true);
    expect(call("char>=?", ch("b"), ch("c"))).toBe(false);
    expect(callError("char=?", ch("a"), ch("a"), "a").message).toContain("argument 3");
  });
});

describe("(scheme char)", () => {
  it("case-insensitive comparisons fold first", () => {
    expect(call("char-ci=?", ch("a"), ch("A"))).toBe(true);
    expect(call("char-ci=?", ch("ς"), ch("Σ"), ch("σ"))).toBe(true);
    expect(call("char-ci<?", ch("a"), ch("B"))).toBe(true);
    expect(call("char-ci>?", ch("a"), ch("B"))).toBe(false);
    expect(call("char-ci<=?", ch("Z"), ch("z"))).toBe(true);
    expect(call("char-ci>=?", ch("Z"), ch("y"))).toBe(true);
  });

  it("classify with Unicode properties", () => {
    expect(call("char-alphabetic?", ch("a"))).toBe(true);
    expect(call("char-alphabetic?", ch("λ"))).toBe(true);
    expect(call("char-alphabetic?", ch("1"))).toBe(false);
    expect(call("char-numeric?", ch("1"))).toBe(true);
    expect(call("char-numeric?", ch("٣"))).toBe(true);
    expect(call("char-numeric?", ch("½"))).toBe(false);
    expect(call("char-whitespace?", ch(" "))).toBe(true);
    expect(call("char-whitespace?", ch("\u00a0"))).toBe(true);
    expect(call("char-whitespace?", ch("\u2003"))).toBe(true);
    expect(call("char-whitespace?", ch("a"))).toBe(false);
    expect(call("char-upper-case?", ch("A"))).toBe(true);
    expect(call("char-upper-case?", ch("Λ"))).toBe(true);
    expect(call("char-upper-case?", ch("a"))).toBe(false);
    expect(call("char-lower-case?", ch("λ"))).toBe(true);
    expect(call("char-lower-case?", ch("1"))).toBe(false);
    expect(callError("char-alphabetic?", str("a")).who).toBe("char-alphabetic?");
  });

  it("digit-value knows every decimal digit set", () => {
    expect(call("digit-value", ch("3"))).toBe(3);
    expect(call("digit-value", ch("٤"))).toBe(4); // Arabic-Indic four
    expect(call("digit-value", ch("\u0ed6"))).toBe(6); // Lao six
    expect(call("digit-value", ch("𝟗"))).toBe(9); // mathematical bold nine, after bold 0-8
    expect(call("digit-value", ch("𝟘"))).toBe(0); // double-struck zero follows bold nine
    expect(call("digit-value", ch("a"))).toBe(false);
    expect(call("digit-value", ch("½"))).toBe(false);
  });

  it("simple case mappings", () => {
    expect(call("char-upcase", ch("a"))).toBe(ch("A"));
    expect(call("char-upcase", ch("λ"))).toBe(ch("Λ"));
    expect(call("char-upcase", ch("ß"))).toBe(ch("ß"));
    expect(call("char-upcase", ch("1"))).toBe(ch("1"));
    expect(call("char-downcase", ch("A"))).toBe(ch("a"));
    expect(call("char-downcase", ch("Σ"))).toBe(ch("σ"));
    expect(call("char-downcase", ch("İ"))).toBe(ch("İ"));
    expect(call("char-foldcase", ch("A"))).toBe(ch("a"));
    expect(call("char-foldcase", ch("ς"))).toBe(ch("σ"));
    expect(call("char-foldcase", ch("ſ"))).toBe(ch("s"));
    expect(call("char-foldcase", ch("\u212a"))).toBe(ch("k")); // Kelvin sign
    expect(cp(call("char-foldcase", char(0xab70)))).toBe(0x13a0); // Cherokee folds to uppercase
    expect(cp(call("char-foldcase", char(0x13a0)))).toBe(0x13a0);
    expect(call("char-foldcase", ch("İ"))).toBe(ch("İ"));
    expect(callError("char-upcase", 97).who).toBe("char-upcase");
    expect(callError("char-downcase", 97).who).toBe("char-downcase");
    expect(callError("char-foldcase", 97).who).toBe("char-foldcase");
  });

  it("full folding of text", () => {
    expect(foldcaseText("Straße ΣΑΣ")).toBe("strasse σασ");
    expect(foldcaseText("\u1e9e")).toBe("ss");
  });
});
