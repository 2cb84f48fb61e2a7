// ## Helpers for the I/O tests
//
// Tests call primitives by their Scheme name through the groups of a node made on an in-memory
// context, so a test also checks that the binding exists in its library with an arity that admits
// the call. Blocking reads run inside a green thread.

import { ErrorObject } from "@termite/datum";
import { SchemeRaise } from "../errors.js";
import { defaultScheduler } from "../machine/schedulers.js";
import { SchemeThread } from "../machine/thread.js";
import type { PrimitiveSpec } from "../primitive.js";
import { type InputSource, type MemoryIoContext, memoryIoContext } from "./io-context.js";
import { type IoSystem, ioSystem } from "./io-system.js";

export interface TestNode {
  readonly context: MemoryIoContext;
  readonly io: IoSystem;
  /** Calls the primitive `name` (found in any of the node's I/O libraries) after an arity check. */
  call(name: string, ...args: unknown[]): unknown;
  /** The spec of `name` in `library`. */
  spec(library: string, name: string): PrimitiveSpec | undefined;
}

export function testNode(
  options: {
    stdin?: readonly string[] | InputSource;
    commandLine?: readonly string[];
    environment?: Record<string, string>;
  } = {},
): TestNode {
  const context = memoryIoContext(options);
  const io = ioSystem(context);
  const byName = new Map<string, PrimitiveSpec>();
  for (const group of io.groups)
    for (const [name, spec] of Object.entries(group.bindings)) byName.set(name, spec);
  return {
    context,
    io,
    call(name, ...args) {
      const spec = byName.get(name);
      if (spec === undefined) throw new Error(`no primitive named ${name}`);
      if (args.length < spec.min || (spec.max >= 0 && args.length > spec.max)) {
        throw new Error(`${name}: ${args.length} arguments outside its arity ${spec.min}..${spec.max}`);
      }
      return spec.fn(...args);
    },
    spec(library, name) {
      return io.groups.find((g) => g.library === library)?.bindings[name];
    },
  };
}

/** Runs `thunk` in a fresh green thread; resolves with its value, rejects with an uncaught condition. */
export function inThread(thunk: () => unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const thread = new SchemeThread(thunk, undefined, defaultScheduler);
    thread.onExit((reason) => (reason.normal ? resolve(reason.value) : reject(reason.condition)));
    thread.start();
  });
}

/** The error object raised by `thunk`; fails if it returns or throws anything else. */
export function raised(thunk: () => unknown): ErrorObject {
  try {
    thunk();
  } catch (e) {
    if (SchemeRaise.isInstance(e) && e.payload instanceof ErrorObject) return e.payload;
    throw e;
  }
  throw new Error("expected a Scheme error, but the call returned");
}

/** An input source fed by the test: `push` delivers a chunk to the pending read, `end` ends it. */
export class ControlledSource implements InputSource {
  private readonly chunks: (string | null)[] = [];
  private pending: ((chunk: string | null) => void) | null = null;
  /** How many reads were asked for: a source is read only while someone waits. */
  reads = 0;

  read(): Promise<string | null> {
    this.reads++;
    const chunk = this.chunks.shift();
    if (chunk !== undefined) return Promise.resolve(chunk);
    return new Promise((resolve) => {
      this.pending = resolve;
    });
  }

  push(chunk: string | null): void {
    const pending = this.pending;
    this.pending = null;
    if (pending) pending(chunk);
    else this.chunks.push(chunk);
  }

  end(): void {
    this.push(null);
  }
}

/** Lets timers, promises and the scheduler run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}
