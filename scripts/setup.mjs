// One-step set-up for a machine that has only Node.js and npm: install the pinned pnpm's
// dependencies from the lockfile and build every package. Used by `npm start` and `npm test`.
import { execSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const { packageManager } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const pnpm = `npx --yes ${packageManager}`;
const run = (cmd) => execSync(cmd, { stdio: "inherit", cwd: new URL("..", import.meta.url) });

run(`${pnpm} install --frozen-lockfile --reporter=append-only`);
run("node scripts/turbo.mjs run build --output-logs=errors-only");

// `--browser` (the test command): the real-browser tests need Debian's Chromium. Installed here when
// it is missing and this machine can (root with apt-get); otherwise those tests say they are skipped.
if (process.argv.includes("--browser") && !existsSync("/usr/bin/chromium")) {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && existsSync("/usr/bin/apt-get")) {
    try {
      run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null");
    } catch {
      console.warn("setup: Chromium could not be installed; the browser tests will be skipped");
    }
  } else console.warn("setup: no /usr/bin/chromium and no apt-get as root; the browser tests will be skipped");
}
