// ## What the I/O primitives need from their node
//
// The primitives of one node read its current ports and track its open files through this
// interface; `IoSystem` implements it. Declared apart so the primitive files and the system that
// gathers them depend one way (the system imports the primitives, never the reverse).

import type { Procedure } from "@termite/datum";
import type { IoContext } from "./io-context.js";
import type { Port } from "./port.js";

export interface NodeIo {
  /** The console, command line and environment of the node. */
  readonly context: IoContext;
  /** The parameter objects `current-input-port` and friends. */
  readonly currentInputPort: Procedure;
  readonly currentOutputPort: Procedure;
  readonly currentErrorPort: Procedure;
  /** The current input port of the running thread (the global value outside any thread). */
  currentInput(): unknown;
  currentOutput(): unknown;
  currentError(): unknown;
  /** Notes a file output port, so that flushing the node reaches it until it is closed. */
  track(port: Port): void;
  forget(port: Port): void;
}
