// ## SRFI 18 threads, as Gambit has them
//
// Threads are the machine's green threads. Blocking operations (`thread-join!`, `mutex-lock!`,
// `mutex-unlock!` with a condition variable, `thread-sleep!`) park the calling thread with
// `suspend`; a timeout is a timer that wakes it. The exceptions SRFI 18 defines are records, so
// they print, compare and travel like any other data (a process's exit reason may be one).

import {
  DynamicEnvironment,
  type Flonum,
  flonum,
  flonumValue,
  intern,
  isFlonum,
  type Procedure,
  Record,
  RecordType,
} from "@termite/datum";
import { typeError } from "../errors.js";
import { type PrimitiveGroup, prim } from "../primitive.js";
import { raise, suspend, yieldThread } from "./control.js";
import { currentThread, SchemeThread } from "./thread.js";

// ### Exception objects

function exceptionType(name: string, fields: readonly string[] = []): RecordType {
  return new RecordType(name, `srfi/18#${name}`, fields);
}

const JOIN_TIMEOUT = exceptionType("join-timeout-exception");
const ABANDONED_MUTEX = exceptionType("abandoned-mutex-exception");
const TERMINATED_THREAD = exceptionType("terminated-thread-exception");
const UNCAUGHT = exceptionType("uncaught-exception", ["reason"]);

const isRecordOf = (type: RecordType) => (x: unknown) => x instanceof Record && x.type.uid === type.uid;
const isTerminated = isRecordOf(TERMINATED_THREAD);

/** The exit reason of a thread ended by `thread-terminate!`. */
export function terminatedThreadException(): Record {
  return new Record(TERMINATED_THREAD, []);
}

// ### Time
//
// A timeout is a time object (absolute) or a real number of seconds (relative), as SRFI 18 says.

/** SRFI 18 time object: seconds since the epoch. */
export class TimePoint {
  constructor(readonly seconds: number) {}
}

/** Milliseconds from now until `timeout`, or `undefined` for "no timeout" (`#f` or absent). */
function delayOf(who: string, timeout: unknown, index: number): number | undefined {
  if (timeout === undefined || timeout === false) return undefined;
  if (timeout instanceof TimePoint) return Math.max(0, timeout.seconds * 1000 - Date.now());
  const seconds =
    typeof timeout === "number" ? timeout : isFlonum(timeout) ? flonumValue(timeout as Flonum) : NaN;
  if (!Number.isFinite(seconds)) return typeError(who, "a time or a real number of seconds", timeout, index);
  return Math.max(0, seconds * 1000);
}

// ### Threads

function thread(who: string, t: unknown, index = 0): SchemeThread {
  if (!(t instanceof SchemeThread)) typeError(who, "a thread", t, index);
  return t as SchemeThread;
}

/**
 * `(thread-join! thread [timeout [timeout-val]])`: the thread's result; raises
 * terminated-thread-exception or uncaught-exception (carrying the reason) when it did not end
 * normally, join-timeout-exception when the time runs out and no timeout-val is given.
 */
export function threadJoin(t: unknown, timeout?: unknown, timeoutValue?: unknown): unknown {
  const target = thread("thread-join!", t);
  const deliver = (): unknown => {
    const exit = target.exit!;
    if (exit.normal) return exit.value;
    if (isTerminated(exit.condition)) return raise(terminatedThreadException());
    return raise(new Record(UNCAUGHT, [exit.condition]));
  };
  if (target.exit) return deliver();
  const delay = delayOf("thread-join!", timeout, 1);
  return suspend((self) => {
    let timer: NodeJS.Timeout | undefined;
    target.onExit(() => {
      if (timer) clearTimeout(timer);
      self.wakeWith(deliver);
    });
    if (delay !== undefined) {
      timer = setTimeout(
        () =>
          self.wakeWith(() =>
            timeoutValue !== undefined ? timeoutValue : raise(new Record(JOIN_TIMEOUT, [])),
          ),
        delay,
      );
    }
  });
}

function sleep(timeout: unknown): unknown {
  const delay = delayOf("thread-sleep!", timeout, 0) ?? 0;
  return suspend((self) => {
    setTimeout(() => self.wake(undefined), delay);
  });
}

