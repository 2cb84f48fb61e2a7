// ## Port argument checks
//
// Every procedure that takes a port checks it the same way: a port of the right direction and
// data kind, and still open. The caller substitutes the current port for a missing argument.

import { schemeError, typeError } from "../errors.js";
import type { ByteInput } from "./byte-input.js";
import type { ByteOutput, TextOutput } from "./output.js";
import { Port } from "./port.js";
import type { TextInput } from "./text-input.js";

export function portArg(who: string, x: unknown, argIndex: number): Port {
  if (Port.isInstance(x)) return x;
  return typeError(who, "a port", x, argIndex);
}

function openInput(who: string, x: unknown, argIndex: number, what: string): Port {
  if (!Port.isInstance(x) || !x.isInput) return typeError(who, what, x, argIndex);
  if (!x.inputOpen) return schemeError(who, "the input port is closed", x);
  return x;
}

function openOutput(who: string, x: unknown, argIndex: number, what: string): Port {
  if (!Port.isInstance(x) || !x.isOutput) return typeError(who, what, x, argIndex);
  if (!x.outputOpen) return schemeError(who, "the output port is closed", x);
  return x;
}

export function textInputArg(who: string, x: unknown, argIndex: number): TextInput {
  const port = openInput(who, x, argIndex, "a textual input port");
  return port.textIn ?? typeError(who, "a textual input port", x, argIndex);
}

export function byteInputArg(who: string, x: unknown, argIndex: number): ByteInput {
  const port = openInput(who, x, argIndex, "a binary input port");
  return port.bytesIn ?? typeError(who, "a binary input port", x, argIndex);
}

export function textOutputArg(who: string, x: unknown, argIndex: number): TextOutput {
  const port = openOutput(who, x, argIndex, "a textual output port");
  return port.textOut ?? typeError(who, "a textual output port", x, argIndex);
}

export function byteOutputArg(who: string, x: unknown, argIndex: number): ByteOutput {
  const port = openOutput(who, x, argIndex, "a binary output port");
  return port.bytesOut ?? typeError(who, "a binary output port", x, argIndex);
}
