export { installTermiteLibrary, processesOf, termiteLibraryPart } from "./install.js";
export { type Deadline, Mailbox } from "./mailbox.js";
export { conditionText, Process, ProcessNode, processError } from "./process-node.js";
export { processPrimitiveGroups } from "./process-primitives.js";
export { recvTransformer } from "./recv-syntax.js";
