// Shared test helpers: expand a script or library and run it with the test evaluator.

import type { CoreModule } from "@termite/core";
import { write } from "@termite/datum";
import { expandScript, type LibraryRegistry } from "../src/index.js";
import { CoreEvaluator, testRegistry } from "./evaluate-core.js";

/** Expands `text` as a script and returns what its last form evaluates to, written. */
export function run(text: string, registry: LibraryRegistry = testRegistry()): string {
  const module = expandScript(registry, text, { file: "test.scm" });
  const ev = new CoreEvaluator();
  for (const m of registry.modules()) ev.run(m);
  return write(ev.run(module));
}

/** Runs already expanded modules in order and writes the last value. */
export function runModules(...modules: CoreModule[]): string {
  const ev = new CoreEvaluator();
  let last: unknown;
  for (const m of modules) last = ev.run(m);
  return write(last);
}
