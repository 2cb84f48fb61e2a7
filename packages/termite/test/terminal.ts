// A program driven through a real pseudo-terminal, as a person at a keyboard drives it: util-linux
// `script` gives the program a terminal (so readline runs raw, Ctrl-C arrives as a key, Up walks
// history), and the test writes keys into it and waits for what the screen shows.

import { type ChildProcess, spawn, spawnSync } from "node:child_process";

/** True when util-linux `script` is on the machine (the terminal tests need it). */
export const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).stdout?.includes(
  "util-linux",
);

export interface Terminal {
  /** Types `keys` (`\r` is Enter, `\x03` Ctrl-C, `\x04` Ctrl-D, `\x1b[A` Up). */
  type(keys: string): void;
  /** Waits until the text shown since the last `mark()` matches `pattern`; answers that text. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Starts a new stretch of output for `waitFor`. */
  mark(): void;
  /** Everything shown so far, without terminal control sequences and carriage returns. */
  screen(): string;
  /** Resolves with the exit code once the program has ended. */
  readonly exited: Promise<number | null>;
  kill(): void;
}

/** What a terminal shows, as plain text: control sequences and carriage returns removed. */
export function plain(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\r/g, "");
}

/** Runs `command` (a shell command line) in a pseudo-terminal, with `env` (default: this process's). */
export function openTerminal(
  command: string,
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Terminal {
  const child: ChildProcess = spawn("script", ["-q", "-e", "-c", command, "/dev/null"], {
    cwd: options.cwd,
    env: { ...(options.env ?? process.env), TERM: "xterm" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let raw = "";
  let from = 0;
  child.stdout!.setEncoding("utf8");
  child.stdout!.on("data", (d: string) => {
    raw += d;
  });
  child.stderr!.on("data", (d: Buffer) => {
    raw += d.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    type: (keys) => child.stdin!.write(keys),
    mark: () => {
      from = raw.length;
    },
    screen: () => plain(raw),
    exited,
    kill: () => child.kill("SIGKILL"),
    waitFor: (pattern, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          const shown = plain(raw.slice(from));
          if (pattern.test(shown)) {
            clearInterval(poll);
            resolve(shown);
          } else if (Date.now() - started > timeoutMs) {
            clearInterval(poll);
            reject(new Error(`the terminal never showed ${pattern}; it shows:\n${shown}`));
          }
        }, 25);
      }),
  };
}
