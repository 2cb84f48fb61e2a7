// ## The control procedures as primitives
//
// The procedures of R7RS and SRFI 18 that reach into the machine: continuations, winding,
// exceptions, values, parameters, promises' state, and green threads. They follow the frame
// protocol (control.ts); the ones that loop over Scheme calls (`map`, `for-each`…) are written in
// Scheme in the `(termite prelude)` library instead.

import { ErrorObject, list, listToArray, MultipleValues, Pair } from "@termite/datum";
import { schemeError, typeError } from "../errors.js";
import { type PrimitiveGroup, prim } from "../primitive.js";
import {
  callCC,
  callWithValues,
  dynamicWind,
  makeParameter,
  type Parameter,
  raise,
  raiseContinuable,
  suspend,
  withExceptionHandler,
  withGuard,
  withParameterBindings,
  yieldThread,
} from "./control.js";
import { currentThread, SchemeThread } from "./thread.js";
import { UNWIND } from "./unwind.js";

type Procedure = (...args: any[]) => unknown;

function procedure(who: string, f: unknown, index: number): Procedure {
  if (typeof f !== "function") typeError(who, "a procedure", f, index);
  return f as Procedure;
}

/** `(apply f a ... list)`: a tail call, so it needs no frame of its own. */
function apply(f: unknown, ...args: unknown[]): unknown {
  const fn = procedure("apply", f, 0);
  if (args.length === 0) return fn();
  const last = args.pop();
  let items: unknown[];
  try {
    items = listToArray(last);
  } catch {
    return typeError("apply", "a proper list", last, args.length + 1);
  }
  return fn(...args, ...items);
}

// ### Promises (R7RS §4.2.5, the delay-force iterative forcing algorithm)

/** A promise: `done` with a value, or holding the thunk that computes another promise. */
export class Promise_ {
  constructor(
    public done: boolean,
    public value: unknown,
  ) {}
}

// ### Threads (SRFI 18, as Gambit has them)

function thread(who: string, t: unknown, index = 0): SchemeThread {
  if (!(t instanceof SchemeThread)) typeError(who, "a thread", t, index);
  return t as SchemeThread;
}

function threadJoin(t: unknown, timeout?: unknown, timeoutValue?: unknown): unknown {
  const target = thread("thread-join!", t);
  const deliver = (): unknown => {
    const exit = target.exit!;
    if (exit.normal) return exit.value;
    return raise(
      new ErrorObject(
        "error",
        "joined thread terminated with an exception",
        [exit.condition],
        "thread-join!",
      ),
    );
  };
  if (target.exit) return deliver();
  return suspend((self) => {
    let timer: NodeJS.Timeout | undefined;
    target.onExit(() => {
      if (timer) clearTimeout(timer);
      self.wakeWith(deliver);
    });
    if (typeof timeout === "number" && Number.isFinite(timeout)) {
      timer = setTimeout(
        () =>
          self.wakeWith(() =>
            timeoutValue !== undefined
              ? timeoutValue
              : raise(new ErrorObject("error", "thread-join! timed out", [t], "thread-join!")),
          ),
        Math.max(0, timeout * 1000),
      );
    }
  });
}

function sleep(seconds: unknown): unknown {
  const s = typeof seconds === "number" ? seconds : Number(seconds);
  if (!Number.isFinite(s) || s < 0) return typeError("thread-sleep!", "a non-negative real", seconds, 0);
  return suspend((self) => {
    setTimeout(() => self.wake(undefined), s * 1000);
  });
}

/** Mutexes and condition variables: enough of SRFI 18 for the usual producer/consumer code. */
export class Mutex {
  owner: SchemeThread | null = null;
  readonly waiting: SchemeThread[] = [];
  constructor(readonly name: unknown) {}
}

export class ConditionVariable {
  readonly waiting: SchemeThread[] = [];
  constructor(readonly name: unknown) {}
}

function mutexLock(m: Mutex): unknown {
  const self = currentThread();
  if (m.owner === null || m.owner.exit) {
    m.owner = self;
    return true;
  }
  return suspend((t) => {
    m.waiting.push(t);
  });
}

function mutexUnlock(m: Mutex, cv?: ConditionVariable): unknown {
  const next = m.waiting.shift();
  m.owner = next ?? null;
  if (next) next.wake(true);
  if (cv instanceof ConditionVariable) {
    return suspend((t) => {
      cv.waiting.push(t);
    });
  }
  return true;
}

