// The page bundle's entry: run Scheme programs, and attach the page to a node as a tab.
export { createTabTransport, type TabTransportOptions } from "@termite/transport-ws";
export { type ProgramRun, type RunOptions, runSchemeProgram } from "./run-program.js";
