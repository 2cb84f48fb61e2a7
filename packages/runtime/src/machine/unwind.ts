// ## Capture by unwinding
//
// Scheme code runs as ordinary JS calls. When the machine needs the continuation as data (call/cc,
// a thread switch, a deep stack), it throws an `Unwind`. Every frame with pending work catches it,
// appends a `Frame` describing that work, and rethrows; the thread's run loop at the bottom then
// holds the whole continuation and decides what to do next (`then`).
//
// The call budget is the one check on every procedure entry and loop back edge: when it runs out,
// the stack is unwound. That bounds the JS stack (deep recursion moves to the heap), makes tail calls
// space-safe (their JS frames leave nothing behind) and is the preemption point of green threads.

import type { Frame, FrameStack } from "@termite/datum";
import type { SchemeThread } from "./thread.js";

/** Procedure entries between two forced unwinds: bounds the JS stack of Scheme code. */
export const CALL_BUDGET = 600;

/** The machine's hot counters, in one object so generated code reaches them with one load. */
export const machine = {
  /** Counts down on every procedure entry and loop back edge; below zero forces an unwind. */
  budget: CALL_BUDGET,
};

/** What the run loop does once the stack is unwound. */
export type AfterUnwind = (thread: SchemeThread, k: FrameStack | null) => RunDecision;

/** Whether the run loop keeps running this thread, or leaves it (parked, or yielding its slice). */
export type RunDecision = "continue" | "park" | "yield";

const UNWIND_MARK = Symbol.for("@termite/runtime/Unwind");

/** The signal thrown to unwind. Not an `Error`: it needs no JS stack trace, which is costly. */
export class Unwind {
  readonly [UNWIND_MARK] = true;
  /** Frames recorded so far, innermost first. */
  readonly frames: Frame[] = [];
  constructor(
    /** Called at the bottom with the thread and its whole continuation. */
    readonly then: AfterUnwind,
    /** True when the current frames are being thrown away (a continuation is being invoked). */
    readonly abort = false,
  ) {}
  /** Records a frame, unless the current frames are being discarded. */
  push(frame: Frame): void {
    if (!this.abort) this.frames.push(frame);
  }
}

/** True for the unwind signal, whichever copy of this package threw it. */
export function isUnwind(e: unknown): e is Unwind {
  return e instanceof Unwind || (typeof e === "object" && e !== null && UNWIND_MARK in e);
}

/**
 * Called on procedure entry when the budget is spent: unwinds, and once the stack is empty calls
 * `fn(...args)` again. The frames below are kept as data; the JS stack starts afresh.
 */
export function unwindAndCall(fn: (...args: any[]) => unknown, args: ArrayLike<unknown>): never {
  const saved = Array.prototype.slice.call(args);
  throw new Unwind((thread) => {
    thread.next = () => fn(...saved);
    return thread.timeSliceOver() ? "yield" : "continue";
  });
}

/** A frame record: a plain object, cheap to make and to copy. */
export function frame(code: Frame["code"], cp: number, values: unknown[]): Frame {
  return { code, cp, values };
}
