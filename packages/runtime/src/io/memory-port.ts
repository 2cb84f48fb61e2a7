// ## In-memory ports as data
//
// A string or bytevector port holds nothing but its text or bytes, so it can travel: the wire sends
// what is left to read (an input port) or what was written so far (an output port), and the
// receiver makes a port of its own from that. Like a string sent in a message, it is a copy.

import { ByteInput } from "./byte-input.js";
import { BytevectorOutput, StringOutput } from "./output.js";
import { Port } from "./port.js";
import { TextInput } from "./text-input.js";

/** What an in-memory port is made of. */
export interface MemoryPortState {
  readonly kind: "string" | "bytevector";
  readonly direction: "input" | "output";
  /** Input: the text or bytes not read yet. Output: everything written so far. */
  readonly content: string | Uint8Array;
  readonly open: boolean;
  readonly foldCase: boolean;
}

/** The state of a string or bytevector port; `undefined` for any other port. */
export function memoryPortState(port: Port): MemoryPortState | undefined {
  const kind = port.kind;
  if (kind !== "string" && kind !== "bytevector") return undefined;
  const state = (direction: "input" | "output", content: string | Uint8Array, open: boolean) => ({
    kind,
    direction,
    content,
    open,
    foldCase: port.foldCase,
  });
  if (port.textIn !== null) return state("input", port.textIn.text.slice(port.textIn.pos), port.inputOpen);
  if (port.textOut instanceof StringOutput) return state("output", port.textOut.contents(), port.outputOpen);
  if (port.bytesIn !== null)
    return state("input", port.bytesIn.bytes.slice(port.bytesIn.pos), port.inputOpen);
  if (port.bytesOut instanceof BytevectorOutput)
    return state("output", port.bytesOut.contents(), port.outputOpen);
  return undefined;
}

/** A new port in the given state. */
export function memoryPortFrom(state: MemoryPortState): Port {
  let port: Port;
  if (state.kind === "string") {
    const text = String(state.content);
    if (state.direction === "input") port = new Port("string", "", { textIn: new TextInput(text) });
    else {
      const out = new StringOutput();
      out.write(text);
      port = new Port("string", "", { textOut: out });
    }
  } else {
    const bytes = state.content instanceof Uint8Array ? state.content.slice() : new Uint8Array();
    if (state.direction === "input") port = new Port("bytevector", "", { bytesIn: new ByteInput(bytes) });
    else {
      const out = new BytevectorOutput();
      out.write(bytes);
      port = new Port("bytevector", "", { bytesOut: out });
    }
  }
  if (!state.open) {
    port.inputOpen = false;
    port.outputOpen = false;
  }
  port.foldCase = state.foldCase;
  return port;
}
