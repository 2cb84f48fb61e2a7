// CURVE between nodes over ZeroMQ on loopback: keys written as `termite keys` writes them, read as
// `termite run` reads them; a node without keys is refused, and the refusal is logged once.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { intern } from "@termite/datum";
import { memoryIoContext } from "@termite/runtime";
import { afterAll, describe, expect, it } from "vitest";
import { createSystem } from "../create-system.js";
import { processesOf } from "../termite-library/index.js";
import type { DistributionOptions } from "./distribution.js";
import { distributionOf } from "./install.js";
import { readCurveOptions, writeNodeKeys } from "./node-keys.js";
import { until } from "./test-network.js";

const dir = mkdtempSync(join(tmpdir(), "termite-curve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

async function zmqNode(options: DistributionOptions) {
  const io = memoryIoContext({});
  const system = await createSystem({ io, distribution: options });
  await system.runScript("(import (termite))", "setup.scm");
  const run = async (text: string) => {
    const r = await system.runScript(text, "test.scm");
    if (!r.normal) throw new Error(String(r.condition));
    return system.write(r.value);
  };
  return { system, io, run, close: () => distributionOf(system)!.close() };
}

describe("CURVE authentication between nodes", () => {
  it("nodes with each other's keys talk; a node without keys is refused", async () => {
    const [homeA, homeB, homeD] = [join(dir, "a"), join(dir, "b"), join(dir, "d")];
    const pubA = writeNodeKeys(homeA);
    const pubB = writeNodeKeys(homeB);
    writeNodeKeys(homeD);
    const base = 45160 + (process.pid % 5) * 4;
    const [portA, portB, portC, portD] = [base, base + 1, base + 2, base + 3];
    writeFileSync(join(homeA, "node", "allowed-peers"), `${pubB}\n`);
    writeFileSync(join(homeA, "node", "peer-keys"), `:${portB} ${pubB}\n`);
    writeFileSync(join(homeB, "node", "allowed-peers"), `# B trusts A\n${pubA}\n`);
    writeFileSync(join(homeB, "node", "peer-keys"), `:${portA} ${pubA}\n`);
    // D has keys and knows A's, but A does not allow D's.
    writeFileSync(join(homeD, "node", "peer-keys"), `:${portA} ${pubA}\n`);

    const a = await zmqNode({ zmq: { curve: readCurveOptions(homeA) } });
    const b = await zmqNode({ zmq: { curve: readCurveOptions(homeB) } });
    const c = await zmqNode({});
    const d = await zmqNode({ zmq: { curve: readCurveOptions(homeD) } });
    try {
      void a.system.runScript(
        `(node-init ":${portA}")
         (define s (spawn (lambda () (let loop () (recv ((from tag m) (! from (list tag m)))) (loop)))))
         (publish-service 'echo s) (thread-join! s)`,
        "server.scm",
      );
      await until(() => processesOf(a.system)!.resolve(intern("echo")) !== undefined, 20_000);
      expect(
        await b.run(
          `(node-init ":${portB}") (!? (remote-service 'echo ":${portA}") 'authenticated 5 'timeout)`,
        ),
      ).toBe("authenticated");
      expect(
        await c.run(`(node-init ":${portC}") (!? (remote-service 'echo ":${portA}") 'intruder 1 'refused)`),
      ).toBe("refused");
      // A CURVE peer whose key is not allowed: refused, and logged once however often it tries.
      expect(
        await d.run(`(node-init ":${portD}")
          (list (!? (remote-service 'echo ":${portA}") 'one 1 'refused)
                (!? (remote-service 'echo ":${portA}") 'two 1 'refused))`),
      ).toBe("(refused refused)");
      await until(() => a.io.stderrText.includes("unauthenticated"), 10_000);
      expect(a.io.stderrText.split("unauthenticated").length - 1).toBe(1);
      expect(a.io.stderrText).toMatch(
        /unauthenticated \(refused a connection from .*public key .* is not in curve\.allow\)/,
      );
    } finally {
      await Promise.all([a.close(), b.close(), c.close(), d.close()]);
    }
  }, 60_000);

  it("termite keys writes a key pair under $TERMITE_HOME/node and will not replace it without --force", () => {
    const home = join(dir, "cli");
    const env = { ...process.env, TERMITE_HOME: home };
    const first = spawnSync(process.execPath, [cli, "keys"], { env, encoding: "utf8" });
    expect(first.status).toBe(0);
    const publicKey = readFileSync(join(home, "node", "public-key"), "utf8").trim();
    expect(first.stdout.split("\n")[0]).toBe(publicKey);
    expect(publicKey).toMatch(/^[0-9a-zA-Z.\-:+=^!/*?&<>()[\]{}@%$#]{40}$/);
    expect(readCurveOptions(home)).toMatchObject({ publicKey, allow: [], serverKeys: {} });
    const again = spawnSync(process.execPath, [cli, "keys"], { env, encoding: "utf8" });
    expect(again.status).toBe(64);
    expect(again.stderr).toContain("--force");
    expect(spawnSync(process.execPath, [cli, "keys", "--force"], { env, encoding: "utf8" }).status).toBe(0);
    expect(readFileSync(join(home, "node", "public-key"), "utf8").trim()).not.toBe(publicKey);
  });
});
