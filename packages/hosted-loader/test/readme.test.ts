// The README's opening example must run and print what its `// =>` comments say. It runs the built
// package against a real git daemon that `github.com` is mapped onto with `insteadOf`.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freePort, GitServer } from "../src/testing/index.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const server = new GitServer();

beforeAll(async () => {
  await server.start();
  server.mapHosts(["github.com"], await freePort());
  const hello = server.repository("github.com/fred/hello");
  for (const tag of ["1.0", "v1.1", "1.2.0", "2.0"]) {
    hello.commit({ "hello.sld": `(define-library (github.com/fred hello) (export) (begin) ; ${tag}\n)\n` });
    hello.tag(tag);
  }
});

afterAll(async () => {
  await server.stop();
});

it("the README's first example prints what it promises", () => {
  const readme = readFileSync(join(here, "..", "README.md"), "utf8");
  const code = /```js\n([\s\S]*?)```/.exec(readme)![1]!;
  expect(code.split("\n").length).toBeLessThanOrEqual(11);
  const expected = [...code.matchAll(/\/\/ => (.*)$/gm)].map((m) => m[1]!.trim());
  const entry = pathToFileURL(join(here, "..", "dist", "index.js")).href;
  const file = join(server.scratch, "example.mjs");
  writeFileSync(file, code.replace('"@termite/hosted-loader"', JSON.stringify(entry)));
  const env = {
    ...process.env,
    TERMITE_HOME: mkdtempSync(join(server.scratch, "home-")),
    GIT_CONFIG_GLOBAL: server.config,
    GIT_CONFIG_NOSYSTEM: "1",
  };
  const output = execFileSync(process.execPath, [file], { encoding: "utf8", env }).trim().split("\n");
  expect(output).toEqual(expected);
});
