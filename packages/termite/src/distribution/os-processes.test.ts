// The real thing: nodes in separate `termite run` OS processes over ZeroMQ on loopback, running
// the seed's two-node programs as written (the port moved into this suite's range), on both back
// ends and mixed; and a peer killed with SIGKILL while processes are linked to and monitor it.
// Runs the built CLI (dist/cli.js): build before testing.

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const seedDir = fileURLToPath(new URL("../../test/seed/nodes/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "termite-nodes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Ports of this suite: 45100-45199 (each test its own, so a slow close cannot collide). */
let nextPort = 45100 + (process.pid % 10) * 8;

interface Running {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  readonly exited: Promise<number | null>;
}

const running: Running[] = [];
afterEach(() => {
  for (const r of running.splice(0)) r.child.kill("SIGKILL");
});

function termite(flags: string[], file: string): Running {
  const child = spawn(process.execPath, [cli, "run", ...flags, file], { stdio: ["ignore", "pipe", "pipe"] });
  const r: Running = {
    child,
    stdout: "",
    stderr: "",
    exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))),
  };
  child.stdout!.on("data", (d) => {
    r.stdout += d;
  });
  child.stderr!.on("data", (d) => {
    r.stderr += d;
  });
  running.push(r);
  return r;
}

/** A seed program with its port moved to `port`, written to a file. */
function seedFile(name: string, port: number): string {
  const file = join(dir, `${port}-${name}`);
  writeFileSync(file, readFileSync(join(seedDir, name), "utf8").replaceAll('":7000"', `":${port}"`));
  return file;
}

/** Resolves once something accepts TCP connections on 127.0.0.1:`port`. */
async function listening(port: number, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, "127.0.0.1");
      s.on("connect", () => {
        s.destroy();
        resolve(true);
      });
      s.on("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`nothing listens on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function untilOutput(r: Running, text: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!r.stdout.includes(text)) {
    if (Date.now() > end)
      throw new Error(`no ${JSON.stringify(text)} in ${JSON.stringify(r.stdout)} (stderr ${r.stderr})`);
    await new Promise((res) => setTimeout(res, 10));
  }
}

const BACKENDS = [
  { name: "compiled server, compiled client", server: [], client: [] },
  { name: "interpreted server, interpreted client", server: ["--interpret"], client: ["--interpret"] },
  { name: "compiled server, interpreted client", server: [], client: ["--interpret"] },
  { name: "interpreted server, compiled client", server: ["--interpret"], client: [] },
];

describe.each(BACKENDS)("two termite processes: $name", ({ server, client }) => {
  it("the seed's pong client gets PONG from the pong server", async () => {
    const port = nextPort++;
    const s = termite(server, seedFile("pong-server.scm", port));
    await listening(port);
    const c = termite(client, seedFile("pong-client.scm", port));
    expect(await c.exited).toBe(0);
    expect(c.stdout).toBe("PONG\n");
    expect(c.stderr).toBe("");
    expect(s.child.exitCode).toBe(null); // the server runs on
    expect(s.stderr).toBe("");
  }, 60_000);

  it("hot code update: the server runs the client's continuation and answers HELLO", async () => {
    const port = nextPort++;
    const s = termite(server, seedFile("update-server.scm", port));
    await listening(port);
    const c = termite(client, seedFile("update-client.scm", port));
    expect(await c.exited).toBe(0);
    expect(c.stdout).toBe("PONG\nHELLO\n");
    expect(c.stderr + s.stderr).toBe("");
  }, 60_000);
});

/** The sleeper service of these tests: answers `(from tag m)` with `ready`, and its own id. */
function sleeperFile(port: number): string {
  const file = join(dir, `${port}-sleeper-${Math.random().toString(36).slice(2)}.scm`);
  writeFileSync(
    file,
    `(import (termite))
(node-init ":${port}")
(define s (spawn (lambda () (let loop () (recv ((from tag m) (! from (list tag (list 'ready (self)))))) (loop)))))
(publish-service 'sleeper s)
(thread-join! s)
`,
  );
  return file;
}

