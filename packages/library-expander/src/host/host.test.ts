import path from "node:path";
import { describe, expect, it } from "vitest";
import * as browser from "./browser.js";

describe("the expander's browser host", () => {
  it("joins, splits and resolves POSIX paths as Node.js does from /", () => {
    const cases: string[][] = [["a", "b"], ["/a/", "../b", "./c"], ["a/b/../../..", "c"], ["/"], ["x/", ""]];
    for (const parts of cases) expect(browser.join(...parts)).toBe(path.posix.join(...parts));
    for (const p of ["/a/b/c.scm", "a", "/a", "a/b/", "/"])
      expect(browser.dirname(p)).toBe(path.posix.dirname(p));
    expect(browser.resolve("/lib/x", "../y.scm")).toBe("/lib/y.scm");
    expect(browser.resolve("lib", "y.scm")).toBe("/lib/y.scm");
  });

  it("reads no file", () => {
    expect(browser.readFromDisk("/etc/hostname")).toBeUndefined();
  });
});
