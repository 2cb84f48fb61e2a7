// ## Ports, I/O, process context and time
//
// `ioPrimitiveGroups(context)` gives a node its I/O primitives; `ioSystem(context)` the same
// node's console ports and current-port parameters.

export { termiteFeatures } from "./features.js";
export {
  chunkSource,
  EMPTY_SOURCE,
  type IoContext,
  type MemoryIoContext,
  memoryIoContext,
  processIoContext,
} from "./io-context.js";
export { IoSystem, ioPrimitiveGroups, ioSystem } from "./io-system.js";
export { type MemoryPortState, memoryPortFrom, memoryPortState } from "./memory-port.js";
export type { ByteOutput, TextOutput, TextSink } from "./output.js";
export { Port, type PortKind, PRINT_HOOK } from "./port.js";
export { prettyText } from "./pretty-print.js";
export { exitStatus, ProgramExit } from "./program-exit.js";
export { type PausableStream, streamSource } from "./stream-source.js";
export type { InputSource } from "./text-input.js";
export { JIFFIES_PER_SECOND } from "./time.js";
