export * from "./errors.js";
export * from "./machine/backtrace.js";
export * from "./machine/control.js";
export * from "./machine/dynamic.js";
export * from "./machine/globals.js";
export * from "./machine/thread.js";
export * from "./machine/unwind.js";
export * from "./primitive.js";