export function controlPrimitives(): PrimitiveGroup[] {
  const base: PrimitiveGroup = {
    library: "scheme/base",
    bindings: {
      "call-with-current-continuation": prim(1, 1, callCC),
      "call/cc": prim(1, 1, callCC),
      "dynamic-wind": prim(3, 3, (b, t, a) =>
        dynamicWind(
          procedure("dynamic-wind", b, 0),
          procedure("dynamic-wind", t, 1),
          procedure("dynamic-wind", a, 2),
        ),
      ),
      "with-exception-handler": prim(2, 2, (h, t) =>
        withExceptionHandler(
          procedure("with-exception-handler", h, 0),
          procedure("with-exception-handler", t, 1),
        ),
      ),
      raise: prim(1, 1, raise),
      "raise-continuable": prim(1, 1, raiseContinuable),
      apply: prim(1, -1, apply),
      values: prim(0, -1, (...vs: unknown[]) => (vs.length === 1 ? vs[0] : new MultipleValues(vs))),
      "call-with-values": prim(2, 2, (p, c) =>
        callWithValues(procedure("call-with-values", p, 0), procedure("call-with-values", c, 1)),
      ),
      "procedure?": prim(1, 1, (x) => typeof x === "function"),
      "make-parameter": prim(1, 2, (value, converter) => {
        // The converter is applied to the initial value by the prelude's wrapper; here both are stored.
        return makeParameter(value, converter as Procedure | undefined);
      }),
    },
  };
  const internal: PrimitiveGroup = {
    library: "termite/internal",
    bindings: {
      "with-guard": prim(2, 2, (body, handler) =>
        withGuard(procedure("guard", body, 0), procedure("guard", handler, 1)),
      ),
      "with-parameter-bindings": prim(3, 3, (params, values, thunk) =>
        withParameterBindings(listToArray(params) as Parameter[], listToArray(values), thunk as Procedure),
      ),
      "parameter?": prim(1, 1, (p) => typeof p === "function" && "$converter" in p),
      "parameter-converter": prim(1, 1, (p) => (p as Parameter).$converter ?? false),
      "make-promise-record": prim(2, 2, (done, value) => new Promise_(done !== false, value)),
      "promise-record?": prim(1, 1, (p) => p instanceof Promise_),
      "promise-done?": prim(1, 1, (p) => (p as Promise_).done),
      "promise-value": prim(1, 1, (p) => (p as Promise_).value),
      "promise-update!": prim(2, 2, (p, q) => {
        // R7RS: copy the state of `q` into `p`, so every promise of a delay-force chain shares it.
        (p as Promise_).done = (q as Promise_).done;
        (p as Promise_).value = (q as Promise_).value;
        return undefined;
      }),
      "multiple-values->list": prim(1, 1, (v) =>
        v instanceof MultipleValues ? list([...v.values]) : list([v]),
      ),
    },
  };
  const threads: PrimitiveGroup = {
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
        t.dyn = { winders: null, handlers: null, parameters: parent.dyn.parameters };
        return t;
      }),
      "thread-name": prim(1, 1, (t) => thread("thread-name", t).name),
      "thread-start!": prim(1, 1, (t) => thread("thread-start!", t).start()),
      "thread-yield!": prim(0, 0, yieldThread),
      "thread-sleep!": prim(1, 1, sleep),
      "thread-join!": prim(1, 3, threadJoin),
      "thread-terminate!": prim(1, 1, (t) => {
        const target = thread("thread-terminate!", t);
        if (target === currentThread()) {
          return suspend((self) =>
            self.finish({
              normal: false,
              condition: new ErrorObject("error", "terminated", [], "thread-terminate!"),
            }),
          );
        }
        if (!target.exit)
          target.finish({
            normal: false,
            condition: new ErrorObject("error", "terminated", [], "thread-terminate!"),
          });
        return undefined;
      }),
      "thread-specific": prim(1, 1, (t) => thread("thread-specific", t).specific),
      "thread-specific-set!": prim(2, 2, (t, v) => {
        thread("thread-specific-set!", t).specific = v;
        return undefined;
      }),
      "make-mutex": prim(0, 1, (name) => new Mutex(name)),
      "mutex?": prim(1, 1, (m) => m instanceof Mutex),
      "mutex-lock!": prim(1, 3, (m) => mutexLock(m as Mutex)),
      "mutex-unlock!": prim(1, 3, (m, cv) => mutexUnlock(m as Mutex, cv as ConditionVariable | undefined)),
      "make-condition-variable": prim(0, 1, (name) => new ConditionVariable(name)),
      "condition-variable?": prim(1, 1, (c) => c instanceof ConditionVariable),
      "condition-variable-signal!": prim(1, 1, (c) => {
        (c as ConditionVariable).waiting.shift()?.wake(true);
        return undefined;
      }),
      "condition-variable-broadcast!": prim(1, 1, (c) => {
        for (const t of (c as ConditionVariable).waiting.splice(0)) t.wake(true);
        return undefined;
      }),
    },
  };
  return [base, internal, threads];
}

export { Pair, schemeError, UNWIND };
