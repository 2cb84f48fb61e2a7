// ## (scheme process-context)
//
// The command line and environment come from the node's `IoContext`. `exit` and `emergency-exit`
// throw a `ProgramExit` for the embedding program to handle (see program-exit.ts).

import { cons, list, string } from "@termite/datum";
import { type PrimitiveSpec, prim } from "../primitive.js";
import { stringArg } from "../primitives/arguments.js";
import type { NodeIo } from "./node-io.js";
import { exitStatus, ProgramExit } from "./program-exit.js";

export function processContextBindings(io: NodeIo): Record<string, PrimitiveSpec> {
  const { commandLine, environment } = io.context;
  return {
    // Fresh strings on each call: Scheme strings are mutable.
    "command-line": prim(0, 0, () => list(commandLine.map(string))),
    "get-environment-variable": prim(1, 1, (name: unknown) => {
      const value = environment[stringArg("get-environment-variable", name, 0).toString()];
      return value === undefined ? false : string(value);
    }),
    "get-environment-variables": prim(0, 0, () =>
      list(
        Object.entries(environment)
          .filter((entry): entry is [string, string] => entry[1] !== undefined)
          .map(([name, value]) => cons(string(name), string(value))),
      ),
    ),
    exit: prim(0, 1, (obj?: unknown) => {
      throw new ProgramExit(exitStatus(obj), false);
    }),
    "emergency-exit": prim(0, 1, (obj?: unknown) => {
      throw new ProgramExit(exitStatus(obj), true);
    }),
  };
}
