import type { MString } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { compareText } from "./strings.js";
import { call, callError, ch, lst, str, w } from "./test-helpers.js";

const text = (s: unknown): string => (s as MString).toString();

describe("building and measuring strings", () => {
  it("string? make-string string string-length", () => {
    expect(call("string?", str("x"))).toBe(true);
    expect(call("string?", ch("x"))).toBe(false);
    expect(text(call("make-string", 3, ch("😀")))).toBe("😀😀😀");
    expect(text(call("make-string", 2))).toBe("  ");
    expect(text(call("string", ch("a"), ch("😀"), ch("b")))).toBe("a😀b");
    expect(text(call("string"))).toBe("");
    expect(call("string-length", str("a😀b"))).toBe(3);
    expect(callError("make-string", -1).who).toBe("make-string");
    expect(callError("string", ch("a"), "b").message).toContain("argument 2");
    expect(callError("string-length", 5).message).toContain("a string");
  });

  it("string-ref and string-set! count code points", () => {
    const s = str("a😀b");
    expect(call("string-ref", s, 1)).toBe(ch("😀"));
    expect(call("string-ref", s, 2)).toBe(ch("b"));
    call("string-set!", s, 0, ch("🎉"));
    expect(text(s)).toBe("🎉😀b");
    const e = callError("string-ref", s, 3);
    expect(e.who).toBe("string-ref");
    expect(e.message).toContain("index out of range");
    expect(callError("string-ref", s, 1.5).message).toContain("exact integer");
    expect(callError("string-set!", s, 0, "x").message).toContain("a char");
  });

  it("substring string-append string-copy", () => {
    expect(w("substring", str("a😀bcd"), 1, 3)).toBe('"😀b"');
    expect(callError("substring", str("abc"), 2, 1).who).toBe("substring");
    expect(w("string-append", str("a"), str("😀"), str("b"))).toBe('"a😀b"');
    expect(w("string-append")).toBe('""');
    const s = str("hello");
    const copy = call("string-copy", s) as MString;
    expect(copy).not.toBe(s);
    expect(text(copy)).toBe("hello");
    expect(w("string-copy", s, 1)).toBe('"ello"');
    expect(w("string-copy", s, 1, 3)).toBe('"el"');
    expect(callError("string-copy", s, 4, 9).message).toContain("index out of range");
  });

  it("string-copy! handles overlap and astral chars", () => {
    const s = str("abcde");
    call("string-copy!", s, 1, s, 0, 3);
    expect(text(s)).toBe("aabce");
    const t = str("xxxx");
    call("string-copy!", t, 2, str("😀😀"));
    expect(text(t)).toBe("xx😀😀");
    expect(callError("string-copy!", t, 3, str("ab")).message).toContain("not enough room");
  });

  it("string-fill!", () => {
    const s = str("abcde");
    call("string-fill!", s, ch("😀"), 1, 3);
    expect(text(s)).toBe("a😀😀de");
    call("string-fill!", s, ch("z"));
    expect(text(s)).toBe("zzzzz");
    expect(callError("string-fill!", s, "z").who).toBe("string-fill!");
  });
});

describe("conversions", () => {
  it("string->list list->string", () => {
    expect(w("string->list", str("a😀b"))).toBe("(#\\a #\\😀 #\\b)");
    expect(w("string->list", str("abcd"), 1, 3)).toBe("(#\\b #\\c)");
    expect(w("list->string", lst(ch("a"), ch("😀")))).toBe('"a😀"');
    expect(callError("list->string", lst(ch("a"), 1)).message).toContain("a list of chars");
    expect(callError("list->string", ch("a")).message).toContain("proper list");
  });

  it("string->vector vector->string", () => {
    expect(w("string->vector", str("ab😀"))).toBe("#(#\\a #\\b #\\😀)");
    expect(w("string->vector", str("abc"), 2)).toBe("#(#\\c)");
    expect(w("vector->string", [ch("a"), ch("😀")])).toBe('"a😀"');
    expect(w("vector->string", [ch("a"), ch("b"), ch("c")], 0, 1)).toBe('"a"');
    expect(callError("vector->string", [1]).who).toBe("vector->string");
  });

  it("string->utf8 utf8->string", () => {
    expect(Array.from(call("string->utf8", str("aλ😀")) as Uint8Array)).toEqual([
      0x61, 0xce, 0xbb, 0xf0, 0x9f, 0x98, 0x80,
    ]);
    expect(Array.from(call("string->utf8", str("aλ😀"), 1, 2) as Uint8Array)).toEqual([0xce, 0xbb]);
    expect(w("utf8->string", new Uint8Array([0x61, 0xce, 0xbb, 0xf0, 0x9f, 0x98, 0x80]))).toBe('"aλ😀"');
    expect(w("utf8->string", new Uint8Array([0x61, 0x62, 0x63]), 1)).toBe('"bc"');
    expect(w("utf8->string", new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('"\ufeffa"');
    expect(callError("utf8->string", new Uint8Array([0xff])).message).toBe("invalid UTF-8");
  });
});

describe("comparisons", () => {
  it("are n-ary and by code point", () => {
    expect(call("string=?", str("a"), str("a"), str("a"))).toBe(true);
    expect(call("string=?", str("a"), str("b"))).toBe(false);
    expect(call("string<?", str("abc"), str("abd"), str("b"))).toBe(true);
    expect(call("string<?", str("ab"), str("abc"))).toBe(true);
    expect(call("string>?", str("b"), str("a"))).toBe(true);
    expect(call("string<=?", str("a"), str("a"))).toBe(true);
    expect(call("string>=?", str("a"), str("b"))).toBe(false);
    // U+FFFF < U+1F600 by code point, although its UTF-16 unit is larger than a surrogate.
    expect(call("string<?", str("\uffff"), str("😀"))).toBe(true);
    expect(compareText("\ue000", "\ud800\udc00")).toBe(-1);
    expect(callError("string=?", str("a"), 1).message).toContain("argument 2");
  });

  it("-ci variants fold case fully", () => {
    expect(call("string-ci=?", str("Straße"), str("STRASSE"))).toBe(true);
    expect(call("string-ci=?", str("ΣΑΣ"), str("σας"))).toBe(true);
    expect(call("string-ci<?", str("a"), str("B"))).toBe(true);
    expect(call("string-ci>?", str("a"), str("B"))).toBe(false);
    expect(call("string-ci<=?", str("A"), str("a"))).toBe(true);
    expect(call("string-ci>=?", str("b"), str("A"))).toBe(true);
  });
});

describe("case mapping", () => {
  it("uses full mappings", () => {
    expect(w("string-upcase", str("straße"))).toBe('"STRASSE"');
    expect(w("string-downcase", str("ΧΑΟΣ"))).toBe('"χαος"');
    expect(w("string-foldcase", str("ΧΑΟΣ Straße"))).toBe('"χαοσ strasse"');
    expect(callError("string-upcase", 1).who).toBe("string-upcase");
    expect(callError("string-downcase", 1).who).toBe("string-downcase");
    expect(callError("string-foldcase", 1).who).toBe("string-foldcase");
  });
});
