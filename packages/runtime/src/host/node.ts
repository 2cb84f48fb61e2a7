// ## The runtime's host on Node.js
//
// What the runtime takes from the process it runs in. Chosen by the `#host` import (package.json
// `imports`): this file on Node.js, `./browser.ts` under the `browser` condition.

import { getHeapStatistics } from "node:v8";

export { filePrimitives } from "../io/file-primitives.js";

/** The most bytes this JavaScript heap may grow to. */
export function heapLimitBytes(): number {
  return getHeapStatistics().heap_size_limit;
}

/** The operating system and processor, as Node.js names them (`linux`, `x64`). */
export function hostPlatform(): { platform: string; arch: string } {
  return { platform: process.platform, arch: process.arch };
}

/** Runs `task` after pending I/O: the scheduler's turn ends so timers and sockets get theirs. */
export function runSoon(task: () => void): void {
  setImmediate(task);
}

/** What `(exit n)` does by default: the process's exit code. */
export function setHostExitCode(code: number): void {
  process.exitCode = code;
}
