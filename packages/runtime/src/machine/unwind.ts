// ## Capture by unwinding
//
// Scheme code runs as ordinary JS calls. When the machine needs the continuation as data (call/cc,
// a thread switch, a deep stack), it starts an unwind: `machine.unwinding` holds an `Unwind` and
// the code returns the `UNWIND` marker instead of a value. Every call site with pending work that
// sees the marker appends a `Frame` describing that work and returns the marker in turn; the
// thread's run loop at the bottom then holds the whole continuation and decides what to do next.
//
// Why a returned marker and not a JS exception (DESIGN.md says "throws"): V8 spends about 1.5 µs
// per frame to catch and rethrow (each throw walks the stack again), against about 50 ns per
// frame for a returned marker (benchmarks/README.md, "unwinding"); the marker costs one compare
// per call site on the normal path, which measured as noise.
//
// The call budget is the one check on every procedure entry and loop back edge: when it runs out,
// the stack is unwound. That bounds the JS stack (deep recursion moves to the heap), makes tail calls
// space-safe (their JS frames leave nothing behind) and is the preemption point of green threads.

import type { Frame, FrameStack } from "@termite/datum";

/** Procedure entries between two forced unwinds: bounds the JS stack of Scheme code. */
export const CALL_BUDGET = 600;

/** Returned instead of a value while the stack is being unwound. Never a Scheme value. */
export const UNWIND: unique symbol = Symbol.for("@termite/runtime/unwind") as any;

/** The machine's hot state, in one object so generated code reaches it with one load. */
export const machine = {
  /** Counts down on every procedure entry and loop back edge; below zero forces an unwind. */
  budget: CALL_BUDGET,
  /** The unwind in progress, while code is returning `UNWIND`. */
  unwinding: null as Unwind<never> | null,
};

/** Whether the run loop keeps running this thread, or leaves it (parked, or yielding its slice). */
export type RunDecision = "continue" | "park" | "yield";

/**
 * An unwind in progress: what to do at the bottom, and the frames recorded on the way. `Thread`
 * is the run loop's thread (thread.ts), a parameter here so this file does not import it.
 */
export class Unwind<Thread> {
  /** Frames recorded so far, innermost first. */
  readonly frames: Frame[] = [];
  constructor(
    /** Called at the bottom with the thread and its whole continuation. */
    readonly then: (thread: Thread, k: FrameStack | null) => RunDecision,
    /** True when the current frames are being thrown away (a continuation is being invoked). */
    readonly abort = false,
    /** True for the call budget's unwinds: the ones a deepening recursion makes. */
    readonly budget = false,
  ) {}
  /** Records a frame, unless the current frames are being discarded. */
  push(frame: Frame): void {
    if (!this.abort) this.frames.push(frame);
  }
}

/** Records a frame in the unwind in progress and returns `UNWIND`, for `return pushFrame(...)`. */
export function pushFrame(code: Frame["code"], cp: number, values: unknown[]): typeof UNWIND {
  machine.unwinding!.push({ code, cp, values });
  return UNWIND;
}

/** A frame record: a plain object, cheap to make and to copy. */
export function frame(code: Frame["code"], cp: number, values: unknown[]): Frame {
  return { code, cp, values };
}
