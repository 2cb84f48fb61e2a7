// ## The standard system: everything a `termite` user expects, booted

import type { IoContext } from "@termite/runtime";
import { type Backend, TermiteSystem } from "./system.js";
import { installWire } from "./wire/install.js";

export interface CreateSystemOptions {
  readonly io?: IoContext;
  /** Module search directories (install layout), searched in order. */
  readonly searchPath?: readonly string[];
  /** `compile` (the default) or `interpret`; applies to the prelude too. */
  readonly backend?: Backend;
}

/**
 * A booted system with the default environment: R7RS-small, SRFI 1 and 18, Termite's extras, the
 * `(termite)` library, and a wire so that values (closures and continuations too) can travel.
 */
export async function createSystem(options: CreateSystemOptions = {}): Promise<TermiteSystem> {
  const system = new TermiteSystem({
    io: options.io,
    backend: options.backend,
    registry: { searchPath: [...(options.searchPath ?? [])] },
    configure: (s) => {
      installWire(s);
    },
  });
  return system.boot();
}
