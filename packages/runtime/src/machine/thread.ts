// ## Green threads and their run loop
//
// A thread is a continuation on the heap (`k`) plus what to run next on an empty JS stack
// (`next`). The run loop runs `next`, then resumes the heap frames one by one with the value.
// Every unwind lands here; the unwind's `then` says whether the thread goes on, parks (waiting
// for a message, a timer, another thread) or yields its time slice to others.

import { ErrorObject, type FrameStack, frameStack } from "@termite/datum";
import { heapLimitBytes, runSoon, setHostExitCode } from "#host";
import { SchemeRaise } from "../errors.js";
import { ProgramExit } from "../io/program-exit.js";
import { type DynamicEnvironment, EMPTY_DYNAMIC_ENVIRONMENT } from "./dynamic.js";
import { CALL_BUDGET, machine, type RunDecision, UNWIND, Unwind } from "./unwind.js";

/** How long a thread runs before others get a turn, in milliseconds. */
export const TIME_SLICE_MS = 10;

export type ThreadState = "new" | "runnable" | "running" | "parked" | "done" | "failed";

/** Why a thread ended: `normal`, or the condition that was raised and not handled. */
export type ExitReason =
  | { readonly normal: true; readonly value: unknown }
  | { readonly normal: false; readonly condition: unknown };

let nextThreadNumber = 1;

export class SchemeThread {
  /** A small number unique in this node, used in process ids and printing. */
  readonly number = nextThreadNumber++;
  state: ThreadState = "new";
  /** Heap frames of the continuation, innermost first. */
  k: FrameStack | null = null;
  /** What to run on an empty JS stack when the thread next runs. */
  next: () => unknown;
  dyn: DynamicEnvironment = EMPTY_DYNAMIC_ENVIRONMENT;
  exit: ExitReason | undefined;
  /** Called once when the thread ends (joiners, links and monitors hang here). */
  private readonly exitListeners: ((reason: ExitReason) => void)[] = [];
  /** SRFI 18's thread-specific value. */
  specific: unknown = undefined;
  /** What the layer above attaches to this thread (the `(termite)` process it runs). */
  owner: unknown = undefined;
  private sliceStart = 0;

  constructor(
    thunk: () => unknown,
    readonly name: unknown,
    readonly scheduler: Scheduler,
  ) {
    this.next = thunk;
  }

  /** Makes the thread runnable (SRFI 18 `thread-start!`). */
  start(): this {
    if (this.state === "new") {
      this.state = "runnable";
      this.scheduler.enqueue(this);
    }
    return this;
  }

  /** True when the thread has used its time slice (checked at each budget unwind). */
  timeSliceOver(): boolean {
    return performance.now() - this.sliceStart > TIME_SLICE_MS;
  }

  onExit(listener: (reason: ExitReason) => void): void {
    if (this.exit) listener(this.exit);
    else this.exitListeners.push(listener);
  }

  /** Resumes a parked thread with `value` as the result of the operation it was waiting on. */
  wake(value: unknown): void {
    // The common wake (a message, a timer) allocates no closure: `next` reads the value back.
    if (this.state !== "parked") return;
    this.wakeValue = value;
    this.wakeWith(takeWakeValue);
  }

  /** The value `wake` hands to the thread, until it runs. */
  wakeValue: unknown = undefined;

  /** Resumes a parked thread by running `thunk` in it (which may raise). */
  wakeWith(thunk: () => unknown): void {
    if (this.state !== "parked") return;
    this.next = thunk;
    this.state = "runnable";
    this.scheduler.enqueue(this);
  }

  /** Ends the thread: listeners hear why. */
  finish(reason: ExitReason): void {
    this.exit = reason;
    this.state = reason.normal ? "done" : "failed";
    this.k = null;
    this.next = () => undefined;
    for (const l of this.exitListeners.splice(0)) l(reason);
  }

