// The seed's programs (ELS'20 slides), one-node form, run as written from test/seed/.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { intern } from "@termite/datum";
import { describe, expect, it } from "vitest";
import type { ProcessNode } from "./process-node.js";
import { testSystem } from "./test-system.js";

// Every test runs on both back ends: compiled (the default) and interpreted.
describe.each(["compile", "interpret"] as const)("%s", (backend) => {
  const seed = (name: string) => {
    const file = join(__dirname, "..", "..", "test", "seed", name);
    return { file, text: readFileSync(file, "utf8") };
  };

  /** Waits (event-loop turns) until the service is published by the server script. */
  async function published(node: ProcessNode, name: string): Promise<void> {
    for (let i = 0; i < 1000 && node.resolve(intern(name)) === undefined; i++)
      await new Promise((r) => setImmediate(r));
    expect(node.resolve(intern(name))).toBeDefined();
  }

  describe("seed programs on one node", () => {
    it("the pong service answers PONG to a client process", async () => {
      const t = await testSystem(backend);
      const server = seed("pong-server.scm");
      const serverRun = t.system.runScript(server.text, server.file);
      await published(t.node, "pong-server");
      const client = seed("pong-client.scm");
      const result = await t.system.runScript(client.text, client.file);
      expect(result.normal).toBe(true);
      expect(t.io.stdoutText).toBe("PONG\n");
      // The server's main thread still waits in thread-join!: the service runs on.
      let settled = false;
      void serverRun.then(() => {
        settled = true;
      });
      await new Promise((r) => setTimeout(r, 20));
      expect(settled).toBe(false);
    });

    it("hot code update by sending a continuation answers PONG then HELLO", async () => {
      const t = await testSystem(backend);
      const server = seed("update-server.scm");
      void t.system.runScript(server.text, server.file);
      await published(t.node, "pong-server");
      const client = seed("update-client.scm");
      const result = await t.system.runScript(client.text, client.file);
      expect(result).toMatchObject({ normal: true });
      expect(t.io.stdoutText).toBe("PONG\nHELLO\n");
      expect(t.io.stderrText).toBe("");
    });
  });
});
