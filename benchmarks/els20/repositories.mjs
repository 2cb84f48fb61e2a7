// ## The programs' git repositories, served by a local `git daemon`
//
// Each program becomes a repository (one commit, tagged with the module version) in a bare
// repository under SCRATCH/served/els20.test/NAME.git, served read-only by `git daemon` on
// 127.0.0.1. A git configuration file maps `https://els20.test/` onto the daemon with
// `url.<base>.insteadOf`, as a user maps a mirror; every git the nodes run gets it through
// GIT_CONFIG_GLOBAL, so nothing outside SCRATCH is touched.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MODULE_HOST, MODULE_VERSION, repositoryFiles } from "./programs.mjs";

/** The ports this benchmark may use (shared machine: each job has its own range). */
export const PORTS = { from: 48000, to: 48999 };

const GIT_IDENTITY = {
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_NAME: "ELS20 benchmark",
  GIT_AUTHOR_EMAIL: "els20@example.com",
  GIT_COMMITTER_NAME: "ELS20 benchmark",
  GIT_COMMITTER_EMAIL: "els20@example.com",
  GIT_TERMINAL_PROMPT: "0",
};

function git(cwd, args, env) {
  return execFileSync("git", args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** A port of the range that nothing listens on now (another job may still take it). */
export async function freePort(exclude = new Set()) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = PORTS.from + Math.floor(Math.random() * (PORTS.to - PORTS.from + 1));
    if (exclude.has(port)) continue;
    const free = await new Promise((resolve) => {
      const server = createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${PORTS.from}-${PORTS.to}`);
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Makes the three repositories and serves them. Returns `{ scratch, port, gitEnv, close }`:
 * `gitEnv` is the environment every process that clones must have (it carries the mapping).
 */
export async function serveProgramRepositories(names) {
  const scratch = mkdtempSync(join(tmpdir(), "termite-els20-"));
  const served = join(scratch, "served");
  const config = join(scratch, "gitconfig");
  writeFileSync(config, "");
  const env = { ...process.env, ...GIT_IDENTITY, GIT_CONFIG_GLOBAL: config };
  for (const name of names) {
    const bare = join(served, MODULE_HOST, `${name}.git`);
    const work = join(scratch, "work", name);
    mkdirSync(bare, { recursive: true });
    mkdirSync(work, { recursive: true });
    git(bare, ["init", "-q", "--bare", "-b", "main"], env);
    git(work, ["init", "-q", "-b", "main"], env);
    for (const [file, text] of Object.entries(repositoryFiles(name))) writeFileSync(join(work, file), text);
    git(work, ["add", "-A"], env);
    git(work, ["commit", "-q", "-m", `${name}: the ELS'20 benchmark program`], env);
    git(work, ["tag", MODULE_VERSION], env);
    git(work, ["push", "-q", bare, "main", `refs/tags/${MODULE_VERSION}`], env);
  }

  const tried = new Set();
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await freePort(tried);
    tried.add(port);
    const daemon = spawn(
      "git",
      [
        "daemon",
        "--reuseaddr",
        `--base-path=${served}`,
        "--export-all",
        `--port=${port}`,
        "--listen=127.0.0.1",
        served,
      ],
      { stdio: "ignore", env },
    );
    let exited = false;
    daemon.once("exit", () => {
      exited = true;
    });
    const deadline = Date.now() + 20_000;
    while (!exited && Date.now() < deadline && !(await accepts(port)))
      await new Promise((r) => setTimeout(r, 50));
    // Someone else's daemon on the port would answer too: ours must still be alive after a pause.
    await new Promise((r) => setTimeout(r, 150));
    if (exited || !(await accepts(port))) {
      daemon.kill();
      continue;
    }
    writeFileSync(
      config,
      `[url "git://127.0.0.1:${port}/${MODULE_HOST}/"]\n\tinsteadOf = https://${MODULE_HOST}/\n`,
    );
    // An interrupted benchmark must not leave its daemon behind.
    const onSignal = (signal) => {
      daemon.kill();
      rmSync(scratch, { recursive: true, force: true });
      process.exit(signal === "SIGINT" ? 130 : 143);
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    return {
      scratch,
      port,
      gitEnv: { GIT_CONFIG_GLOBAL: config, GIT_CONFIG_NOSYSTEM: "1", GIT_TERMINAL_PROMPT: "0" },
      close() {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        daemon.kill();
        rmSync(scratch, { recursive: true, force: true });
      },
    };
  }
  rmSync(scratch, { recursive: true, force: true });
  throw new Error(`could not start git daemon on a port of ${PORTS.from}-${PORTS.to}`);
}