  /** Runs the thread until it ends, parks or yields. Only the scheduler calls this. */
  runSlice(): void {
    this.state = "running";
    this.sliceStart = performance.now();
    current = this;
    machine.budget = CALL_BUDGET;
    for (;;) {
      let decision: RunDecision;
      try {
        let value = this.next();
        while (value !== UNWIND && this.k !== null) {
          const top = this.k;
          this.k = top.next;
          value = top.frame.code.resume(top.frame, value);
        }
        if (value === UNWIND) {
          // The unwind was started by `startUnwind` below, for a thread of this class.
          const unwind = machine.unwinding as unknown as Unwind<SchemeThread>;
          machine.unwinding = null;
          machine.budget = CALL_BUDGET;
          let k = this.k;
          const frames = unwind.frames;
          for (let i = frames.length - 1; i >= 0; i--) k = frameStack(frames[i]!, k);
          this.k = k;
          if (unwind.budget && k !== null && k.depth > this.scheduler.frameLimit) {
            // A recursion that does not end would fill the heap and kill the whole node: this
            // thread gets a Scheme error instead (guard can catch it), the others go on. Only a
            // call-budget unwind is checked, so a handler can still capture and escape.
            const payload = new ErrorObject(
              "error",
              `recursion too deep: more than ${this.scheduler.frameLimit} pending frames${innermostProcedure(k)}`,
              [],
              undefined,
            );
            this.next = () => this.scheduler.control.raise(payload, false);
            decision = "continue";
          } else decision = unwind.then(this, k);
        } else {
          this.finish({ normal: true, value });
          return;
        }
      } catch (e) {
        // A JS exception discards the JS frames it passes: only a raise (or a bug) does that.
        machine.unwinding = null;
        machine.budget = CALL_BUDGET;
        if (e instanceof ThreadExit) {
          this.finish(e.reason);
          return;
        }
        if (ProgramExit.isInstance(e)) {
          // `(exit n)` first runs the afters of every active dynamic-wind (R7RS §6.14), as frames;
          // then the whole program ends, and whoever runs it decides how (the CLI exits the process).
          if (!e.emergency && this.dyn.winders !== null) {
            this.scheduler.control.windOutThenExit(this, () => {
              this.scheduler.programExit(e);
              return undefined;
            });
            decision = "continue";
          } else {
            this.finish({ normal: true, value: undefined });
            this.scheduler.programExit(e);
            return;
          }
        } else {
          const payload = SchemeRaise.isInstance(e) ? e.payload : hostErrorToCondition(e);
          this.next = () => this.scheduler.control.raise(payload, false);
          decision = "continue";
        }
      }
      // The state was set by `suspend`; a synchronous wake has already made it runnable again.
      if (decision === "park") return;
      if (decision === "yield") {
        this.state = "runnable";
        this.scheduler.enqueue(this);
        return;
      }
    }
  }
}

/**
 * The default of the most frames a thread's continuation may hold (a limit on recursion depth):
 * a quarter of V8's heap limit to frames of about 300 bytes (an interpreted frame; a compiled one
 * is about 120): about 3.6 million on a 4 GB heap, never fewer than a million.
 */
export const DEFAULT_FRAME_LIMIT = Math.max(1_000_000, Math.floor(heapLimitBytes() / 4 / 300));

function checkFrameLimit(max: number): number {
  if (!Number.isInteger(max) || max < 1)
    throw new RangeError(`frame limit must be a positive integer: ${max}`);
  return max;
}

/** ` (innermost: f)` for the first pending frame whose code knows its procedure's name. */
function innermostProcedure(k: FrameStack): string {
  let s: FrameStack | null = k;
  for (let i = 0; s !== null && i < 16; i++, s = s.next) {
    const name = (s.frame.code as { name?: unknown }).name;
    if (typeof name === "string" && name !== "lambda") return ` (innermost: ${name})`;
  }
  return "";
}

/** `next` of a thread woken by `wake`: runs as `thread.next()`, so `this` is the thread. */
function takeWakeValue(this: SchemeThread): unknown {
  const v = this.wakeValue;
  this.wakeValue = undefined;
  return v;
}

/** Thrown to end the current thread at once (uncaught condition, `exit` of a process). */
export class ThreadExit {
  constructor(readonly reason: ExitReason) {}
}

/** A JS exception that escaped a primitive (a bug, or a host failure) becomes a Scheme error. */
export function hostErrorToCondition(e: unknown): ErrorObject {
  if (e instanceof RangeError && /call stack/.test(e.message)) {
    return new ErrorObject("error", "JavaScript stack exhausted inside a primitive", [], undefined);
  }
  const message = e instanceof Error ? e.message : String(e);
  return new ErrorObject("error", message, [], undefined);
}

