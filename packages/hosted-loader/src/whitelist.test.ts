import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type HostedModuleName, parseModulePath } from "@termite/namespace";
import { describe, expect, it } from "vitest";
import { parseWhitelist, readWhitelist, whitelistAllows } from "./whitelist.js";

const hosted = (text: string) => parseModulePath(text) as HostedModuleName;

describe("whitelist", () => {
  it("allows a location whose host and leading path parts match an entry", () => {
    const entries = parseWhitelist("github.com/gambit, gitlab.com\n");
    expect(whitelistAllows(entries, hosted("github.com/gambit/termite@1.0"))).toBe(true);
    expect(whitelistAllows(entries, hosted("gitlab.com/zoo/cats"))).toBe(true);
    expect(whitelistAllows(entries, hosted("github.com/gambitx/termite"))).toBe(false);
    expect(whitelistAllows(entries, hosted("github.com/fred/hello"))).toBe(false);
    expect(whitelistAllows([], hosted("github.com/gambit/termite"))).toBe(false);
  });

  it("refuses entries that are not locations", () => {
    expect(() => parseWhitelist("https://github.com/gambit")).toThrow(/Bad host/);
    expect(() => parseWhitelist("github.com/../x")).toThrow(/Bad path part "\.\."/);
  });

  it("adds the file, TERMITE_WHITELIST and the caller's entries", () => {
    const root = mkdtempSync(join(tmpdir(), "termite-whitelist-"));
    try {
      writeFileSync(join(root, "whitelist"), "# safe sites\ngithub.com/gambit  # Gambit's own\n");
      const entries = readWhitelist(root, { TERMITE_WHITELIST: "gitlab.com/zoo" }, ["example.org"]);
      expect(entries.map((e) => [e.host, ...e.path].join("/"))).toEqual([
        "github.com/gambit",
        "gitlab.com/zoo",
        "example.org",
      ]);
      expect(() => readWhitelist(root, { TERMITE_WHITELIST: "https://x.org" })).toThrow(
        expect.objectContaining({
          code: "bad-whitelist",
          message: expect.stringMatching(/^TERMITE_WHITELIST: Bad host/),
        }),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
