// ## The expander's host on Node.js
//
// Files for `include` and the module search path, paths, and the platform for `cond-expand`.
// Chosen by the `#host` import (package.json `imports`): this file on Node.js, `./browser.ts`
// under the `browser` condition.

import { readFileSync } from "node:fs";

export { dirname, join, resolve } from "node:path";

/** The text of the file at `path`, or `undefined` when it cannot be read. */
export function readFromDisk(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** The operating system, as Node.js names it (`linux`, `darwin`, `win32`). */
export function hostPlatform(): string {
  return process.platform;
}
