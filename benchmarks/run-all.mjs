// Runs every `*.bench.mjs` in this folder, one after another, each in its own Node process
// so that one benchmark's garbage and JIT state do not colour the next.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";

const here = new URL(".", import.meta.url).pathname;
const only = process.argv[2];
for (const file of readdirSync(here)
  .filter((f) => f.endsWith(".bench.mjs"))
  .sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n## ${file}`);
  execFileSync(process.execPath, ["--expose-gc", here + file], { stdio: "inherit" });
}
