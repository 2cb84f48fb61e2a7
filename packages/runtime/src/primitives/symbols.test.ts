import { intern, type MString } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { call, callError, str, sym } from "./test-helpers.js";

describe("symbols", () => {
  it("symbol? symbol=?", () => {
    expect(call("symbol?", sym("a"))).toBe(true);
    expect(call("symbol?", str("a"))).toBe(false);
    expect(call("symbol=?", sym("a"), sym("a"), sym("a"))).toBe(true);
    expect(call("symbol=?", sym("a"), sym("b"))).toBe(false);
    expect(callError("symbol=?", sym("a"), str("a")).message).toContain("a symbol");
  });

  it("symbol->string returns a fresh string; string->symbol interns", () => {
    const s = call("symbol->string", sym("hello")) as MString;
    expect(s.toString()).toBe("hello");
    s.setCodePointAt(0, 0x4a);
    expect(sym("hello").name).toBe("hello");
    expect(call("symbol->string", sym("hello"))).not.toBe(s);
    expect(call("string->symbol", str("wörld 😀"))).toBe(intern("wörld 😀"));
    expect(callError("symbol->string", str("a")).who).toBe("symbol->string");
    expect(callError("string->symbol", sym("a")).who).toBe("string->symbol");
  });
});

describe("booleans", () => {
  it("boolean? boolean=? not", () => {
    expect(call("boolean?", false)).toBe(true);
    expect(call("boolean?", null)).toBe(false);
    expect(call("boolean=?", true, true, true)).toBe(true);
    expect(call("boolean=?", false, true)).toBe(false);
    expect(callError("boolean=?", false, 0).message).toContain("a boolean");
    expect(call("not", false)).toBe(true);
    expect(call("not", null)).toBe(false);
    expect(call("not", 0)).toBe(false);
  });
});
