import { flonumValue, intern, isFlonum, string, write } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { termiteFeatures } from "./features.js";
import { exitStatus, ProgramExit } from "./program-exit.js";
import { testNode } from "./test-helpers.js";

describe("command line and environment", () => {
  it("command-line gives the injected list as fresh strings", () => {
    const { call } = testNode({ commandLine: ["prog.scm", "-v", "é"] });
    const a = call("command-line");
    expect(write(a)).toBe('("prog.scm" "-v" "é")');
    expect(call("command-line")).not.toBe(a);
  });

  it("get-environment-variable returns the value or #f", () => {
    const { call } = testNode({ environment: { HOME: "/home/t", EMPTY: "" } });
    expect(write(call("get-environment-variable", string("HOME")))).toBe('"/home/t"');
    expect(write(call("get-environment-variable", string("EMPTY")))).toBe('""');
    expect(call("get-environment-variable", string("NOPE"))).toBe(false);
  });

  it("get-environment-variables lists (name . value) pairs", () => {
    const { call } = testNode({ environment: { A: "1", B: "two" } });
    expect(write(call("get-environment-variables"))).toBe('(("A" . "1") ("B" . "two"))');
  });
});

describe("exit and emergency-exit", () => {
  const exitOf = (thunk: () => unknown): ProgramExit => {
    try {
      thunk();
    } catch (e) {
      if (ProgramExit.isInstance(e)) return e;
      throw e;
    }
    throw new Error("expected a ProgramExit");
  };

  it("throw a ProgramExit with the status R7RS derives from the argument", () => {
    const { call } = testNode();
    expect(exitOf(() => call("exit")).code).toBe(0);
    expect(exitOf(() => call("exit", true)).code).toBe(0);
    expect(exitOf(() => call("exit", false)).code).toBe(1);
    expect(exitOf(() => call("exit", 3)).code).toBe(3);
    expect(exitOf(() => call("exit")).emergency).toBe(false);
    const e = exitOf(() => call("emergency-exit", 4));
    expect(e.code).toBe(4);
    expect(e.emergency).toBe(true);
    expect(e.message).toBe("emergency-exit with status 4");
    expect(exitOf(() => call("emergency-exit")).code).toBe(0);
  });

  it("exitStatus maps other objects to success and cuts big integers to 8 bits", () => {
    expect(exitStatus(intern("done"))).toBe(0);
    expect(exitStatus(2n ** 70n + 5n)).toBe(5);
  });

  it("is recognised by brand", () => {
    expect(ProgramExit.isInstance(new ProgramExit(0, false))).toBe(true);
    expect(ProgramExit.isInstance(new Error("x"))).toBe(false);
  });
});

describe("time", () => {
  it("current-second is a flonum near Date.now()", () => {
    const { call } = testNode();
    const t = call("current-second");
    expect(isFlonum(t)).toBe(true);
    expect(Math.abs(flonumValue(t as number) - Date.now() / 1000)).toBeLessThan(5);
  });

  it("current-jiffy is an exact integer that does not go back, at jiffies-per-second", async () => {
    const { call } = testNode();
    expect(call("jiffies-per-second")).toBe(1_000_000);
    const a = call("current-jiffy") as number;
    await new Promise((r) => setTimeout(r, 20));
    const b = call("current-jiffy") as number;
    expect(Number.isSafeInteger(a)).toBe(true);
    expect(b - a).toBeGreaterThanOrEqual(15_000);
  });
});

describe("features", () => {
  it("lists the standard and Termite features as symbols", () => {
    const { call } = testNode();
    const text = write(call("features"));
    for (const f of [
      "r7rs",
      "exact-closed",
      "exact-complex",
      "ratios",
      "full-unicode",
      "termite",
      "javascript",
      "node",
    ]) {
      expect(text).toContain(` ${f}`.trimStart());
    }
  });

  it("names the OS and CPU", () => {
    expect(termiteFeatures("linux", "x64")).toEqual(
      expect.arrayContaining(["linux", "gnu-linux", "posix", "unix", "x86-64"]),
    );
    expect(termiteFeatures("darwin", "arm64")).toEqual(
      expect.arrayContaining(["darwin", "posix", "aarch64"]),
    );
    const windows = termiteFeatures("win32", "x64");
    expect(windows).toContain("windows");
    expect(windows).not.toContain("posix");
  });
});
