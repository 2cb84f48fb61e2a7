// ## `(termite wire)`: Gambit's `object->u8vector` and `u8vector->object` in a system
//
// `u8vector->object` decodes synchronously when every code reference resolves at once (the
// runtime's own code, interpreted code carried in the message); when the resolver has to wait
// (fetching a compiled module), it parks the calling green thread, never the node.

import {
  type CodeUnit,
  type CompiledCode,
  type CompiledUnit,
  type InterpretedUnit,
  interpretUnit,
} from "@termite/compiler";
import { ErrorObject } from "@termite/datum";
import type { CoreModule, Node } from "@termite/library-expander";
import { GlobalEnvironment, prim, SchemeRaise, suspend, typeError } from "@termite/runtime";
import { CodeReferenceError, DecodeError, SerializeError } from "@termite/serializer";
import type { TermiteSystem } from "../system.js";
import { Wire, type WireOptions } from "./wire.js";

const wires = new WeakMap<object, Wire>();

/** The wire of `system` (made by `installWire`). */
export function wireOf(system: TermiteSystem): Wire | undefined {
  return wires.get(system);
}

/** A Scheme error object with a stable reason `code` (`wire-unserializable`, `wire-decode`…). */
export function wireError(code: string, who: string, message: string, ...irritants: unknown[]): ErrorObject {
  return Object.assign(new ErrorObject("error", message, irritants, who), { code });
}

/** The Scheme condition for a failure of the serializer. */
function condition(who: string, e: unknown): unknown {
  if (SerializeError.isInstance(e)) return wireError(`wire-${e.code}`, who, e.message);
  if (DecodeError.isInstance(e)) return wireError(`wire-${e.code}`, who, e.message);
  if (CodeReferenceError.isInstance(e)) return wireError(`wire-code-${e.code}`, who, e.message);
  if (SchemeRaise.isInstance(e)) return e.payload;
  return wireError("wire-failed", who, e instanceof Error ? e.message : String(e));
}

/**
 * Gives `system` a wire and the `(termite wire)` library. Call it before `boot()` (for example
 * from `SystemOptions.configure`), so that the units of the prelude can travel too.
 */
export function installWire(system: TermiteSystem, options: WireOptions = {}): Wire {
  const existing = wires.get(system);
  if (existing !== undefined) return existing;
  const wire = new Wire(system, options);
  wires.set(system, wire);
  if ((system as { backend?: string }).backend === "compile") noteCompiledUnits(system, wire);
  else if (!interpreterNamesUnits()) noteLoadedUnits(system, wire);
  system.installGroups([
    {
      library: "termite/wire",
      bindings: {
        "object->u8vector": prim(1, 1, (obj: unknown) => {
          try {
            return wire.encode(obj);
          } catch (e) {
            throw new SchemeRaise(condition("object->u8vector", e));
          }
        }),
        "u8vector->object": prim(1, 1, (bytes: unknown) => {
          if (!(bytes instanceof Uint8Array)) typeError("u8vector->object", "a bytevector", bytes, 0);
          try {
            return wire.decodeSync(bytes as Uint8Array);
          } catch (e) {
            if (!(DecodeError.isInstance(e) && e.code === "needs-async"))
              throw new SchemeRaise(condition("u8vector->object", e));
          }
          return suspend((thread) => {
            wire.decode(bytes as Uint8Array).then(
              (v) => thread.wake(v),
              (e) =>
                thread.wakeWith(() => {
                  throw new SchemeRaise(condition("u8vector->object", e));
                }),
            );
          });
        }),
      },
    },
  ]);
  return wire;
}

/** Whether the interpreter's resumable code carries its unit (then nothing needs noting). */
function interpreterNamesUnits(): boolean {
  const node: Node = {
    kind: "if",
    test: { kind: "call", fn: { kind: "global", name: "#probe" }, args: [] },
    // biome-ignore lint/suspicious/noThenProperty: the core language names its branch `then`
    then: { kind: "quote", value: 1 },
    else: { kind: "quote", value: 2 },
  };
  const probe = interpretUnit({ module: "", id: "probe", node }, new GlobalEnvironment());
  return [...probe.codes.values()].every((c) => "unit" in c);
}

/**
 * Until the interpreter's frames name their unit, the system's loader is wrapped so that the wire
 * learns every unit it interprets. It makes the same unit as `TermiteSystem.load`.
 */
function noteLoadedUnits(system: TermiteSystem, wire: Wire): void {
  let counter = 0;
  system.load = (module: CoreModule): (() => unknown) => {
    const node: Node =
      module.body.length === 0
        ? { kind: "quote", value: undefined }
        : module.body.length === 1
          ? module.body[0]!
          : { kind: "begin", body: module.body };
    const unit: CodeUnit = { module: module.supplies ?? "", id: `w${counter++}`, node };
    const interpreted: InterpretedUnit = interpretUnit(unit, system.globals);
    wire.noteUnit(unit, interpreted);
    return interpreted.run;
  };
}

/**
 * With the compile back end, the system's loader is wrapped so that the wire learns each compiled
 * unit: its codes (to resolve references to them) and its body (so script code can travel).
 */
function noteCompiledUnits(system: TermiteSystem, wire: Wire): void {
  const load = system.load.bind(system);
  system.load = (module: CoreModule): (() => unknown) => {
    const run = load(module) as (() => unknown) & { $code?: CompiledCode; $codes?: CompiledCode[] };
    const top = run.$code;
    if (top === undefined) return run;
    const codes = new Map<string, CompiledCode>([[top.ref.id, top]]);
    for (const c of run.$codes ?? []) codes.set(c.ref.id, c);
    const hash = top.ref.hash ?? "";
    wire.compiled.add(
      { codes, compiled: { module: top.ref.module, hash } as CompiledUnit["compiled"] },
      { unit: unitIdOf(top.ref.id), block: module.block, body: module.body },
    );
    return run;
  };
}

/** The unit id a compiled code id starts with (`u7` of `u7/loop`). */
function unitIdOf(id: string): string {
  const m = /^[^/:~]*/.exec(id);
  return m?.[0] ?? id;
}
