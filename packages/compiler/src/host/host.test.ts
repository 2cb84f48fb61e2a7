import { describe, expect, it } from "vitest";
import * as browser from "./browser.js";
import * as node from "./node.js";

describe("the compiler's hosts", () => {
  it("hash alike on Node.js and in a browser, so compiled code has one hash everywhere", () => {
    const parts = ["termite-js-abi-7\n", "(define (f x) (* x x)) ; λ ünïcode 𝄞"];
    expect(browser.sha256Hex(...parts)).toBe(node.sha256Hex(...parts));
    expect(browser.sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("a page has no files to load compiled code from", async () => {
    await expect(browser.readTextFile("/x.manifest.json")).rejects.toThrow(/no file system/);
  });
});