/** `(thread-terminate! thread)`: ends `thread` as "terminated" (at once when it is the caller). */
export function threadTerminate(t: unknown): unknown {
  const target = thread("thread-terminate!", t);
  const reason = { normal: false as const, condition: terminatedThreadException() };
  if (target === currentThread()) return suspend((self) => self.finish(reason));
  if (!target.exit) target.finish(reason);
  return undefined;
}

// ### Mutexes and condition variables

export class Mutex {
  owner: SchemeThread | null = null;
  /** True once an owner ended without unlocking it, until the next lock. */
  abandoned = false;
  specific: unknown = undefined;
  readonly waiting: SchemeThread[] = [];
  constructor(readonly name: unknown) {}
}

export class ConditionVariable {
  specific: unknown = undefined;
  readonly waiting: SchemeThread[] = [];
  constructor(readonly name: unknown) {}
}

function mutex(who: string, m: unknown): Mutex {
  if (!(m instanceof Mutex)) typeError(who, "a mutex", m, 0);
  return m as Mutex;
}

function conditionVariable(who: string, c: unknown, index: number): ConditionVariable {
  if (!(c instanceof ConditionVariable)) typeError(who, "a condition variable", c, index);
  return c as ConditionVariable;
}

/** Gives `m` to `thread`; an abandoned mutex is acquired, then the exception is raised. */
function acquire(m: Mutex, thread: SchemeThread): () => unknown {
  const wasAbandoned = m.abandoned || (m.owner !== null && m.owner.exit !== undefined);
  m.owner = thread;
  m.abandoned = false;
  watchOwner(m, thread);
  return () => (wasAbandoned ? raise(new Record(ABANDONED_MUTEX, [])) : true);
}

/** When the owner ends still holding `m`, the mutex is abandoned and passed to the next waiter. */
function watchOwner(m: Mutex, owner: SchemeThread): void {
  owner.onExit(() => {
    if (m.owner !== owner) return;
    m.abandoned = true;
    m.owner = null;
    const next = m.waiting.shift();
    if (next) next.wakeWith(acquire(m, next));
  });
}

function mutexLock(who: unknown, timeout?: unknown): unknown {
  const m = mutex("mutex-lock!", who);
  const self = currentThread();
  if (m.owner === null || m.owner.exit !== undefined) return acquire(m, self)();
  const delay = delayOf("mutex-lock!", timeout, 1);
  return suspend((t) => {
    m.waiting.push(t);
    if (delay !== undefined) {
      setTimeout(() => {
        const i = m.waiting.indexOf(t);
        if (i < 0) return;
        m.waiting.splice(i, 1);
        t.wake(false);
      }, delay);
    }
  });
}

function mutexUnlock(who: unknown, cv?: unknown, timeout?: unknown): unknown {
  const m = mutex("mutex-unlock!", who);
  const c = cv === undefined ? undefined : conditionVariable("mutex-unlock!", cv, 1);
  m.owner = null;
  const next = m.waiting.shift();
  if (next) next.wakeWith(acquire(m, next));
  if (c === undefined) return true;
  const delay = delayOf("mutex-unlock!", timeout, 2);
  return suspend((t) => {
    c.waiting.push(t);
    if (delay !== undefined) {
      setTimeout(() => {
        const i = c.waiting.indexOf(t);
        if (i < 0) return;
        c.waiting.splice(i, 1);
        t.wake(false);
      }, delay);
    }
  });
}

const ABANDONED = intern("abandoned");
const NOT_ABANDONED = intern("not-abandoned");

/** `(mutex-state m)`: the owning thread, `abandoned`, or `not-abandoned` (unlocked). */
function mutexState(who: unknown): unknown {
  const m = mutex("mutex-state", who);
  if (m.owner !== null && m.owner.exit === undefined) return m.owner;
  return m.abandoned || m.owner !== null ? ABANDONED : NOT_ABANDONED;
}

