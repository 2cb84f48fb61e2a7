// ## The runtime's host in a browser
//
// A page has no file system, no process and no V8 heap statistics. The `(scheme file)` names
// still exist, so that libraries importing them expand, and raise a `file-error?` when called.

import { string } from "@termite/datum";
import { fileError } from "../errors.js";
import type { NodeIo } from "../io/node-io.js";
import { type PrimitiveSpec, prim } from "../primitive.js";
import { stringArg } from "../primitives/arguments.js";

const FILE_PRIMITIVES = [
  "open-input-file",
  "open-binary-input-file",
  "open-output-file",
  "open-binary-output-file",
  "file-exists?",
  "delete-file",
] as const;

export function filePrimitives(_io: NodeIo): Record<string, PrimitiveSpec> {
  const noFiles = (who: string) =>
    prim(1, 1, (f: unknown) =>
      fileError(who, "a browser page has no file system", string(stringArg(who, f, 0).toString())),
    );
  return Object.fromEntries(FILE_PRIMITIVES.map((who) => [who, noFiles(who)]));
}

/** No page can tell its heap limit portably: 2 GiB, what desktop browsers give a tab at least. */
export function heapLimitBytes(): number {
  return 2 * 1024 * 1024 * 1024;
}

export function hostPlatform(): { platform: string; arch: string } {
  return { platform: "browser", arch: "unknown" };
}

// A message to oneself runs after pending events without setTimeout's 4 ms clamp.
const tasks: (() => void)[] = [];
const channel = new MessageChannel();
channel.port1.addEventListener("message", () => tasks.shift()?.());
channel.port1.start();

/** Runs `task` after pending events: the scheduler's turn ends so the page stays responsive. */
export function runSoon(task: () => void): void {
  tasks.push(task);
  channel.port2.postMessage(null);
}

/** A page has no exit code: the embedding gives its threads' scheduler an exit hook of its own. */
export function setHostExitCode(_code: number): void {}
