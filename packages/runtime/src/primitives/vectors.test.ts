import { describe, expect, it } from "vitest";
import { call, callError, lst, sym, w, write } from "./test-helpers.js";
import { vectorRef, vectorSet } from "./vectors.js";

describe("vectors", () => {
  it("vector? make-vector vector vector-length", () => {
    expect(call("vector?", [1])).toBe(true);
    expect(call("vector?", lst(1))).toBe(false);
    expect(w("make-vector", 3, sym("x"))).toBe("#(x x x)");
    expect(w("make-vector", 2)).toBe("#(#f #f)");
    expect(w("vector", 1, 2)).toBe("#(1 2)");
    expect(call("vector-length", [1, 2, 3])).toBe(3);
    expect(callError("make-vector", 1.5).who).toBe("make-vector");
    expect(callError("vector-length", lst(1)).message).toContain("a vector");
  });

  it("vector-ref vector-set! check bounds", () => {
    const v = [1, 2, 3];
    expect(call("vector-ref", v, 0)).toBe(1);
    call("vector-set!", v, 2, sym("c"));
    expect(write(v)).toBe("#(1 2 c)");
    expect(vectorRef(v, 1)).toBe(2);
    vectorSet(v, 1, 0);
    expect(v[1]).toBe(0);
    const e = callError("vector-ref", v, 3);
    expect(e.who).toBe("vector-ref");
    expect(e.message).toBe("index out of range, expected 0 <= index < 3");
    expect(callError("vector-ref", v, 2n ** 70n).message).toContain("index out of range");
    expect(callError("vector-set!", v, -1, 0).who).toBe("vector-set!");
    expect(callError("vector-ref", "v", 0).message).toContain("a vector");
  });

  it("vector->list list->vector", () => {
    expect(w("vector->list", [1, 2, 3])).toBe("(1 2 3)");
    expect(w("vector->list", [1, 2, 3], 1)).toBe("(2 3)");
    expect(w("vector->list", [1, 2, 3], 1, 2)).toBe("(2)");
    expect(callError("vector->list", [1], 0, 2).who).toBe("vector->list");
    expect(w("list->vector", lst(1, 2))).toBe("#(1 2)");
    expect(callError("list->vector", 5).who).toBe("list->vector");
  });

  it("vector-copy vector-copy! vector-append vector-fill!", () => {
    const v = [1, 2, 3, 4, 5];
    const copy = call("vector-copy", v);
    expect(copy).not.toBe(v);
    expect(write(copy)).toBe("#(1 2 3 4 5)");
    expect(w("vector-copy", v, 3)).toBe("#(4 5)");
    expect(w("vector-copy", v, 1, 2)).toBe("#(2)");
    call("vector-copy!", v, 1, v, 0, 3);
    expect(write(v)).toBe("#(1 1 2 3 5)");
    const target = [0, 0, 0];
    call("vector-copy!", target, 1, [7, 8]);
    expect(write(target)).toBe("#(0 7 8)");
    expect(callError("vector-copy!", target, 2, [7, 8]).message).toContain("not enough room");
    expect(w("vector-append", [1], [], [2, 3])).toBe("#(1 2 3)");
    expect(w("vector-append")).toBe("#()");
    expect(callError("vector-append", [1], lst(2)).message).toContain("argument 2");
    const f = [1, 2, 3, 4];
    call("vector-fill!", f, 0, 1, 3);
    expect(write(f)).toBe("#(1 0 0 4)");
    call("vector-fill!", f, sym("z"));
    expect(write(f)).toBe("#(z z z z)");
    expect(callError("vector-fill!", f, 0, 5).who).toBe("vector-fill!");
  });
});
