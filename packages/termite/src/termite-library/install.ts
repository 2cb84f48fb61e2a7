// ## Installing `(termite)` into a system
//
// The primitives become `(termite process)` and `(termite mailbox)`, `recv` joins
// `(termite process)`, and the Scheme library `(termite)` (scheme/termite/termite.sld) gathers
// them with `??`. Its body runs with the first script or program the system runs.

import { readFileSync } from "node:fs";
import { schemeFile } from "../scheme-files.js";
import type { SystemPart, TermiteSystem } from "../system.js";
import { ProcessNode } from "./process-node.js";
import { processPrimitiveGroups } from "./process-primitives.js";
import { recvTransformer } from "./recv-syntax.js";

const nodes = new WeakMap<TermiteSystem, ProcessNode>();

/** The processes, mailboxes and services of `system`, once the `(termite)` part is installed. */
export function processesOf(system: TermiteSystem): ProcessNode | undefined {
  return nodes.get(system);
}

/**
 * Adds the `(termite)` library to a booted system; returns the node that holds its processes.
 * Uncaught errors of processes are reported on the system's stderr.
 */
export function installTermiteLibrary(system: TermiteSystem): ProcessNode {
  const existing = nodes.get(system);
  if (existing !== undefined) return existing;
  const node = new ProcessNode((text) => system.io.stderr(text), system.scheduler);
  nodes.set(system, node);
  system.installGroups(processPrimitiveGroups(node));
  system.registry.defineSyntax("termite/process", "recv", recvTransformer);
  const file = schemeFile("termite", "termite.sld");
  system.registry.loadSource({ file, text: readFileSync(file, "utf8") });
  return node;
}

/** The `(termite)` library as a part of a system (`processesOf(system)` finds its node). */
export const termiteLibraryPart: SystemPart = { name: "termite", install: installTermiteLibrary };
