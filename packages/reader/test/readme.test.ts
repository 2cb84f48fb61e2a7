// The README's opening example must run and print what its `// =>` comments say, against the
// built package (turbo builds before testing).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

it("the README's first example prints what its comments promise", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const code = /```js\n([\s\S]*?)```/.exec(readme)![1]!;
  const promised = [...code.matchAll(/\/\/ => (.*)$/gm)].map((m) => m[1]!.trim());
  expect(promised.length).toBeGreaterThan(4);
  const reader = pathToFileURL(join(root, "dist", "index.js")).href;
  const datum = import.meta.resolve("@termite/datum");
  const script = code
    .replace('"@termite/reader"', JSON.stringify(reader))
    .replace('"@termite/datum"', JSON.stringify(datum));
  const file = join(mkdtempSync(join(tmpdir(), "reader-readme-")), "example.mjs");
  writeFileSync(file, script);
  const printed = execFileSync(process.execPath, [file], { encoding: "utf8" }).trim().split("\n");
  expect(printed).toEqual(promised);
});
