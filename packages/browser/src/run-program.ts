// ## A Scheme program, run where this is loaded (a page, or Node.js)
//
// The pipeline of a node without the node: the reader and the library expander turn the text into
// core code, the compiler turns that into JavaScript, and the runtime runs it in a green thread.
// The runtime's primitives are the program's libraries ((scheme base), (scheme write)…); the
// prelude's procedures written in Scheme (`map`, `for-each`, `sort`) come with the termite
// package's system, which a page does not load yet.

import { compileUnit } from "@termite/compiler";
import { write } from "@termite/datum";
import { expandProgram, LibraryRegistry } from "@termite/library-expander";
import {
  controlPrimitives,
  createScheduler,
  definePrimitives,
  GlobalEnvironment,
  type IoContext,
  ioPrimitiveGroups,
  memoryIoContext,
  primitiveGroups,
  SchemeThread,
} from "@termite/runtime";

export interface ProgramRun {
  /** Whether the main thread ended normally. */
  readonly normal: boolean;
  /** Its last value, or the condition that ended it, as Scheme text. */
  readonly value: string;
  /** What the program wrote to its console output. */
  readonly output: string;
}

export interface RunOptions {
  /** Called with each piece of console output as it is written (e.g. to append it to the page). */
  readonly onOutput?: (text: string) => void;
  /** The file name positions in errors name (default `page.scm`). */
  readonly file?: string;
}

/** Reads, expands, compiles and runs an R7RS program; resolves when its main thread ends. */
export function runSchemeProgram(text: string, options: RunOptions = {}): Promise<ProgramRun> {
  const captured = memoryIoContext();
  const io: IoContext = {
    ...captured,
    stdout: (chunk) => {
      captured.stdout(chunk);
      options.onOutput?.(chunk);
    },
  };
  const globals = new GlobalEnvironment();
  const registry = new LibraryRegistry();
  const groups = [...primitiveGroups, ...controlPrimitives(), ...ioPrimitiveGroups(io)];
  for (const [library, names] of definePrimitives(globals, groups))
    registry.defineNativeLibrary(library, names);
  const module = expandProgram(registry, text, { file: options.file ?? "page.scm" });
  const { run } = compileUnit(module.body, globals, { module: "", unit: "page", block: module.block });
  // A program's `(exit)` ends its thread; a page has no process to exit.
  const scheduler = createScheduler({ programExit: () => {} });
  return new Promise((resolve) => {
    const thread = new SchemeThread(run, "main", scheduler);
    thread.onExit((exit) =>
      resolve({
        normal: exit.normal,
        value: write(exit.normal ? exit.value : exit.condition),
        output: captured.stdoutText,
      }),
    );
    thread.start();
  });
}
