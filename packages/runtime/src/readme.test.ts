// The README's opening example runs against the built package (turbo builds before testing) and
// prints what its `// =>` comments say, in that order.
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
  expect(promised.length).toBeGreaterThanOrEqual(3);
  const runtime = pathToFileURL(join(root, "dist", "index.js")).href;
  const internal = pathToFileURL(join(root, "dist", "internal.js")).href;
  const file = join(mkdtempSync(join(tmpdir(), "runtime-readme-")), "example.mjs");
  const script = code
    .replace('"@termite/runtime/internal"', JSON.stringify(internal))
    .replace('"@termite/runtime"', JSON.stringify(runtime));
  writeFileSync(file, script);
  const printed = execFileSync(process.execPath, [file], { encoding: "utf8" }).trim().split("\n");
  expect(printed).toEqual(promised);
});
