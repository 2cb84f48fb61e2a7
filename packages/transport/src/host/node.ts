// ## The in-memory transport's host on Node.js
//
// Chosen by the `#host` import (package.json `imports`): this file on Node.js, `./browser.ts`
// under the `browser` condition.

/** Runs `task` after pending I/O, as a carrier's next read would. */
export function runSoon(task: () => void): void {
  setImmediate(task);
}
