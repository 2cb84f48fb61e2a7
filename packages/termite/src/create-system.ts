// ## The standard system: everything a `termite` user expects, booted

import type { IoContext } from "@termite/runtime";
import { TermiteSystem } from "./system.js";

export interface CreateSystemOptions {
  readonly io?: IoContext;
  /** Module search directories (install layout), searched in order. */
  readonly searchPath?: readonly string[];
}

/** A booted system with the default environment: R7RS-small, SRFI 1 and 18, Termite's extras. */
export async function createSystem(options: CreateSystemOptions = {}): Promise<TermiteSystem> {
  const system = new TermiteSystem({
    io: options.io,
    registry: { searchPath: [...(options.searchPath ?? [])] },
  });
  return system.boot();
}
