// ## The sender's side: runtime objects as described objects
//
// The serializer knows Scheme data; this hook tells it what the runtime's objects are made of.
// Procedures travel as code plus environment, continuations as frames plus their dynamic
// environment, globals and the console ports by name. What it does not recognise (file ports,
// JS functions of the host) it leaves undescribed, so the serializer refuses it with the path.
//
// Procedures are read only through @termite/datum's procedure contract (`carried`); boxes and
// dynamic environments are recognised by their class. Frames and code objects are registered in
// `known` when reached from a continuation or a closure, before the serializer meets them.

import type { CodeUnit, LambdaCode } from "@termite/compiler";
import {
  Box,
  carried,
  DynamicEnvironment,
  type Frame,
  type HandlerNode,
  type ParameterBinding,
  type Procedure,
  ProcessId,
  type ResumableCode,
  Tag,
  type Winder,
} from "@termite/datum";
import { type GlobalEnvironment, memoryPortState, Port, Promise_, UNASSIGNED } from "@termite/runtime";
import type { CodeDescription, Description } from "@termite/serializer";
import type { CompiledUnitSource } from "./compiled-codes.js";
import { type PackedUnit, packBody, packUnit } from "./core-tree.js";
import type { ProcessIdentities } from "./process-identities.js";
import { isScriptGlobal, scriptGlobalsOf } from "./script-globals.js";
import { WireTags } from "./tags.js";

type Described = Description | CodeDescription;

/** Compiled unit bodies already written as bytes, kept as long as their unit lives. */
const packedBodies = new WeakMap<CompiledUnitSource, PackedUnit>();

/** Extra knowledge for the sender: compiled code, application objects. */
export interface DescribeExtension {
  /** Describes `obj`, or answers `undefined` to leave it to the others. */
  describe(obj: object): Described | undefined;
}

/** Where the script units of a node come from, and the values of their globals (./script-globals.ts). */
export interface ScriptScopes {
  /** The scope of a script unit (a `CodeUnit` or `CompiledUnitSource` of module `""`). */
  scopeOf(unit: object): string;
  /** The value of script global `name` (`#x`) of `scope` on this node, if it is bound. */
  valueOf(scope: string, name: string): { value: unknown } | undefined;
}

/** Finds the unit of interpreted code that carries no `unit` of its own. */
export type UnitFinder = (code: ResumableCode) => CodeUnit | undefined;

/** The hooks of one `encode` call. */
export interface Describer {
  /** The serializer's `describe` hook. */
  describe(obj: object): Described | undefined;
  /** How error paths show a runtime object this describer knows (`#<winder>`), if it knows it. */
  nameOf(obj: unknown): string | undefined;
}

/**
 * Makes the hooks of one `encode` call. `globals` names primitives and library procedures;
 * `findUnit` locates the syntax tree of interpreted frames.
 */
