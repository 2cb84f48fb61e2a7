// ## One installer per module version
//
// A lock is a directory made with `mkdir`, atomic on every file system, holding the owner's pid
// and start time. Another process (or another promise in this one) waits, polling, until the lock
// is gone. A lock whose owner is dead (an installer killed midway) or that is older than the
// stale limit is broken, so a crash never blocks a module for good.

import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { HostedLoaderError } from "./errors.js";

export interface LockSettings {
  /** Give up waiting after this many milliseconds. */
  readonly timeoutMs: number;
  /** A lock older than this is taken to be abandoned. */
  readonly staleMs: number;
}

/** Runs `work` holding the lock at `path`; `module` names what is locked, for messages. */
export async function withLock<T>(
  path: string,
  module: string,
  settings: LockSettings,
  work: () => Promise<T>,
): Promise<T> {
  await acquire(path, module, settings);
  try {
    return await work();
  } finally {
    await rm(path, { recursive: true, force: true });
  }
}

async function acquire(path: string, module: string, settings: LockSettings): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + settings.timeoutMs;
  let pause = 20;
  for (;;) {
    try {
      await mkdir(path);
      await writeFile(join(path, "owner"), JSON.stringify({ pid: process.pid, since: Date.now() }));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (await abandoned(path, settings)) {
      await rm(path, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new HostedLoaderError(
        "lock-timeout",
        `Another installer has held the lock on ${module} for over ${Math.round(settings.timeoutMs / 1000)} s (${path}). If no install is running, remove that directory.`,
        module,
      );
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 500);
  }
}

async function abandoned(path: string, settings: LockSettings): Promise<boolean> {
  let owner: { pid?: unknown; since?: unknown };
  try {
    owner = JSON.parse(await readFile(join(path, "owner"), "utf8"));
  } catch {
    // Made but not yet written: the owner is between its two steps, or died between them.
    try {
      return Date.now() - (await stat(path)).mtimeMs > 10_000;
    } catch {
      return false;
    }
  }
  if (typeof owner.since === "number" && Date.now() - owner.since > settings.staleMs) return true;
  if (typeof owner.pid !== "number" || owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
