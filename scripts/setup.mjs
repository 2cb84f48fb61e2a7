// One-step set-up for a machine that has only Node.js and npm: install the pinned pnpm's
// dependencies from the lockfile and build every package. Used by `npm start` and `npm test`.
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";

const { packageManager } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const pnpm = `npx --yes ${packageManager}`;
const run = (cmd) => execSync(cmd, { stdio: "inherit", cwd: new URL("..", import.meta.url) });

run(`${pnpm} install --frozen-lockfile --reporter=append-only`);
run("node scripts/turbo.mjs run build --output-logs=errors-only");