describe("a peer that stops answering or comes back", () => {
  it("a stopped peer (SIGSTOP) is declared lost by heartbeat: monitors get DOWN noconnection", async () => {
    const port = nextPort++;
    const s = termite([], sleeperFile(port));
    await listening(port);
    const clientFile = join(dir, `${port}-stop-watcher.scm`);
    writeFileSync(
      clientFile,
      `(import (termite))
(node-init)
(define server (remote-service 'sleeper ":${port}"))
(define tag (monitor server))
(println (car (!? server 'ready?)))
(println (recv (('DOWN t pid reason) (where (eq? t tag)) reason)))
`,
    );
    const c = termite([], clientFile);
    await untilOutput(c, "ready\n");
    await new Promise((r) => setTimeout(r, 100));
    const stopped = Date.now();
    s.child.kill("SIGSTOP");
    try {
      await untilOutput(c, "noconnection\n");
      // The transport's default heartbeat timeout is 750 ms after a 250 ms interval.
      expect(Date.now() - stopped).toBeLessThan(3000);
      expect(await c.exited).toBe(0);
    } finally {
      s.child.kill("SIGCONT");
    }
  }, 60_000);

  it("a node restarted on the same port is a new incarnation: old ids are dead, the service answers again", async () => {
    const port = nextPort++;
    const first = termite([], sleeperFile(port));
    await listening(port);
    const clientFile = join(dir, `${port}-restart-watcher.scm`);
    writeFileSync(
      clientFile,
      `(import (termite))
(node-init)
(define server (remote-service 'sleeper ":${port}"))
(define old (cadr (!? server 'who?)))
(define t1 (monitor old))
(println "first")
(println (recv (('DOWN t pid reason) (where (eq? t t1)) reason)))
(let wait () (if (eq? (ping ":${port}" 0.5) 'no-reply) (wait)))
(define new (cadr (!? server 'who? 5 '(#f #f))))
(define t2 (monitor old))
(println (list (process? new) (eq? new old) (recv (('DOWN t pid reason) (where (eq? t t2)) reason))))
`,
    );
    const c = termite([], clientFile);
    await untilOutput(c, "first\n");
    first.child.kill("SIGKILL");
    await untilOutput(c, "noconnection\n");
    termite([], sleeperFile(port));
    expect(await c.exited).toBe(0);
    expect(c.stdout).toBe("first\nnoconnection\n(#t #f noproc)\n");
  }, 60_000);
});

describe("a peer killed with SIGKILL", () => {
  it("ends the processes linked to its processes with noconnection and sends monitors DOWN noconnection", async () => {
    const port = nextPort++;
    const serverFile = join(dir, `${port}-sleeper.scm`);
    writeFileSync(
      serverFile,
      `(import (termite))
(node-init ":${port}")
(define s (spawn (lambda () (let loop () (recv ((from tag m) (! from (list tag 'ready)))) (loop)))))
(publish-service 'sleeper s)
(thread-join! s)
`,
    );
    const clientFile = join(dir, `${port}-watcher.scm`);
    writeFileSync(
      clientFile,
      `(import (termite))
(node-init)
(define server (remote-service 'sleeper ":${port}"))
(define tag (monitor server))
(define linked (spawn (lambda () (link server) (?))))
(println (!? server 'ready?))
(println (recv (('DOWN t pid reason) (where (eq? t tag)) reason)))
(println (guard (e ((uncaught-exception? e)
                    (let ((c (uncaught-exception-reason e)))
                      (list (error-object-message c) (cadr (error-object-irritants c))))))
           (thread-join! linked)))
`,
    );
    const s = termite([], serverFile);
    await listening(port);
    const c = termite([], clientFile);
    await untilOutput(c, "ready\n");
    await new Promise((r) => setTimeout(r, 100));
    const killed = Date.now();
    s.child.kill("SIGKILL");
    await untilOutput(c, "noconnection\n");
    // Within a second of the loss by default (ZMTP heartbeats or the broken connection).
    expect(Date.now() - killed).toBeLessThan(1500);
    expect(await c.exited).toBe(0);
    expect(c.stdout).toMatch(
      /^ready\nnoconnection\n\(.*a linked process ended abnormally.* noconnection\)\n$/,
    );
  }, 60_000);
});
