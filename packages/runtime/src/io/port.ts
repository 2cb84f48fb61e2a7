// ## Ports
//
// A port is a direction (input, output) and a kind of data (text, bytes) over one of four
// backings: a string or bytevector in memory, a file, or the console. Which of its four ends is
// present says what it is: a textual input port has `textIn`, a binary output port `bytesOut`.
// Ports are node-local: they belong to the node that opened them.

import { PRINT_HOOK, writeStringLiteral } from "@termite/datum";
import type { ByteInput } from "./byte-input.js";
import type { ByteOutput, TextOutput } from "./output.js";
import type { TextInput } from "./text-input.js";

export type PortKind = "string" | "bytevector" | "file" | "console";

const PORT_MARK = Symbol.for("@termite/runtime/Port");

/** Re-exported for the io package's users: datum's printer calls it to print a port. */
export { PRINT_HOOK };

/** The ends a port has; absent ones are `null`. */
export interface PortEnds {
  readonly textIn?: TextInput | null;
  readonly bytesIn?: ByteInput | null;
  readonly textOut?: TextOutput | null;
  readonly bytesOut?: ByteOutput | null;
}

export class Port {
  readonly [PORT_MARK] = true;
  readonly textIn: TextInput | null;
  readonly bytesIn: ByteInput | null;
  readonly textOut: TextOutput | null;
  readonly bytesOut: ByteOutput | null;
  inputOpen: boolean;
  outputOpen: boolean;
  /** Whether `read` folds case on this port (`#!fold-case` read earlier from it). */
  foldCase = false;

  constructor(
    readonly kind: PortKind,
    /** The file name, or the console stream's name (`stdin`); empty for in-memory ports. */
    readonly name: string,
    ends: PortEnds,
  ) {
    this.textIn = ends.textIn ?? null;
    this.bytesIn = ends.bytesIn ?? null;
    this.textOut = ends.textOut ?? null;
    this.bytesOut = ends.bytesOut ?? null;
    this.inputOpen = this.isInput;
    this.outputOpen = this.isOutput;
  }

  /** True for a port from any copy of this package (ESM and CJS builds). */
  static isInstance(value: unknown): value is Port {
    return (
      typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[PORT_MARK] === true
    );
  }

  get isInput(): boolean {
    return this.textIn !== null || this.bytesIn !== null;
  }

  get isOutput(): boolean {
    return this.textOut !== null || this.bytesOut !== null;
  }

  get isTextual(): boolean {
    return this.textIn !== null || this.textOut !== null;
  }

  get isBinary(): boolean {
    return this.bytesIn !== null || this.bytesOut !== null;
  }

  closeInput(): void {
    this.inputOpen = false;
  }

  closeOutput(): void {
    if (!this.outputOpen) return;
    this.outputOpen = false;
    (this.textOut ?? this.bytesOut)?.close();
  }

  /** How the printer shows the port: `#<input-port string>`, `#<binary-output-port file "out.bin">`. */
  toString(): string {
    const direction = this.isInput && this.isOutput ? "input-output" : this.isInput ? "input" : "output";
    const type = this.isBinary ? "binary-" : "";
    const name =
      this.name === "" ? "" : this.kind === "file" ? ` ${writeStringLiteral(this.name)}` : ` ${this.name}`;
    return `#<${type}${direction}-port ${this.kind}${name}>`;
  }

  [PRINT_HOOK](): string {
    return this.toString();
  }
}
