// Several nodes in one OS process over the in-memory transport, for the tests.

import { write } from "@termite/datum";
import { type MemoryIoContext, memoryIoContext } from "@termite/runtime";
import { createMemoryTransport, type MemoryNetwork, type Transport } from "@termite/transport";
import { createSystem } from "../create-system.js";
import type { TermiteSystem } from "../system.js";
import type { DistributionOptions, NodeDistribution } from "./distribution.js";
import { distributionOf } from "./install.js";

export interface TestNode {
  readonly system: TermiteSystem;
  readonly io: MemoryIoContext;
  readonly transport: Transport;
  readonly distribution: NodeDistribution;
  /** Runs a script to its end; answers its value written, or throws with the condition. */
  run(text: string, file?: string): Promise<string>;
  /** Runs a script expected to fail; answers the condition. */
  fail(text: string): Promise<unknown>;
  /** Starts a script without waiting for it (a server); answers how it ends. */
  start(text: string, file?: string): Promise<{ normal: boolean; value?: unknown; condition?: unknown }>;
}

export async function testNode(
  network: MemoryNetwork,
  backend: "compile" | "interpret" = "compile",
  options: DistributionOptions = {},
): Promise<TestNode> {
  const io = memoryIoContext({});
  const transport = createMemoryTransport({ network });
  const system = await createSystem({
    io,
    backend,
    distribution: { transports: [transport], ...options },
  });
  await system.runScript("(import (termite))", "setup.scm");
  return {
    system,
    io,
    transport,
    distribution: distributionOf(system)!,
    async run(text, file = "test.scm") {
      const r = await system.runScript(text, file);
      if (!r.normal) throw new Error(`script failed: ${write(r.condition)}`);
      return write(r.value);
    },
    async fail(text) {
      const r = await system.runScript(text, "test.scm");
      if (r.normal) throw new Error(`script succeeded with ${write(r.value)}`);
      return r.condition;
    },
    start: (text, file = "server.scm") => system.runScript(text, file),
  };
}

/** Waits (event-loop turns, at most `ms`) until `ready()` holds. */
export async function until(ready: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 2));
  }
}
