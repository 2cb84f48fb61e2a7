import { type Pair, cons as pair } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { call, callError, fl, lst, num, str, sym, w, write } from "./test-helpers.js";

function circular(): Pair {
  const p = pair(1, pair(2, null));
  (p.cdr as Pair).cdr = p;
  return p;
}

const abc = () => lst(sym("a"), sym("b"), sym("c"), sym("d"), sym("e"));

describe("(srfi 1) constructors", () => {
  it("xcons cons* circular-list iota", () => {
    expect(w("xcons", 1, 2)).toBe("(2 . 1)");
    expect(w("cons*", 1, 2, lst(3, 4))).toBe("(1 2 3 4)");
    expect(w("cons*", 1, 2, 3)).toBe("(1 2 . 3)");
    expect(call("cons*", 1)).toBe(1);
    const c = call("circular-list", 1, 2) as Pair;
    expect(((c.cdr as Pair).cdr as Pair) === c).toBe(true);
    expect(w("iota", 5)).toBe("(0 1 2 3 4)");
    expect(w("iota", 3, 1)).toBe("(1 2 3)");
    expect(w("iota", 3, 0, num("1/2"))).toBe("(0 1/2 1)");
    expect(w("iota", 3, 0, 0.1)).toBe("(0.0 0.1 0.2)");
    expect(w("iota", 0)).toBe("()");
    expect(callError("iota", -1).who).toBe("iota");
    expect(callError("iota", 2, str("0")).message).toContain("a number");
  });
});

describe("(srfi 1) predicates", () => {
  it("proper-list? circular-list? dotted-list? not-pair? null-list?", () => {
    expect(call("proper-list?", lst(1))).toBe(true);
    expect(call("proper-list?", circular())).toBe(false);
    expect(call("circular-list?", circular())).toBe(true);
    expect(call("circular-list?", lst(1, 2, 3))).toBe(false);
    expect(call("dotted-list?", pair(1, 2))).toBe(true);
    expect(call("dotted-list?", 5)).toBe(true);
    expect(call("dotted-list?", lst(1))).toBe(false);
    expect(call("not-pair?", 5)).toBe(true);
    expect(call("not-pair?", lst(1))).toBe(false);
    expect(call("null-list?", null)).toBe(true);
    expect(call("null-list?", circular())).toBe(false);
    expect(callError("null-list?", 5).who).toBe("null-list?");
  });
});

describe("(srfi 1) selectors", () => {
  it("first … tenth", () => {
    const l = lst(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    const names = [
      "first",
      "second",
      "third",
      "fourth",
      "fifth",
      "sixth",
      "seventh",
      "eighth",
      "ninth",
      "tenth",
    ];
    for (const [i, name] of names.entries()) expect(call(name, l), name).toBe(i + 1);
    expect(callError("third", lst(1, 2)).message).toContain("at least 3 elements");
  });

  it("car+cdr take drop take-right drop-right split-at last last-pair", () => {
    expect(w("car+cdr", pair(1, 2))).toBe("1 2");
    expect(callError("car+cdr", null).who).toBe("car+cdr");
    expect(w("take", abc(), 2)).toBe("(a b)");
    expect(w("take!", abc(), 2)).toBe("(a b)");
    expect(w("take", pair(1, pair(2, 3)), 2)).toBe("(1 2)");
    expect(w("drop", abc(), 2)).toBe("(c d e)");
    expect(w("drop", pair(1, pair(2, 3)), 2)).toBe("3");
    expect(callError("take", lst(1), 2).message).toContain("index out of range");
    expect(callError("drop", lst(1), 3).who).toBe("drop");
    expect(w("take-right", abc(), 2)).toBe("(d e)");
    expect(w("take-right", pair(1, pair(2, pair(3, sym("d")))), 2)).toBe("(2 3 . d)");
    expect(w("drop-right", abc(), 2)).toBe("(a b c)");
    expect(w("drop-right!", abc(), 2)).toBe("(a b c)");
    expect(w("drop-right", pair(1, pair(2, pair(3, sym("d")))), 2)).toBe("(1)");
    expect(w("split-at", abc(), 2)).toBe("(a b) (c d e)");
    expect(w("split-at!", abc(), 0)).toBe("() (a b c d e)");
    expect(call("last", lst(1, 2, 3))).toBe(3);
    expect(w("last-pair", pair(1, pair(2, 3)))).toBe("(2 . 3)");
    expect(callError("last", null).who).toBe("last");
    expect(callError("last-pair", circular()).message).toContain("finite");
  });
});

describe("(srfi 1) miscellaneous", () => {
  it("length+", () => {
    expect(call("length+", lst(1, 2, 3))).toBe(3);
    expect(call("length+", circular())).toBe(false);
  });

  it("append! concatenate reverse! append-reverse", () => {
    expect(w("append!", lst(1), lst(2))).toBe("(1 2)");
    expect(w("concatenate", lst(lst(1), null, lst(2, 3)))).toBe("(1 2 3)");
    expect(w("concatenate!", lst(lst(1), 4))).toBe("(1 . 4)");
    expect(w("concatenate", null)).toBe("()");
    expect(w("reverse!", lst(1, 2, 3))).toBe("(3 2 1)");
    expect(w("append-reverse", lst(3, 2, 1), lst(4, 5))).toBe("(1 2 3 4 5)");
    expect(w("append-reverse!", lst(2, 1), 3)).toBe("(1 2 . 3)");
    expect(callError("append-reverse", pair(1, 2), null).who).toBe("append-reverse");
  });

  it("zip unzip1 … unzip5", () => {
    expect(w("zip", lst(1, 2, 3), lst(sym("a"), sym("b")))).toBe("((1 a) (2 b))");
    expect(w("zip", lst(1, 2), circular())).toBe("((1 1) (2 2))");
    expect(callError("zip", circular()).message).toContain("finite");
    const rows = lst(lst(1, 2, 3, 4, 5), lst(6, 7, 8, 9, 10));
    expect(w("unzip1", rows)).toBe("(1 6)");
    expect(w("unzip2", rows)).toBe("(1 6) (2 7)");
    expect(w("unzip3", rows)).toBe("(1 6) (2 7) (3 8)");
    expect(w("unzip4", rows)).toBe("(1 6) (2 7) (3 8) (4 9)");
    expect(w("unzip5", rows)).toBe("(1 6) (2 7) (3 8) (4 9) (5 10)");
    expect(callError("unzip3", lst(lst(1, 2))).who).toBe("unzip3");
  });

  it("alist-copy copies the entries", () => {
    const entry = pair(sym("a"), 1);
    const copy = call("alist-copy", lst(entry)) as Pair;
    expect(write(copy)).toBe("((a . 1))");
    expect(copy.car).not.toBe(entry);
    expect(callError("alist-copy", lst(1)).message).toContain("association list");
  });

  it("shares the (scheme base) list procedures", () => {
    expect(w("make-list", 2, fl(1))).toBe("(1.0 1.0)");
    expect(w("list-copy", lst(1))).toBe("(1)");
  });
});
