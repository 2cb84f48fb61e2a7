// ## Installing `(termite)` into a system
//
// The primitives become `(termite process)` and `(termite mailbox)`, `recv` joins
// `(termite process)`, and the Scheme library `(termite)` (scheme/termite/termite.sld) gathers
// them with `??`. Its body runs with the first script or program the system runs.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TermiteSystem } from "../system.js";
import { ProcessNode } from "./process-node.js";
import { processPrimitiveGroups } from "./process-primitives.js";
import { recvTransformer } from "./recv-syntax.js";

/** Where `scheme/` is: beside `dist/` once built, two levels up from this file in the sources. */
function termiteLibraryFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++) {
    const candidate = join(dir, "scheme", "termite", "termite.sld");
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      dir = dirname(dir);
    }
  }
  throw new Error("scheme/termite/termite.sld not found beside the termite package");
}

/**
 * Adds the `(termite)` library to a booted system; returns the node that holds its processes.
 * Uncaught errors of processes are reported on the system's stderr.
 */
export function installTermiteLibrary(system: TermiteSystem): ProcessNode {
  const node = new ProcessNode((text) => system.io.stderr(text));
  system.installGroups(processPrimitiveGroups(node));
  system.registry.defineSyntax("termite/process", "recv", recvTransformer);
  const file = termiteLibraryFile();
  system.registry.loadSource({ file, text: readFileSync(file, "utf8") });
  return node;
}
