// The README's opening example must run and print what its `// =>` comments say. Runs the built
// package (turbo builds before testing).

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { expect, it } from "vitest";

const here = fileURLToPath(new URL(".", import.meta.url));

it("the README's first example prints what it promises", () => {
  const readme = readFileSync(join(here, "..", "README.md"), "utf8");
  const code = /```js\n([\s\S]*?)```/.exec(readme)![1]!;
  const expected = [...code.matchAll(/\/\/ => (.*)$/gm)].map((m) => m[1]!.trim());
  expect(expected.length).toBeGreaterThan(2);
  const entry = pathToFileURL(join(here, "..", "dist", "index.js")).href;
  const dir = mkdtempSync(join(tmpdir(), "namespace-readme-"));
  const file = join(dir, "example.mjs");
  writeFileSync(file, code.replace('"@termite/namespace"', JSON.stringify(entry)));
  const output = execFileSync(process.execPath, [file], { encoding: "utf8" }).trim().split("\n");
  expect(output).toEqual(expected);
});
