// ## Compiled code a node can resolve
//
// A compiled closure or frame names its code by (module, id, source hash). The receiver answers
// with the code of the same module compiled from the same source; the same module compiled from
// other source is refused with both hashes, never silently mixed.

import type { CompiledCode, CompiledUnit } from "@termite/compiler";
import type { CodeReference } from "@termite/datum";
import { CodeReferenceError } from "@termite/serializer";

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
