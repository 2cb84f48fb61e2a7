// ## Giving a system its place on a network
//
// A part of a system, installed before the prelude and after the wire: the `(termite node)`
// primitives join the `(termite)` library, and the node starts when a program calls `node-init`.

import type { SystemPart, TermiteSystem } from "../system.js";
import { processesOf } from "../termite-library/index.js";
import { installWire } from "../wire/install.js";
import { type DistributionOptions, NodeDistribution } from "./distribution.js";
import { distributionPrimitiveGroup } from "./primitives.js";

const distributions = new WeakMap<object, NodeDistribution>();

/** The distribution of `system` (made by `installDistribution`). */
export function distributionOf(system: TermiteSystem): NodeDistribution | undefined {
  return distributions.get(system);
}

/** Adds the distribution layer to `system` (and its wire, if it has none yet). */
export function installDistribution(
  system: TermiteSystem,
  options: DistributionOptions = {},
): NodeDistribution {
  const existing = distributions.get(system);
  if (existing !== undefined) return existing;
  const wire = installWire(system);
  const distribution = new NodeDistribution(
    () => {
      const processes = processesOf(system);
      if (processes === undefined) throw new Error("the system has no (termite) part, so no processes");
      return processes;
    },
    wire,
    (line) => system.io.stderr(line),
    options,
  );
  distributions.set(system, distribution);
  system.installGroups([distributionPrimitiveGroup(distribution)]);
  return distribution;
}

/** The distribution layer as a part of a system (after the wire part, before the prelude). */
export function distributionPart(options: DistributionOptions = {}): SystemPart {
  return { name: "distribution", beforePrelude: (system) => installDistribution(system, options) };
}
