// ## Port basics (scheme base): predicates, closing, string and bytevector ports, the eof object

import { EOF, string } from "@termite/datum";
import { typeError } from "../errors.js";
import { type PrimitiveSpec, prim } from "../primitive.js";
import { bytevectorArg, stringArg } from "../primitives/arguments.js";
import { ByteInput } from "./byte-input.js";
import type { NodeIo } from "./node-io.js";
import { BytevectorOutput, StringOutput } from "./output.js";
import { Port } from "./port.js";
import { portArg } from "./port-arguments.js";
import { TextInput } from "./text-input.js";

export function openInputString(s: unknown): Port {
  return new Port("string", "", { textIn: new TextInput(stringArg("open-input-string", s, 0).toString()) });
}

export function openOutputString(): Port {
  return new Port("string", "", { textOut: new StringOutput() });
}

export function getOutputString(port: unknown): unknown {
  const out = Port.isInstance(port) ? port.textOut : null;
  if (!(out instanceof StringOutput)) return typeError("get-output-string", "a string output port", port, 0);
  return string(out.contents());
}

export function openInputBytevector(bv: unknown): Port {
  // Copied: R7RS leaves mutation after opening unspecified; a copy makes the port's bytes fixed.
  return new Port("bytevector", "", {
    bytesIn: new ByteInput(bytevectorArg("open-input-bytevector", bv, 0).slice()),
  });
}

export function openOutputBytevector(): Port {
  return new Port("bytevector", "", { bytesOut: new BytevectorOutput() });
}

export function getOutputBytevector(port: unknown): Uint8Array {
  const out = Port.isInstance(port) ? port.bytesOut : null;
  if (!(out instanceof BytevectorOutput)) {
    return typeError("get-output-bytevector", "a bytevector output port", port, 0);
  }
  return out.contents();
}

export function portBindings(io: NodeIo): Record<string, PrimitiveSpec> {
  const closeInput = (who: string, x: unknown): undefined => {
    const port = portArg(who, x, 0);
    if (!port.isInput) typeError(who, "an input port", x, 0);
    port.closeInput();
    return undefined;
  };
  const closeOutput = (who: string, x: unknown): undefined => {
    const port = portArg(who, x, 0);
    if (!port.isOutput) typeError(who, "an output port", x, 0);
    port.closeOutput();
    io.forget(port);
    return undefined;
  };
  return {
    "port?": prim(1, 1, (x: unknown) => Port.isInstance(x)),
    "input-port?": prim(1, 1, (x: unknown) => Port.isInstance(x) && x.isInput),
    "output-port?": prim(1, 1, (x: unknown) => Port.isInstance(x) && x.isOutput),
    "textual-port?": prim(1, 1, (x: unknown) => Port.isInstance(x) && x.isTextual),
    "binary-port?": prim(1, 1, (x: unknown) => Port.isInstance(x) && x.isBinary),
    "input-port-open?": prim(1, 1, (x: unknown) => {
      const port = portArg("input-port-open?", x, 0);
      return port.isInput && port.inputOpen;
    }),
    "output-port-open?": prim(1, 1, (x: unknown) => {
      const port = portArg("output-port-open?", x, 0);
      return port.isOutput && port.outputOpen;
    }),
    "close-port": prim(1, 1, (x: unknown) => {
      const port = portArg("close-port", x, 0);
      port.closeInput();
      port.closeOutput();
      io.forget(port);
      return undefined;
    }),
    "close-input-port": prim(1, 1, (x: unknown) => closeInput("close-input-port", x)),
    "close-output-port": prim(1, 1, (x: unknown) => closeOutput("close-output-port", x)),
    "eof-object": prim(0, 0, () => EOF),
    "eof-object?": prim(1, 1, (x: unknown) => x === EOF),
    "open-input-string": prim(1, 1, openInputString),
    "open-output-string": prim(0, 0, openOutputString),
    "get-output-string": prim(1, 1, getOutputString),
    "open-input-bytevector": prim(1, 1, openInputBytevector),
    "open-output-bytevector": prim(0, 0, openOutputBytevector),
    "get-output-bytevector": prim(1, 1, getOutputBytevector),
    "current-input-port": prim(0, 1, io.currentInputPort),
    "current-output-port": prim(0, 1, io.currentOutputPort),
    "current-error-port": prim(0, 1, io.currentErrorPort),
  };
}
