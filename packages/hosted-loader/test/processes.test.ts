// Two OS processes installing the same module at once, and an installer that died holding the
// lock. The children load the built package (`dist`), as another program would.

import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HostedLoader } from "../src/index.js";
import { freePort, GitServer } from "../src/testing/index.js";

const DIST = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const server = new GitServer();

beforeAll(async () => {
  await server.start();
  server.mapHosts(["github.com"], await freePort());
  const repo = server.repository("github.com/fred/shared");
  // Enough files that the clones overlap in time.
  const files: Record<string, string> = {
    "shared.sld": "(define-library (github.com/fred shared) (export) (begin))\n",
  };
  for (let i = 0; i < 200; i++)
    files[`data/file-${i}.scm`] = `(define x${i} ${"(list 1 2 3) ".repeat(50)})\n`;
  repo.commit(files);
  repo.tag("1.0");
});

afterAll(async () => {
  await server.stop();
});

const env = () => ({ ...process.env, GIT_CONFIG_GLOBAL: server.config, GIT_CONFIG_NOSYSTEM: "1" });

// Installs in a child process; `onInstalled` appends the child's pid to `record`.
function installInChild(
  root: string,
  record: string,
  started?: (child: ReturnType<typeof spawn>) => void,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  const script = `
    import { appendFileSync } from "node:fs";
    const { HostedLoader } = await import(${JSON.stringify(DIST)});
    const loader = new HostedLoader({
      root: ${JSON.stringify(root)},
      onInstalled: () => appendFileSync(${JSON.stringify(record)}, process.pid + "\\n"),
    });
    const installed = await loader.install("github.com/fred/shared@1.0");
    console.log(JSON.stringify(installed.manifest));
  `;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { env: env() });
    started?.(child);
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("exit", (code, signal) => resolve({ code, signal, output }));
  });
}

describe("installs across processes", () => {
  it("leaves one good copy when two processes install the same module at once", async () => {
    const root = mkdtempSync(join(server.scratch, "home-"));
    const record = join(server.scratch, "installed-by");
    const [a, b] = await Promise.all([installInChild(root, record), installInChild(root, record)]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    expect(JSON.parse(a.output)).toEqual(JSON.parse(b.output));
    // One process cloned and installed; the other found its install after waiting for the lock.
    expect(readFileSync(record, "utf8").trim().split("\n")).toHaveLength(1);
    const loader = new HostedLoader({ root, env: env() });
    expect((await loader.list()).map((m) => m.module)).toEqual(["github.com/fred/shared@1.0"]);
    expect((await loader.verify("github.com/fred/shared@1.0")).intact).toBe(true);
    expect(readdirSync(join(root, "tmp"))).toEqual([]);
    expect(readdirSync(join(root, "locks/github.com/fred/shared"))).toEqual([]);
  });

  it("leaves no half module when an installer is killed during its clone", async () => {
    const root = mkdtempSync(join(server.scratch, "home-"));
    const tmp = join(root, "tmp");
    const killed = await installInChild(root, join(server.scratch, "killed-record"), (child) => {
      // Kill as soon as the clone has begun (its work directory exists).
      const poll = setInterval(() => {
        if (existsSync(tmp) && readdirSync(tmp).length > 0) {
          clearInterval(poll);
          child.kill("SIGKILL");
        }
      }, 2);
      child.on("exit", () => clearInterval(poll));
    });
    expect(killed.signal, killed.output).toBe("SIGKILL");
    const version = join(root, "github.com/fred/shared/@1.0");
    const loader = new HostedLoader({ root, env: env() });
    // Either the kill came before the rename (nothing in the layout) or after (a whole module).
    if (existsSync(version)) expect((await loader.verify("github.com/fred/shared@1.0")).intact).toBe(true);
    else expect(await loader.list()).toEqual([]);
    // The dead installer's lock is broken and the next install completes.
    const installed = await loader.install("github.com/fred/shared@1.0");
    expect((await loader.verify(installed.name)).intact).toBe(true);
  });

  it("breaks the lock of an installer that died holding it", async () => {
    const dead = spawn(process.execPath, ["-e", ""]);
    const deadPid = dead.pid!;
    await new Promise((resolve) => dead.on("exit", resolve));
    const root = mkdtempSync(join(server.scratch, "home-"));
    const lock = join(root, "locks/github.com/fred/shared/@1.0");
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(lock, "owner"), JSON.stringify({ pid: deadPid, since: Date.now() }));
    const loader = new HostedLoader({ root, env: env(), lockTimeoutMs: 30_000 });
    expect((await loader.install("github.com/fred/shared@1.0")).manifest.tag).toBe("1.0");
    expect(existsSync(lock)).toBe(false);
  });

  it("gives up with lock-timeout while a live installer holds the lock", async () => {
    const root = mkdtempSync(join(server.scratch, "home-"));
    const lock = join(root, "locks/github.com/fred/shared/@1.0");
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(lock, "owner"), JSON.stringify({ pid: process.ppid, since: Date.now() }));
    const loader = new HostedLoader({ root, env: env(), lockTimeoutMs: 300 });
    const error = await loader.install("github.com/fred/shared@1.0").catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("lock-timeout");
    expect(existsSync(join(root, "github.com"))).toBe(false);
  });
});
