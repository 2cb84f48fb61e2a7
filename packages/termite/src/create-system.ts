// ## The standard system: everything a `termite` user expects, booted

import type { IoContext } from "@termite/runtime";
import { type DistributionOptions, installDistribution } from "./distribution/index.js";
import { type Backend, TermiteSystem } from "./system.js";
import { installWire } from "./wire/install.js";

export interface CreateSystemOptions {
  readonly io?: IoContext;
  /** Module search directories (install layout), searched in order. */
  readonly searchPath?: readonly string[];
  /** `compile` (the default) or `interpret`; applies to the prelude too. */
  readonly backend?: Backend;
  /** How the node joins a network when a program calls `node-init` (transports, limits, security). */
  readonly distribution?: DistributionOptions;
}

/**
 * A booted system with the default environment: R7RS-small, SRFI 1 and 18, Termite's extras, the
 * `(termite)` library, a wire so that values (closures and continuations too) can travel, and the
 * distribution layer (`node-init`, `remote-spawn`…) so that processes can talk across nodes.
 */
export async function createSystem(options: CreateSystemOptions = {}): Promise<TermiteSystem> {
  const system = new TermiteSystem({
    io: options.io,
    backend: options.backend,
    registry: { searchPath: [...(options.searchPath ?? [])] },
    configure: (s) => {
      installWire(s);
      installDistribution(s, options.distribution);
    },
  });
  return system.boot();
}
