import { list, Pair, cons as pair } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { car, cdr, cons, length } from "./lists.js";
import { call, callError, lst, num, str, sym, w, write } from "./test-helpers.js";

function circular(): Pair {
  const p = pair(1, pair(2, null));
  (p.cdr as Pair).cdr = p;
  return p;
}

function longList(n: number): unknown {
  let result: unknown = null;
  for (let i = 0; i < n; i++) result = new Pair(i, result);
  return result;
}

describe("pairs", () => {
  it("pair? cons car cdr set-car! set-cdr! null?", () => {
    const p = call("cons", 1, 2) as Pair;
    expect(write(p)).toBe("(1 . 2)");
    expect(call("pair?", p)).toBe(true);
    expect(call("pair?", null)).toBe(false);
    expect(call("car", p)).toBe(1);
    expect(call("cdr", p)).toBe(2);
    call("set-car!", p, 3);
    call("set-cdr!", p, null);
    expect(write(p)).toBe("(3)");
    expect(call("null?", null)).toBe(true);
    expect(call("null?", false)).toBe(false);
    expect(car(cons(5, 6))).toBe(5);
    expect(cdr(cons(5, 6))).toBe(6);
  });

  it("signal wrong types naming the procedure", () => {
    const e = callError("car", 5);
    expect(e.who).toBe("car");
    expect(e.message).toBe("expected a pair (argument 1)");
    expect(e.irritants).toEqual([5]);
    expect(callError("cdr", null).who).toBe("cdr");
    expect(callError("set-car!", null, 1).who).toBe("set-car!");
    expect(callError("set-cdr!", null, 1).who).toBe("set-cdr!");
  });
});

describe("lists", () => {
  it("list? tells proper from improper and circular", () => {
    expect(call("list?", lst(1, 2))).toBe(true);
    expect(call("list?", null)).toBe(true);
    expect(call("list?", pair(1, 2))).toBe(false);
    expect(call("list?", circular())).toBe(false);
  });

  it("list make-list length", () => {
    expect(w("list", 1, 2, 3)).toBe("(1 2 3)");
    expect(w("list")).toBe("()");
    expect(w("make-list", 3, sym("x"))).toBe("(x x x)");
    expect(w("make-list", 2)).toBe("(#f #f)");
    expect(call("length", lst(1, 2, 3))).toBe(3);
    expect(call("length", null)).toBe(0);
    expect(callError("length", pair(1, 2)).message).toContain("a proper list");
    expect(callError("length", circular()).message).toContain("a finite list");
    expect(callError("make-list", -1).who).toBe("make-list");
  });

  it("append copies all but the last argument", () => {
    const tail = lst(3);
    const result = call("append", lst(1), null, lst(2), tail);
    expect(write(result)).toBe("(1 2 3)");
    expect((((result as Pair).cdr as Pair).cdr as Pair) === tail).toBe(true);
    expect(w("append")).toBe("()");
    expect(call("append", 5)).toBe(5);
    expect(w("append", lst(1), 2)).toBe("(1 . 2)");
    expect(callError("append", pair(1, 2), null).message).toContain("a proper list");
  });

  it("reverse list-tail list-ref list-set! list-copy", () => {
    expect(w("reverse", lst(1, 2, 3))).toBe("(3 2 1)");
    expect(callError("reverse", circular()).who).toBe("reverse");
    const l = lst(1, 2, 3);
    expect(w("list-tail", l, 1)).toBe("(2 3)");
    expect(call("list-tail", l, 3)).toBe(null);
    expect(callError("list-tail", l, 4).message).toContain("index out of range");
    expect(call("list-ref", l, 2)).toBe(3);
    expect(callError("list-ref", l, 3).message).toContain("0 <= index < 3");
    expect(callError("list-ref", l, -1).who).toBe("list-ref");
    call("list-set!", l, 1, sym("b"));
    expect(write(l)).toBe("(1 b 3)");
    expect(callError("list-set!", l, 5, 0).who).toBe("list-set!");
    const copy = call("list-copy", l);
    expect(copy).not.toBe(l);
    expect(write(copy)).toBe("(1 b 3)");
    expect(w("list-copy", pair(1, pair(2, 3)))).toBe("(1 2 . 3)");
    expect(call("list-copy", 7)).toBe(7);
    expect(callError("list-copy", circular()).message).toContain("finite");
  });

  it("handles a million elements without recursion", () => {
    const big = longList(1_000_000);
    expect(length(big)).toBe(1_000_000);
    expect(call("length", call("append", big, lst(1)))).toBe(1_000_001);
    expect(call("car", call("reverse", big))).toBe(0);
    expect(call("length", call("list-copy", big))).toBe(1_000_000);
  });
});

describe("searching", () => {
  it("memq memv member", () => {
    const l = list([sym("a"), num("1/2"), str("x"), 2.5]);
    expect(write(call("memq", sym("a"), l))).toBe('(a 1/2 "x" 2.5)');
    expect(call("memq", str("x"), l)).toBe(false);
    expect(write(call("memv", num("1/2"), l))).toBe('(1/2 "x" 2.5)');
    expect(write(call("memv", 2.5, l))).toBe("(2.5)");
    expect(call("memv", str("x"), l)).toBe(false);
    expect(write(call("member", str("x"), l))).toBe('("x" 2.5)');
    expect(write(call("member", lst(1), lst(2, lst(1))))).toBe("((1))");
    expect(callError("memq", 1, pair(2, 3)).message).toContain("a proper list");
    expect(callError("member", 9, circular()).message).toContain("finite");
    expect(callError("memv", 9, 5).who).toBe("memv");
  });

  it("assq assv assoc", () => {
    const al = lst(pair(sym("a"), 1), pair(num("1/2"), 2), pair(lst(3), 3));
    expect(write(call("assq", sym("a"), al))).toBe("(a . 1)");
    expect(call("assq", sym("z"), al)).toBe(false);
    expect(write(call("assv", num("1/2"), al))).toBe("(1/2 . 2)");
    expect(write(call("assoc", lst(3), al))).toBe("((3) . 3)");
    expect(call("assv", lst(3), al)).toBe(false);
    expect(callError("assq", sym("z"), lst(1)).message).toContain("association list");
    expect(callError("assv", 1, pair(pair(2, 2), 5)).who).toBe("assv");
    expect(callError("assoc", 1, 5).who).toBe("assoc");
  });
});
