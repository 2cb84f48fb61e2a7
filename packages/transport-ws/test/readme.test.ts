import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("the README", () => {
  it("its first example runs and prints what the README says", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const code = /```js\n([\s\S]*?)```/.exec(readme)![1]!;
    const printed = /It prints `([^`]+)`/.exec(readme)![1]!;
    // Beside package.json, so that the package's own name and `ws` resolve (needs a build).
    const file = join(root, "readme-example.tmp.mjs");
    writeFileSync(file, code);
    try {
      const output = execFileSync(process.execPath, [file], { encoding: "utf8", timeout: 30_000 });
      expect(output.trim()).toBe(printed);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
