import { describe, expect, it } from "vitest";
import { call, callError, fl, num, str, w } from "../test-helpers.js";

describe("(scheme complex) on reals", () => {
  it("real-part imag-part magnitude angle", () => {
    expect(call("real-part", 5)).toBe(5);
    expect(call("imag-part", 2.5)).toBe(0);
    expect(call("magnitude", -5)).toBe(5);
    expect(w("magnitude", num("-1/2"))).toBe("1/2");
    expect(call("angle", 3)).toBe(0);
    expect(w("angle", fl(3))).toBe("0.0");
    expect(call("angle", -3)).toBe(Math.PI);
    expect(callError("real-part", str("1")).who).toBe("real-part");
    expect(callError("imag-part", str("1")).who).toBe("imag-part");
    expect(callError("magnitude", str("1")).who).toBe("magnitude");
    expect(callError("angle", str("1")).who).toBe("angle");
  });

  it("make-rectangular and make-polar build reals only", () => {
    expect(call("make-rectangular", 3, 0)).toBe(3);
    expect(w("make-rectangular", 3, fl(0))).toBe("3.0");
    expect(call("make-polar", 2, 0)).toBe(2);
    expect(call("make-polar", 0, 1)).toBe(0);
    const e = callError("make-rectangular", 1, 2);
    expect(e.who).toBe("make-rectangular");
    expect(e.message).toBe("complex numbers are not supported");
    expect(callError("make-polar", 1, 2).message).toBe("complex numbers are not supported");
  });
});
