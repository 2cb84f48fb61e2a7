import { describe, expect, it } from "vitest";
import { caar, cadr, cdar, cddr } from "./cxr.js";
import { call, callError, lst, w } from "./test-helpers.js";

// ((1 2) (3 4) (5 6) (7 8)) with deeper structure for the four-letter compositions.
const tree = lst(lst(lst(lst(1, 2), 3), 4), lst(5, lst(6, 7)), 8, 9);

describe("(scheme base) two-letter compositions", () => {
  it("caar cadr cdar cddr", () => {
    const l = lst(lst(1, 2), 3, 4);
    expect(w("caar", l)).toBe("1");
    expect(w("cadr", l)).toBe("3");
    expect(w("cdar", l)).toBe("(2)");
    expect(w("cddr", l)).toBe("(4)");
    expect(cadr(lst(1, 2))).toBe(2);
    expect(caar(lst(lst(0)))).toBe(0);
    expect(cdar(lst(lst(0)))).toBe(null);
    expect(cddr(lst(1, 2))).toBe(null);
  });

  it("say which step met a non-pair", () => {
    const e = callError("cadr", lst(1));
    expect(e.who).toBe("cadr");
    expect(e.message).toBe("expected (cdr x) to be a pair, where x is the argument");
    expect(callError("caar", 5).message).toBe("expected a pair (argument 1)");
    expect(callError("cdar", lst(1)).message).toContain("(car x)");
    expect(callError("cddr", lst(1)).who).toBe("cddr");
  });
});

describe("(scheme cxr)", () => {
  it("three-letter compositions", () => {
    expect(w("caaar", tree)).toBe("(1 2)");
    expect(w("caadr", tree)).toBe("5");
    expect(w("cadar", tree)).toBe("4");
    expect(w("caddr", tree)).toBe("8");
    expect(w("cdaar", tree)).toBe("(3)");
    expect(w("cdadr", tree)).toBe("((6 7))");
    expect(w("cddar", tree)).toBe("()");
    expect(w("cdddr", tree)).toBe("(9)");
  });

  it("four-letter compositions", () => {
    expect(w("caaaar", tree)).toBe("1");
    expect(w("cdaaar", tree)).toBe("(2)");
    expect(w("cadaar", tree)).toBe("3");
    expect(w("cddaar", tree)).toBe("()");
    expect(w("caddar", lst(lst(1, 2, 3)))).toBe("3");
    expect(w("cdddar", lst(lst(1, 2, 3, 4)))).toBe("(4)");
    expect(w("caadar", lst(lst(1, lst(2))))).toBe("2");
    expect(w("cdadar", lst(lst(1, lst(2, 3))))).toBe("(3)");
    expect(w("caaadr", lst(0, lst(lst(1))))).toBe("1");
    expect(w("cdaadr", lst(0, lst(lst(1, 2))))).toBe("(2)");
    expect(w("cadadr", tree)).toBe("(6 7)");
    expect(w("cddadr", tree)).toBe("()");
    expect(w("caaddr", lst(0, 0, lst(1)))).toBe("1");
    expect(w("cdaddr", lst(0, 0, lst(1, 2)))).toBe("(2)");
    expect(w("cadddr", tree)).toBe("9");
    expect(w("cddddr", tree)).toBe("()");
    expect(call("cadddr", lst(1, 2, 3, 4))).toBe(4);
    expect(callError("cadddr", lst(1, 2)).message).toBe(
      "expected (cdr (cdr x)) to be a pair, where x is the argument",
    );
  });
});
