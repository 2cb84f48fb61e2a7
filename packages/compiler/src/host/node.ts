// ## The compiler's host on Node.js
//
// Hashing and loading compiled files from disk. Chosen by the `#host` import (package.json
// `imports`): this file on Node.js, `./browser.ts` under the `browser` condition.

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

/** SHA-256 of the UTF-8 of `parts` in order, as hex. */
export function sha256Hex(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex");
}

export function readTextFile(path: string): Promise<string> {
  return readFile(path, "utf8");
}

/** Imports the JavaScript module in the file at `path`. */
export function importFile(path: string): Promise<unknown> {
  return import(pathToFileURL(path).href);
}
