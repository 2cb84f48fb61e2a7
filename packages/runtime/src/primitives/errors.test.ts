import { ErrorObject } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { call, callError, lst, raised, str, sym, write } from "./test-helpers.js";

describe("error and error objects", () => {
  it("error raises an error object with message and irritants", () => {
    const e = raised(() => call("error", str("bad thing:"), 1, sym("x")));
    expect(e).toBeInstanceOf(ErrorObject);
    expect(e.message).toBe("bad thing:");
    expect(e.irritants).toEqual([1, sym("x")]);
    expect(e.who).toBeUndefined();
    expect(raised(() => call("error", sym("oops"))).message).toBe("oops");
    expect(callError("error", 5).message).toContain("a string");
  });

  it("error-object? error-object-message error-object-irritants", () => {
    const e = raised(() => call("error", str("msg"), 1, 2));
    expect(call("error-object?", e)).toBe(true);
    expect(call("error-object?", str("msg"))).toBe(false);
    expect(write(call("error-object-message", e))).toBe('"msg"');
    expect(write(call("error-object-irritants", e))).toBe("(1 2)");
    const carError = callError("car", 5);
    expect(write(call("error-object-message", carError))).toBe('"car: expected a pair (argument 1)"');
    expect(callError("error-object-message", 5).who).toBe("error-object-message");
    expect(callError("error-object-irritants", lst()).who).toBe("error-object-irritants");
  });

  it("read-error? file-error?", () => {
    const readErr = new ErrorObject("read", "unexpected )", []);
    const fileErr = new ErrorObject("file", "cannot open", [str("x.scm")]);
    expect(call("read-error?", readErr)).toBe(true);
    expect(call("read-error?", fileErr)).toBe(false);
    expect(call("file-error?", fileErr)).toBe(true);
    expect(call("file-error?", str("x"))).toBe(false);
  });
});