export function srfi18Primitives(
  procedure: (who: string, f: unknown, i: number) => Procedure,
): PrimitiveGroup {
  return {
    library: "srfi/18",
    bindings: {
      "current-thread": prim(0, 0, () => currentThread()),
      "thread?": prim(1, 1, (t) => t instanceof SchemeThread),
      "make-thread": prim(1, 2, (thunk, name) => {
        const f = procedure("make-thread", thunk, 0);
        const parent = currentThread();
        const t = new SchemeThread(() => f(), name, parent.scheduler);
        // SRFI 18: the new thread inherits the parameters, but starts with no winders and the
        // initial exception handler (an uncaught raise ends the thread, not the creator's guard).
        t.dyn = new DynamicEnvironment(null, null, parent.dyn.parameters);
        return t;
      }),
      "thread-name": prim(1, 1, (t) => thread("thread-name", t).name),
      "thread-start!": prim(1, 1, (t) => thread("thread-start!", t).start()),
      "thread-yield!": prim(0, 0, yieldThread),
      "thread-sleep!": prim(1, 1, sleep),
      "thread-join!": prim(1, 3, threadJoin),
      "thread-terminate!": prim(1, 1, threadTerminate),
      "thread-specific": prim(1, 1, (t) => thread("thread-specific", t).specific),
      "thread-specific-set!": prim(2, 2, (t, v) => {
        thread("thread-specific-set!", t).specific = v;
        return undefined;
      }),
      "make-mutex": prim(0, 1, (name) => new Mutex(name)),
      "mutex?": prim(1, 1, (m) => m instanceof Mutex),
      "mutex-name": prim(1, 1, (m) => mutex("mutex-name", m).name),
      "mutex-specific": prim(1, 1, (m) => mutex("mutex-specific", m).specific),
      "mutex-specific-set!": prim(2, 2, (m, v) => {
        mutex("mutex-specific-set!", m).specific = v;
        return undefined;
      }),
      "mutex-state": prim(1, 1, mutexState),
      "mutex-lock!": prim(1, 3, mutexLock),
      "mutex-unlock!": prim(1, 3, mutexUnlock),
      "make-condition-variable": prim(0, 1, (name) => new ConditionVariable(name)),
      "condition-variable?": prim(1, 1, (c) => c instanceof ConditionVariable),
      "condition-variable-name": prim(1, 1, (c) => conditionVariable("condition-variable-name", c, 0).name),
      "condition-variable-specific": prim(
        1,
        1,
        (c) => conditionVariable("condition-variable-specific", c, 0).specific,
      ),
      "condition-variable-specific-set!": prim(2, 2, (c, v) => {
        conditionVariable("condition-variable-specific-set!", c, 0).specific = v;
        return undefined;
      }),
      "condition-variable-signal!": prim(1, 1, (c) => {
        conditionVariable("condition-variable-signal!", c, 0).waiting.shift()?.wake(true);
        return undefined;
      }),
      "condition-variable-broadcast!": prim(1, 1, (c) => {
        for (const t of conditionVariable("condition-variable-broadcast!", c, 0).waiting.splice(0))
          t.wake(true);
        return undefined;
      }),
      "current-time": prim(0, 0, () => new TimePoint(Date.now() / 1000)),
      "time?": prim(1, 1, (x) => x instanceof TimePoint),
      "time->seconds": prim(1, 1, (t) => {
        if (!(t instanceof TimePoint)) return typeError("time->seconds", "a time", t, 0);
        return flonum(t.seconds);
      }),
      "seconds->time": prim(1, 1, (s) => {
        const seconds = typeof s === "number" ? s : isFlonum(s) ? flonumValue(s as Flonum) : NaN;
        if (!Number.isFinite(seconds)) return typeError("seconds->time", "a real number", s, 0);
        return new TimePoint(seconds);
      }),
      "join-timeout-exception?": prim(1, 1, isRecordOf(JOIN_TIMEOUT)),
      "abandoned-mutex-exception?": prim(1, 1, isRecordOf(ABANDONED_MUTEX)),
      "terminated-thread-exception?": prim(1, 1, isTerminated),
      "uncaught-exception?": prim(1, 1, isRecordOf(UNCAUGHT)),
      "uncaught-exception-reason": prim(1, 1, (e) => {
        if (!isRecordOf(UNCAUGHT)(e))
          return typeError("uncaught-exception-reason", "an uncaught-exception", e, 0);
        return (e as Record).fields[0];
      }),
    },
  };
}
