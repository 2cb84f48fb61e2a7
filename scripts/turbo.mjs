// Runs turbo with the repository's own pnpm first on the PATH, as an absolute path: turbo needs the
// package manager binary, and a machine with only Node.js and npm has none of its own.
import { spawnSync } from "node:child_process";
import { delimiter, join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const bin = join(root, "node_modules", ".bin");
const env = {
  ...process.env,
  PATH: `${bin}${delimiter}${process.env.PATH ?? ""}`,
  TURBO_TELEMETRY_DISABLED: "1",
};
const result = spawnSync(join(bin, "turbo"), process.argv.slice(2), { stdio: "inherit", env, cwd: root });
process.exit(result.status ?? 1);
