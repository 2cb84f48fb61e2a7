// Two booted systems with wires and in-memory consoles, for the tests: what one sends, the other
// receives, as two nodes would.

import { write } from "@termite/datum";
import { type MemoryIoContext, memoryIoContext } from "@termite/runtime";
import { createSystem } from "../create-system.js";
import type { TermiteSystem } from "../system.js";
import { wireOf } from "./install.js";
import type { Wire, WireOptions } from "./wire.js";

export interface TestNode {
  readonly system: TermiteSystem;
  readonly wire: Wire;
  readonly io: MemoryIoContext;
  /** Runs a script; answers its value, or throws with the condition written out. */
  run(text: string): Promise<unknown>;
  /** Runs a script expected to fail; answers the condition. */
  fail(text: string): Promise<unknown>;
  /** Calls `f(...args)` in a green thread of this node; answers its value. */
  call(f: unknown, ...args: unknown[]): Promise<unknown>;
}

export const PRELUDE = "(import (scheme base) (scheme write) (scheme file) (termite wire))";

export async function testNode(
  options: WireOptions = {},
  backend: "compile" | "interpret" = "compile",
): Promise<TestNode> {
  const io = memoryIoContext({});
  const system = await createSystem({ io, backend, wire: options });
  const wire = wireOf(system);
  await system.runScript(PRELUDE, "setup.scm");
  const outcome = async (p: Promise<{ normal: boolean; value?: unknown; condition?: unknown }>) => {
    const r = await p;
    if (!r.normal) throw new Error(`failed: ${write(r.condition)}`);
    return r.value;
  };
  return {
    system,
    wire: wire!,
    io,
    run: (text) => outcome(system.runScript(text, "test.scm")),
    async fail(text) {
      const r = await system.runScript(text, "test.scm");
      if (r.normal) throw new Error(`succeeded with ${write(r.value)}`);
      return r.condition;
    },
    call: (f, ...args) => outcome(system.runInThread(() => (f as (...a: unknown[]) => unknown)(...args))),
  };
}
