// ## Compiled code a node can resolve
//
// A compiled closure or frame names its code by (module, id, source hash). The receiver answers
// with the code of the same module compiled from the same source; the same module compiled from
// other source is refused with both hashes, never silently mixed.

import { type CompiledCode, type CompiledUnit, compileUnit } from "@termite/compiler";
import type { Node } from "@termite/core";
import type { CodeReference } from "@termite/datum";
import { CodeReferenceError } from "@termite/serializer";
import type { RunResult, TermiteSystem } from "../system.js";

/** What a receiver needs to compile a unit again: its body and the options it was compiled with. */
export interface CompiledUnitSource {
  readonly module: string;
  readonly unit: string;
  readonly hash: string;
  readonly block: boolean;
  readonly body: readonly Node[];
  /** For a script unit received from another node: the scope its globals belong to. */
  readonly scope?: string | undefined;
}

type TableUnit = Pick<CompiledUnit, "codes" | "compiled">;

export class CompiledCodeTable {
  private readonly byModule = new Map<string, TableUnit[]>();
  private readonly sources = new WeakMap<object, CompiledUnitSource>();

  /**
   * Makes the codes of `unit` resolvable (several units may supply one module, e.g. scripts). With
   * `source`, its code can also travel as a syntax tree to nodes that do not have it.
   */
  add(unit: TableUnit, source?: Omit<CompiledUnitSource, "hash" | "module">): void {
    // Script and REPL code (module "") always travels as its tree, never by reference: keeping
    // its units here would only make every REPL line and `eval` a unit held forever.
    if (unit.compiled.module !== "" || source === undefined) {
      const units = this.byModule.get(unit.compiled.module) ?? [];
      units.push(unit);
      this.byModule.set(unit.compiled.module, units);
    }
    if (source !== undefined) {
      const s: CompiledUnitSource = { ...source, module: unit.compiled.module, hash: unit.compiled.hash };
      for (const code of unit.codes.values()) this.sources.set(code, s);
    }
  }

  /** The source of the unit `code` belongs to, when it was added with one. */
  sourceOf(code: object): CompiledUnitSource | undefined {
    return this.sources.get(code);
  }

  /** Whether some unit of `ref.module` was compiled from the source `ref.hash` names. */
  has(ref: CodeReference): boolean {
    return (
      this.byModule.get(ref.module)?.some((u) => ref.hash === undefined || u.compiled.hash === ref.hash) ??
      false
    );
  }

  /** The code `ref` names, `undefined` when unknown; throws `hash-mismatch` for other source. */
  resolve = (ref: CodeReference): CompiledCode | undefined => {
    const units = this.byModule.get(ref.module);
    if (units === undefined) return undefined;
    for (const u of units)
      if (ref.hash === undefined || u.compiled.hash === ref.hash) {
        const code = u.codes.get(ref.id);
        if (code !== undefined) return code;
      }
    if (units.some((u) => u.compiled.hash === ref.hash)) return undefined;
    throw CodeReferenceError.hashMismatch(ref, units[0]!.compiled.hash);
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
  table.add(unit, { unit: options.unit ?? "main", block: false, body: core.body });
  return system.runInThread(unit.run, options.module);
}
