// ## Compiled code a node can resolve
//
// A compiled closure or frame names its code by (module, id, source hash). The receiver answers
// with the code of the same module compiled from the same source; the same module compiled from
// other source is refused with both hashes, never silently mixed.

import { type CompiledCode, type CompiledUnit, compileUnit } from "@termite/compiler";
import type { CodeReference } from "@termite/datum";
import { CodeReferenceError } from "@termite/serializer";
import type { RunResult, TermiteSystem } from "../system.js";

export class CompiledCodeTable {
  private readonly byModule = new Map<string, Pick<CompiledUnit, "codes" | "compiled">[]>();

  /** Makes the codes of `unit` resolvable (several units may supply one module, e.g. scripts). */
  add(unit: Pick<CompiledUnit, "codes" | "compiled">): void {
    const units = this.byModule.get(unit.compiled.module) ?? [];
    units.push(unit);
    this.byModule.set(unit.compiled.module, units);
  }

  /** The code `ref` names, `undefined` when unknown; throws `hash-mismatch` for other source. */
  resolve = (ref: CodeReference): CompiledCode | undefined => {
    const units = this.byModule.get(ref.module);
    if (units === undefined) return undefined;
    const same = units.find((u) => ref.hash === undefined || u.compiled.hash === ref.hash);
    if (same === undefined) throw CodeReferenceError.hashMismatch(ref, units[0]!.compiled.hash);
    return same.codes.get(ref.id);
  };
}

/**
 * Expands `text` in the system's script session, compiles it with the JS back end as module
 * `module` and runs it in a green thread; its code becomes resolvable through `table`. (Until the
 * system itself compiles what it loads, this is how compiled code enters a node.)
 */
export async function runCompiledScript(
  system: TermiteSystem,
  table: CompiledCodeTable,
  text: string,
  options: { readonly module: string; readonly file?: string; readonly unit?: string },
): Promise<RunResult> {
  const core = system.scriptSession().expandText(text, { file: options.file });
  const unit = compileUnit(core.body, system.globals, {
    module: options.module,
    unit: options.unit ?? "main",
    source: text,
  });
  table.add(unit);
  return system.runInThread(unit.run, options.module);
}
