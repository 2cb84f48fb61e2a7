// ## Process ids and tags
//
// A process id names a process by (node address, number), never by a JS reference, so that it can
// be written into a message and mean the same process on another node. A tag is a unique token
// (`make-tag`) compared by identity within a node; it carries (node, number) for the same reason.

import { PRINT_HOOK } from "./printer.js";
import { sharedClass } from "./shared.js";

/** Brand markers: recognisable across copies of this package. */
const PROCESS_ID_MARK = Symbol.for("@termite/datum/ProcessId");
const TAG_MARK = Symbol.for("@termite/datum/Tag");

/** Marks the class's instances and lets the printer's hook find their text. */
function brand(cls: { prototype: { printText(): string } }, mark: symbol): void {
  Object.defineProperty(cls.prototype, mark, { value: true });
  Object.defineProperty(cls.prototype, PRINT_HOOK, {
    value(this: { printText(): string }) {
      return this.printText();
    },
  });
}

class ProcessIdImpl {
  constructor(
    /** The node's address (`tcp://127.0.0.1:7000`), or `""` before the node joins a network. */
    readonly node: string,
    /** Unique among the processes of that node (0 for a service's name). */
    readonly number: number,
    /**
     * The start of that node the id belongs to (its incarnation, Erlang's creation): a node that
     * comes back is a new incarnation and the ids of the old one are dead. 0 = not yet known.
     */
    readonly incarnation = 0,
    /** For `remote-service`: names whichever process holds this service name on `node`. */
    readonly service?: string,
  ) {}

  /** `#<process 12>` alone, `#<process :7000 12>` on a network node, `#<process :7000 pong>` a service. */
  printText(): string {
    const what = this.service ?? this.number;
    return this.node === "" ? `#<process ${what}>` : `#<process ${this.node} ${what}>`;
  }

  static isInstance(x: unknown): x is ProcessIdImpl {
    return typeof x === "object" && x !== null && (x as Record<symbol, unknown>)[PROCESS_ID_MARK] === true;
  }
}
brand(ProcessIdImpl, PROCESS_ID_MARK);
export const ProcessId = sharedClass("ProcessId", ProcessIdImpl);
export type ProcessId = ProcessIdImpl;

class TagImpl {
  constructor(
    /** The node that made the tag. */
    readonly node: string,
    /** Unique among the tags of that node. */
    readonly number: number,
    /** The incarnation of the node that made it (see `ProcessId`); 0 = not yet known. */
    readonly incarnation = 0,
  ) {}

  /** `#<tag 3>` alone, `#<tag :7000 3>` on a network node. */
  printText(): string {
    return this.node === "" ? `#<tag ${this.number}>` : `#<tag ${this.node} ${this.number}>`;
  }

  static isInstance(x: unknown): x is TagImpl {
    return typeof x === "object" && x !== null && (x as Record<symbol, unknown>)[TAG_MARK] === true;
  }
}
brand(TagImpl, TAG_MARK);
export const Tag = sharedClass("Tag", TagImpl);
export type Tag = TagImpl;
