// ## `(termite wire)`: Gambit's `object->u8vector` and `u8vector->object` in a system
//
// `u8vector->object` decodes synchronously when every code reference resolves at once (the
// runtime's own code, interpreted code carried in the message); when the resolver has to wait
// (fetching a compiled module), it parks the calling green thread, never the node.

import { ErrorObject } from "@termite/datum";
import { prim, SchemeRaise, suspend, typeError } from "@termite/runtime";
import { CodeReferenceError, DecodeError, SerializeError } from "@termite/serializer";
import type { SystemPart, TermiteSystem } from "../system.js";
import { processesOf } from "../termite-library/index.js";
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
 * Gives `system` a wire and the `(termite wire)` library. Call it before the prelude loads
 * (`wirePart` does, in `boot()`), so that the units of the prelude can travel too.
 */
export function installWire(system: TermiteSystem, options: WireOptions = {}): Wire {
  const existing = wires.get(system);
  if (existing !== undefined) return existing;
  const wire = new Wire(
    {
      globals: system.globals,
      io: system.io,
      // The `(termite)` part installs after the wire: its node is looked up when a message needs it.
      get processes() {
        return processesOf(system);
      },
    },
    options,
  );
  wires.set(system, wire);
  system.onUnitLoaded((loaded) => {
    if (loaded.kind === "interpreted") wire.noteUnit(loaded.unit, loaded.interpreted);
    else
      wire.compiled.add(loaded.compiled, {
        unit: loaded.unit,
        block: loaded.module.block,
        body: loaded.module.body,
      });
  });
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

/** The wire as a part of a system: installed before the prelude, so all of its code can travel. */
export function wirePart(options: WireOptions = {}): SystemPart {
  return { name: "wire", beforePrelude: (system) => installWire(system, options) };
}
