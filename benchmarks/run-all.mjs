// Runs every `*.bench.mjs` in this folder, one after another, each in its own Node process
// so that one benchmark's garbage and JIT state do not colour the next.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";

const here = new URL(".", import.meta.url).pathname;
// `node run-all.mjs [NAME] [--quick]…`: flags go to every benchmark (those that know them).
const only = process.argv.slice(2).find((a) => !a.startsWith("--"));
const flags = process.argv.slice(2).filter((a) => a.startsWith("--"));
for (const file of readdirSync(here)
  .filter((f) => f.endsWith(".bench.mjs"))
  .sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n## ${file}`);
  execFileSync(process.execPath, ["--expose-gc", here + file, ...flags], { stdio: "inherit" });
}
