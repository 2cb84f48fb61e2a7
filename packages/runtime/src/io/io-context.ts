// ## What a node's I/O is connected to
//
// The embedding program creates one `IoContext` per node: the CLI connects it to the process,
// tests to strings they can inspect.

import type { TextSink } from "./output.js";
import { type InputSource, streamSource } from "./stream-source.js";

export interface IoContext {
  /** Text of the console input port (`current-input-port` at start). */
  readonly stdin: InputSource;
  /** Receives everything written to the console output port. */
  readonly stdout: TextSink;
  /** Receives everything written to the console error port. */
  readonly stderr: TextSink;
  /** `(command-line)`: the program's name, then its arguments. */
  readonly commandLine: readonly string[];
  /** `(get-environment-variable name)` reads this. */
  readonly environment: Readonly<Record<string, string | undefined>>;
}

/** A source that is at its end at once. */
export const EMPTY_SOURCE: InputSource = { read: () => Promise.resolve(null) };

/** An input source that delivers `chunks` one per read, then the end. */
export function chunkSource(chunks: readonly string[]): InputSource {
  let next = 0;
  return { read: () => Promise.resolve(next < chunks.length ? chunks[next++]! : null) };
}

/** A context whose console is in memory: the captured output is in `stdoutText` and `stderrText`. */
export interface MemoryIoContext extends IoContext {
  readonly stdoutText: string;
  readonly stderrText: string;
}

/**
 * A context for tests and embedding: `stdin` chunks are delivered one per read, output is
 * captured. `memoryIoContext({ stdin: ["(+ 1 2)\n"] }).stdoutText` holds what was written.
 */
export function memoryIoContext(
  options: {
    stdin?: readonly string[] | InputSource;
    commandLine?: readonly string[];
    environment?: Readonly<Record<string, string | undefined>>;
  } = {},
): MemoryIoContext {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = options.stdin;
  return {
    stdin:
      stdin === undefined ? EMPTY_SOURCE : Array.isArray(stdin) ? chunkSource(stdin) : (stdin as InputSource),
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    commandLine: options.commandLine ?? ["termite"],
    environment: options.environment ?? {},
    get stdoutText() {
      return out.join("");
    },
    get stderrText() {
      return err.join("");
    },
  };
}

/** The context of the running Node process: its stdin, stdout, stderr, environment. */
export function processIoContext(commandLine: readonly string[] = process.argv.slice(1)): IoContext {
  return {
    stdin: streamSource(process.stdin),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    commandLine,
    environment: process.env,
  };
}

export type { InputSource };
