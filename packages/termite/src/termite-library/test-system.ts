// A booted system with `(termite)` installed and its console in memory, for the tests.

import { write } from "@termite/datum";
import { type MemoryIoContext, memoryIoContext } from "@termite/runtime";
import { createSystem } from "../create-system.js";
import type { Backend, TermiteSystem } from "../system.js";
import { processesOf } from "./install.js";
import type { ProcessNode } from "./process-node.js";

export interface TestSystem {
  readonly system: TermiteSystem;
  readonly node: ProcessNode;
  readonly io: MemoryIoContext;
  /** Runs a script and answers its value as written text, or throws with the condition. */
  run(text: string): Promise<string>;
  /** Runs a script expected to fail; answers the condition. */
  fail(text: string): Promise<unknown>;
}

export async function testSystem(backend: Backend = "compile"): Promise<TestSystem> {
  const io = memoryIoContext({});
  const system = await createSystem({ io, backend });
  const node = processesOf(system)!;
  await system.runScript("(import (termite))", "setup.scm");
  return {
    system,
    node,
    io,
    async run(text) {
      const r = await system.runScript(text, "test.scm");
      if (!r.normal) throw new Error(`script failed: ${write(r.condition)}`);
      return write(r.value);
    },
    async fail(text) {
      const r = await system.runScript(text, "test.scm");
      if (r.normal) throw new Error(`script succeeded with ${write(r.value)}`);
      return r.condition;
    },
  };
}
