import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("the README", () => {
  it("its first example runs and prints what its // => comments say", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const code = /```js\n([\s\S]*?)```/.exec(readme)![1]!;
    const promised = [...code.matchAll(/\/\/ => (.*)$/gm)].map((m) => m[1]!.trimEnd());
    // Beside package.json, so that the package's own name and `ws` resolve (needs a build).
    const file = join(root, "readme-example.tmp.mjs");
    writeFileSync(file, code);
    try {
      const output = execFileSync(process.execPath, [file], { encoding: "utf8", timeout: 30_000 });
      expect(promised.length).toBeGreaterThan(0);
      expect(output.trimEnd().split("\n")).toEqual(promised);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
