// ## The compiler's host in a browser
//
// SHA-256 in JavaScript (a page's crypto.subtle only hashes asynchronously), and no files: a page
// receives compiled code from its node, never from disk.

import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** SHA-256 of the UTF-8 of `parts` in order, as hex. */
export function sha256Hex(...parts: string[]): string {
  const hash = sha256.create();
  for (const part of parts) hash.update(utf8ToBytes(part));
  return bytesToHex(hash.digest());
}

export function readTextFile(path: string): Promise<string> {
  return Promise.reject(new Error(`cannot read ${path}: a browser page has no file system`));
}

export function importFile(path: string): Promise<unknown> {
  return Promise.reject(new Error(`cannot load ${path}: a browser page has no file system`));
}