export function makeDescriber(
  globals: GlobalEnvironment,
  findUnit: UnitFinder,
  extensions: readonly DescribeExtension[] = [],
  findCompiled: (code: object) => CompiledUnitSource | undefined = () => undefined,
  identities?: Pick<ProcessIdentities, "describeId">,
  scripts?: ScriptScopes,
): Describer {
  const known = new Map<object, Described>();
  let globalNames: Map<unknown, string> | undefined;

  /** Library globals (not a script's own `#x`): the receiver has the same modules. */
  const globalName = (v: unknown): string | undefined => {
    if (globalNames === undefined) {
      globalNames = new Map();
      for (const name of globals.names()) {
        if (isScriptGlobal(name)) continue;
        const value = globals.lookup(name);
        if (
          (typeof value === "function" || (typeof value === "object" && value !== null)) &&
          !globalNames.has(value)
        )
          globalNames.set(value, name);
      }
    }
    return globalNames.get(v);
  };

  /**
   * A script unit's scope and the values of the script globals it refers to, each a
   * `script-global` object so that one that cannot travel is named in the error's path.
   */
  const scriptFields = (unit: object, module: string, nodes: readonly unknown[]): unknown[] => {
    if (module !== "" || scripts === undefined) return [];
    const scope = scripts.scopeOf(unit);
    const values: object[] = [];
    for (const name of scriptGlobalsOf(unit, nodes)) {
      const bound = scripts.valueOf(scope, name);
      if (bound === undefined) continue;
      const entry = { name, value: bound.value };
      known.set(entry, {
        tag: WireTags.SCRIPT_GLOBAL,
        fields: [name, bound.value],
        labels: ["name", `value of global ${name.slice(1)}`],
      });
      values.push(entry);
    }
    return [scope, values];
  };

  const unitValue = (unit: CodeUnit): CodeUnit => {
    if (!known.has(unit)) {
      const { bytes, hash } = packUnit(unit);
      known.set(unit, { tag: WireTags.CODE_UNIT, fields: [unit.module, unit.id, hash, bytes] });
      const extra = scriptFields(unit, unit.module, [unit.node]);
      if (extra.length > 0)
        known.set(unit, {
          tag: WireTags.CODE_UNIT,
          fields: [unit.module, unit.id, hash, bytes, ...extra],
          labels: ["module", "unit", "hash", "tree", "scope", "script globals"],
        });
    }
    return unit;
  };

  const compiledUnitValue = (source: CompiledUnitSource): CompiledUnitSource => {
    if (!known.has(source)) {
      const { bytes } = packedBodies.get(source) ?? packBody(source.body);
      packedBodies.set(source, { bytes, hash: source.hash });
      known.set(source, {
        tag: WireTags.COMPILED_UNIT,
        fields: [source.module, source.unit, source.hash, bytes, source.block],
        labels: ["module", "unit", "hash", "tree", "block"],
      });
      const extra = scriptFields(source, source.module, source.body);
      if (extra.length > 0)
        known.set(source, {
          tag: WireTags.COMPILED_UNIT,
          fields: [source.module, source.unit, source.hash, bytes, source.block, ...extra],
          labels: ["module", "unit", "hash", "tree", "block", "scope", "script globals"],
        });
    }
    return source;
  };

  /**
   * A code object as a field: interpreted code by (unit, id); compiled code of a script (no module
   * to fetch it from) by (unit, id) too, its unit carrying the tree; any other by its reference.
   */
  const codeValue = (code: ResumableCode | LambdaCode): object | undefined => {
    if (known.has(code)) return code;
    const unit = (code as { unit?: CodeUnit }).unit ?? findUnit(code as ResumableCode);
    if (unit !== undefined && code.ref !== undefined) {
      known.set(code, { tag: WireTags.INTERPRETED_CODE, fields: [unitValue(unit), code.ref.id] });
      return code;
    }
    const source = findCompiled(code);
    if (source !== undefined && source.module === "" && code.ref !== undefined) {
      known.set(code, { tag: WireTags.COMPILED_CODE, fields: [compiledUnitValue(source), code.ref.id] });
      return code;
    }
    if (code.ref !== undefined) {
      known.set(code, { code: code.ref });
      return code;
    }
    return undefined;
  };

  const registerBox = (v: unknown): void => {
    if (v instanceof Box && !known.has(v))
      known.set(v, { tag: WireTags.BOX, fields: [v.v], labels: ["value"] });
  };

  const registerFrame = (f: Frame): void => {
    if (known.has(f)) return;
    const code = codeValue(f.code);
    // Code without a reference cannot travel: leave the frame undescribed, so it is refused.
    if (code === undefined) return;
    known.set(f, {
      tag: WireTags.FRAME,
      fields: [code, f.cp, f.values],
      labels: ["code", "control point", "values"],
    });
    // Runtime frames hold dynamic environments among their values (dynamic-wind, restore);
    // compiled frames hold the boxes of their assigned variables.
    if (f.code.ref?.module === "termite/runtime") {
      for (const v of f.values) if (v instanceof DynamicEnvironment) registerDynamic(v);
    } else if ("make" in f.code) {
      for (const v of f.values) registerBox(v);
    }
  };

  const registerDynamic = (root: DynamicEnvironment): void => {
    const work: DynamicEnvironment[] = [root];
    while (work.length > 0) {
      const dyn = work.pop()!;
      if (known.has(dyn)) continue;
      known.set(dyn, {
        tag: WireTags.DYNAMIC_ENVIRONMENT,
        fields: [dyn.winders ?? false, dyn.handlers ?? false, dyn.parameters ?? false],
        labels: ["winders", "handlers", "parameters"],
      });
      for (let w: Winder | null = dyn.winders; w !== null && !known.has(w); w = w.next) {
        known.set(w, {
          tag: WireTags.WINDER,
          fields: [w.before, w.after, w.outer, w.next ?? false],
          labels: ["before", "after", "outer", "next"],
        });
        work.push(w.outer);
      }
      for (let h: HandlerNode | null = dyn.handlers; h !== null && !known.has(h); h = h.next)
        known.set(h, {
          tag: WireTags.HANDLER,
          fields: [h.handler, h.next ?? false],
          labels: ["handler", "next"],
        });
      for (let b: ParameterBinding | null = dyn.parameters; b !== null && !known.has(b); b = b.next)
        known.set(b, {
          tag: WireTags.PARAMETER_BINDING,
          fields: [b.parameter, b.value, b.next ?? false],
          labels: ["parameter", "value", "next"],
        });
    }
  };

  const describeProcedure = (fn: Procedure): Described | undefined => {
    const name = globalName(fn);
    if (name !== undefined) return { tag: WireTags.GLOBAL, fields: [name] };
    const record = carried(fn);
    if (record === undefined) return undefined;
    switch (record.kind) {
      case "primitive":
        return { tag: WireTags.GLOBAL, fields: [record.name] };
      case "interpreted":
        return {
          tag: WireTags.INTERPRETED_CLOSURE,
          fields: [codeValue(record.code as LambdaCode), record.environment],
          labels: ["code", "environment"],
        };
      case "case-lambda":
        return { tag: WireTags.CASE_LAMBDA, fields: [record.name, ...record.clauses] };
      case "continuation": {
        const frames: Frame[] = [];
        for (let s = record.frames; s !== null; s = s.next) {
          registerFrame(s.frame);
          frames.push(s.frame);
        }
        registerDynamic(record.dynamic);
        return {
          tag: WireTags.CONTINUATION,
          fields: [record.dynamic, ...frames],
          labels: ["dynamic environment", ...frames.map((_, i) => `frame ${i}`)],
        };
      }
      case "guard-handler":
        return {
          tag: WireTags.GUARD_HANDLER,
          fields: [record.continuation, record.clauses],
          labels: ["guard continuation", "clauses"],
        };
      case "parameter":
        return {
          tag: WireTags.PARAMETER,
          fields: [record.value, record.converter ?? false],
          labels: ["value", "converter"],
        };
      case "record-procedure":
        return {
          tag: WireTags.RECORD_PROCEDURE,
          fields: [record.role, record.type, record.name, ...record.fields],
          labels: ["kind", "record type", "name", ...record.fields.map((_, i) => `field ${i}`)],
        };
      case "compiled": {
        const code = codeValue(record.code as ResumableCode);
        for (const v of record.free) registerBox(v);
        return {
          tag: WireTags.CLOSURE,
          fields: [code, ...record.free],
          labels: ["code", ...record.free.map((_, i) => `free variable ${i}`)],
        };
      }
    }
  };

  const describe = (obj: object): Described | undefined => {
    const k = known.get(obj);
    if (k !== undefined) return k;
    if (obj === UNASSIGNED) return { tag: WireTags.UNASSIGNED, fields: [] };
    if (obj instanceof Promise_)
      return { tag: WireTags.PROMISE, fields: [obj.done, obj.value], labels: ["done", "value"] };
    if (obj instanceof ProcessId)
      return { tag: "pid", fields: identities?.describeId?.(obj) ?? [obj.node, obj.number] };
    if (obj instanceof Tag)
      return { tag: "tag", fields: identities?.describeId?.(obj) ?? [obj.node, obj.number] };
    if (Port.isInstance(obj)) {
      // The node's console ports travel by role, string and bytevector ports as a copy of their
      // contents; a file port is bound to this node.
      if (obj.kind === "console") return { tag: WireTags.CONSOLE_PORT, fields: [obj.name] };
      const state = memoryPortState(obj);
      if (state === undefined) return undefined;
      return {
        tag: WireTags.MEMORY_PORT,
        fields: [state.kind, state.direction, state.content, state.open, state.foldCase],
        labels: ["kind", "direction", "content", "open", "fold-case"],
      };
    }
    for (const e of extensions) {
      const d = e.describe(obj);
      if (d !== undefined) return d;
    }
    if (typeof obj === "function") return describeProcedure(obj as Procedure);
    return undefined;
  };

  const nameOf = (obj: unknown): string | undefined => {
    const d = typeof obj === "object" && obj !== null ? known.get(obj) : undefined;
    if (d === undefined) return undefined;
    return "tag" in d ? `#<${d.tag}>` : `#<code ${d.code.module} ${d.code.id}>`;
  };

  return { describe, nameOf };
}