/** What `(exit n)` does unless the scheduler is told otherwise: set the process's exit code. */
function setExitCode(exit: ProgramExit): void {
  setHostExitCode(exit.code);
}

/**
 * What the run loop needs of the control operators (control.ts, which imports this file): how a
 * raise that reached the run loop (a TS primitive threw) is handed to the Scheme handlers, and how
 * `(exit n)` runs the afters of the thread's winders before `last`. A scheduler is made with them
 * (`createScheduler` in schedulers.ts), so this file depends on no control operator.
 */
export interface ThreadControl {
  raise(payload: unknown, continuable: boolean): unknown;
  windOutThenExit(thread: SchemeThread, last: () => unknown): void;
}

/** The thread whose code is running now. */
export let current: SchemeThread | undefined;

export function currentThread(): SchemeThread {
  if (current === undefined) throw new Error("no Scheme thread is running");
  return current;
}

// ## The scheduler
//
// Round robin over runnable threads. Between slices it returns to the Node event loop
// (`setImmediate`), so timers, sockets and file I/O make progress even under a busy thread.
// A scheduler also holds what its threads share and two systems in one process may want
// different: the frame limit and who hears `(exit n)`. Threads a thread makes share its scheduler.

export interface SchedulerOptions {
  /** The most frames a thread's continuation may hold (default `DEFAULT_FRAME_LIMIT`). */
  readonly frameLimit?: number;
  /** Who hears `(exit n)` (default: sets `process.exitCode`). */
  readonly programExit?: (exit: ProgramExit) => void;
}

export class Scheduler {
  /** The most frames a thread's continuation may hold: deeper, it gets "recursion too deep". */
  frameLimit: number;
  /** Who hears `(exit n)` from one of this scheduler's threads. */
  programExit: (exit: ProgramExit) => void;

  constructor(
    /** The control operators the run loop hands raises and exits to. */
    readonly control: ThreadControl,
    options: SchedulerOptions = {},
  ) {
    this.frameLimit = checkFrameLimit(options.frameLimit ?? DEFAULT_FRAME_LIMIT);
    this.programExit = options.programExit ?? setExitCode;
  }

  private readonly queue: SchemeThread[] = [];
  private head = 0;
  private pending = false;
  /** Number of threads that exist and have not ended; the event loop stays alive while > 0. */
  live = 0;

  enqueue(thread: SchemeThread): void {
    this.queue.push(thread);
    this.request();
  }

  private request(): void {
    if (this.pending) return;
    this.pending = true;
    runSoon(() => this.runBatch());
  }

  private runBatch(): void {
    this.pending = false;
    const start = performance.now();
    while (this.head < this.queue.length) {
      const thread = this.queue[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue.splice(0, this.head);
        this.head = 0;
      }
      if (thread.state !== "runnable") continue;
      thread.runSlice();
      current = undefined;
      if (performance.now() - start > TIME_SLICE_MS * 2) break;
    }
    if (this.head < this.queue.length) this.request();
  }
}

// ## Starting an unwind
//
// Here rather than in unwind.ts because what runs at the bottom is given this file's thread.

/** What the run loop does once the stack is unwound. */
export type AfterUnwind = (thread: SchemeThread, k: FrameStack | null) => RunDecision;

/** Starts an unwind; the caller returns the result (`UNWIND`) at once. */
export function startUnwind(then: AfterUnwind, abort = false, budget = false): typeof UNWIND {
  machine.unwinding = new Unwind<SchemeThread>(then, abort, budget);
  return UNWIND;
}

/**
 * Called on procedure entry when the budget is spent: unwinds, and once the stack is empty calls
 * `fn(...args)` again. The frames below are kept as data; the JS stack starts afresh.
 */
export function unwindAndCall(fn: (...args: any[]) => unknown, args: ArrayLike<unknown>): typeof UNWIND {
  const saved = Array.prototype.slice.call(args);
  return startUnwind(
    (thread) => {
      thread.next = () => fn(...saved);
      return thread.timeSliceOver() ? "yield" : "continue";
    },
    false,
    true,
  );
}
