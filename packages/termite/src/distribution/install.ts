// ## Giving a system its place on a network
//
// One call, before `boot()` (from `SystemOptions.configure`, after the wire): the `(termite node)`
// primitives join the `(termite)` library, and the node starts when a program calls `node-init`.

import type { TermiteSystem } from "../system.js";
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
      if (system.processes === undefined) throw new Error("the system is not booted");
      return system.processes;
    },
    wire,
    (line) => system.io.stderr(line),
    options,
  );
  distributions.set(system, distribution);
  system.installGroups([distributionPrimitiveGroup(distribution)]);
  return distribution;
}
