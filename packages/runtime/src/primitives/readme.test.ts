import { list, string, write } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { add2, car, lt2, primitiveGroups } from "./index.js";

describe("the README example", () => {
  it("runs as written", () => {
    const base = primitiveGroups.find((g) => g.library === "scheme/base")!;
    expect(write(base.bindings["/"]!.fn(1, 3))).toBe("1/3");
    expect(write(base.bindings.expt!.fn(2, 100))).toBe("1267650600228229401496703205376");
    expect(write(base.bindings.exact!.fn(2.5))).toBe("5/2");
    expect(write(base.bindings["string-length"]!.fn(string("a😀b")))).toBe("3");
    expect(add2(9007199254740991, 1)).toBe(9007199254740992n);
    expect(lt2(1, 2)).toBe(true);
    expect(car(list([1, 2]))).toBe(1);
  });
});
