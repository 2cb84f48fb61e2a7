// The runtime README's whole-program example (reader, expander, compiler and runtime, no
// @termite/termite) runs as written and prints what its `// =>` comments say. It lives here, not
// in the runtime package, because the runtime cannot depend on the compiler.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

it("the runtime README's program without @termite/termite prints what its comments promise", () => {
  const readme = readFileSync(join(root, "..", "runtime", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### A whole program without `@termite/termite`"));
  const code = /```js\n([\s\S]*?)```/.exec(section)![1]!;
  const promised = [...code.matchAll(/\/\/ => (.*)$/gm)].map((m) => m[1]!.trim());
  expect(promised.length).toBe(2);
  const script = code
    .replace('"@termite/compiler"', JSON.stringify(pathToFileURL(join(root, "dist", "index.js")).href))
    .replace('"@termite/library-expander"', JSON.stringify(import.meta.resolve("@termite/library-expander")))
    .replace('"@termite/reader"', JSON.stringify(import.meta.resolve("@termite/reader")))
    .replace('"@termite/runtime"', JSON.stringify(import.meta.resolve("@termite/runtime")));
  const file = join(mkdtempSync(join(tmpdir(), "runtime-readme-")), "example.mjs");
  writeFileSync(file, script);
  const printed = execFileSync(process.execPath, [file], { encoding: "utf8" }).trim().split("\n");
  expect(printed).toEqual(promised);
});
