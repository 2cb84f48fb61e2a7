// ## The standard system: everything a `termite` user expects, booted

import type { IoContext, PrimitiveGroup, Scheduler } from "@termite/runtime";
import { type DistributionOptions, distributionPart } from "./distribution/index.js";
import { evalPart } from "./eval.js";
import { type Backend, type SystemPart, TermiteSystem } from "./system.js";
import { termiteLibraryPart } from "./termite-library/index.js";
import { wirePart } from "./wire/install.js";
import type { WireOptions } from "./wire/wire.js";

export interface CreateSystemOptions {
  readonly io?: IoContext;
  /** Module search directories (install layout), searched in order. */
  readonly searchPath?: readonly string[];
  /** `compile` (the default) or `interpret`; applies to the prelude too. */
  readonly backend?: Backend;
  /** Primitive groups added to the standard ones. */
  readonly groups?: readonly PrimitiveGroup[];
  /** Options of the standard wire (a resolver of compiled code, extensions). */
  readonly wire?: WireOptions;
  /** Parts after the standard ones (a transport, the hosted loader…). */
  readonly parts?: readonly SystemPart[];
  /** The scheduler of the system's threads (frame limit, exit hook); default: the process's. */
  readonly scheduler?: Scheduler;
  /** How the node joins a network when a program calls `node-init` (transports, limits, security). */
  readonly distribution?: DistributionOptions;
}

/**
 * The standard parts, in the order they install: the wire, the distribution layer over it, eval,
 * the `(termite)` library.
 */
export function standardParts(wire: WireOptions = {}, distribution: DistributionOptions = {}): SystemPart[] {
  return [wirePart(wire), distributionPart(distribution), evalPart, termiteLibraryPart];
}

/**
 * A booted system with the default environment: R7RS-small, SRFI 1 and 18, Termite's extras, the
 * `(termite)` library, eval, a wire so that values (closures and continuations too) can travel, and
 * the distribution layer (`node-init`, `remote-spawn`…) so that processes can talk across nodes.
 */
export async function createSystem(options: CreateSystemOptions = {}): Promise<TermiteSystem> {
  const system = new TermiteSystem({
    io: options.io,
    backend: options.backend,
    groups: options.groups,
    registry: { searchPath: [...(options.searchPath ?? [])] },
    parts: [...standardParts(options.wire, options.distribution), ...(options.parts ?? [])],
    scheduler: options.scheduler,
  });
  return system.boot();
}
