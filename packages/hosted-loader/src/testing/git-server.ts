// ## A real git daemon for tests (this package's and those of packages that build on it)
//
// Bare repositories made in a temporary directory, served by `git daemon` on 127.0.0.1 at a free
// port of the range this project's tests may use, and a git configuration file that maps public
// hosts onto it with `url.<base>.insteadOf`, as a user would map a mirror.

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A range of TCP ports a test suite may use (each suite its own, so parallel suites do not meet). */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/** The hosted loader's own tests' range; other packages pass theirs to `GitServer`. */
const DEFAULT_PORTS: PortRange = { from: 42000, to: 42999 };

// Commits with a fixed identity and no user or system configuration.
const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.com",
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    env: GIT_ENV,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

/** A repository under construction: a work tree that pushes to the served bare repository. */
export class TestRepository {
  constructor(
    readonly work: string,
    readonly bare: string,
  ) {}

  /** Writes files (path -> text), commits them, and returns the commit. */
  commit(files: Record<string, string | null>, message = "change"): string {
    for (const [path, text] of Object.entries(files)) {
      const full = join(this.work, path);
      if (text === null) rmSync(full, { force: true });
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, text);
      }
    }
    git(this.work, "add", "-A");
    git(this.work, "commit", "-q", "--allow-empty", "-m", message);
    git(this.work, "push", "-q", "origin", "HEAD");
    return git(this.work, "rev-parse", "HEAD");
  }

  /** Tags the current commit (annotated when `annotated`), moving the tag if it exists. */
  tag(name: string, annotated = false): void {
    if (annotated) git(this.work, "tag", "-f", "-a", "-m", name, name);
    else git(this.work, "tag", "-f", name);
    git(this.work, "push", "-q", "-f", "origin", `refs/tags/${name}`);
  }
}

export class GitServer {
  readonly base: string;
  readonly scratch: string;
  /** A git configuration file mapping hosts to the daemon (pass as GIT_CONFIG_GLOBAL). */
  readonly config: string;
  port = 0;
  private daemon: ChildProcess | undefined;

  constructor(readonly ports: PortRange = DEFAULT_PORTS) {
    this.scratch = mkdtempSync(join(tmpdir(), "termite-hosted-"));
    this.base = join(this.scratch, "served");
    this.config = join(this.scratch, "gitconfig");
    mkdirSync(this.base);
  }

  /** Starts the daemon on a free port and waits until it accepts connections. */
  async start(): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const port = await freePort(this.ports);
      const daemon = spawn(
        "git",
        [
          "daemon",
          "--reuseaddr",
          `--base-path=${this.base}`,
          "--export-all",
          `--port=${port}`,
          "--listen=127.0.0.1",
          this.base,
        ],
        { stdio: "ignore", env: GIT_ENV },
      );
      const exited = new Promise<"exited">((resolve) => daemon.once("exit", () => resolve("exited")));
      const ready = await Promise.race([waitForPort(port, 20_000), exited]);
      // A port taken by someone else's daemon after our check: ours exits at once.
      if (ready === true) await new Promise((resolve) => setTimeout(resolve, 150));
      if (ready === true && daemon.exitCode === null && daemon.signalCode === null) {
        this.daemon = daemon;
        this.port = port;
        return;
      }
      daemon.kill();
    }
    throw new Error("could not start git daemon on any port of the range");
  }

  /** Maps `https://HOST/` to the daemon (and `https://gone.example/` to a closed port). */
  mapHosts(hosts: readonly string[], closedPort: number): void {
    const lines = hosts.map(
      (host) => `[url "git://127.0.0.1:${this.port}/${host}/"]\n\tinsteadOf = https://${host}/\n`,
    );
    lines.push(`[url "git://127.0.0.1:${closedPort}/"]\n\tinsteadOf = https://gone.example/\n`);
    writeFileSync(this.config, lines.join(""));
  }

  /** A new served repository at `HOST/PATH.git` with its work tree. */
  repository(location: string): TestRepository {
    const bare = join(this.base, `${location}.git`);
    mkdirSync(bare, { recursive: true });
    git(bare, "init", "-q", "--bare", "--initial-branch=main");
    const work = join(this.scratch, "work", location);
    mkdirSync(work, { recursive: true });
    git(work, "init", "-q", "--initial-branch=main");
    git(work, "remote", "add", "origin", bare);
    return new TestRepository(work, bare);
  }

  async stop(): Promise<void> {
    const daemon = this.daemon;
    if (daemon !== undefined && daemon.exitCode === null) {
      const gone = new Promise((resolve) => daemon.once("exit", resolve));
      daemon.kill();
      await gone;
    }
    rmSync(this.scratch, { recursive: true, force: true });
  }
}

/** A port of the range nobody listens on right now. */
export async function freePort(ports: PortRange = DEFAULT_PORTS): Promise<number> {
  for (;;) {
    const port = ports.from + Math.floor(Math.random() * (ports.to - ports.from + 1));
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

function waitForPort(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      const socket = connect({ host: "127.0.0.1", port });
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) resolve(false);
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}
