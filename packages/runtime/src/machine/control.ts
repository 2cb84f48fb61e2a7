// ## Control operators on the frame protocol
//
// call/cc, continuation invocation (with the R7RS winding rule), dynamic-wind, exception handlers,
// raise, guard and parameterize. Each one that calls Scheme code with work left to do afterwards
// records a frame when unwound through, so a continuation can be captured anywhere inside it.

import {
  type Continuation as ContinuationRecord,
  carry,
  continuationOf,
  ErrorObject,
  type FrameStack,
  frameStack,
  MultipleValues,
  type Parameter as ParameterRecord,
  type Procedure,
  type ResumableCode,
} from "@termite/datum";
import { schemeError } from "../errors.js";
import {
  type DynamicEnvironment,
  lookupParameter,
  windPath,
  withHandler,
  withHandlers,
  withParameter,
  withWinder,
} from "./dynamic.js";
import { currentThread, type SchemeThread, startUnwind, ThreadExit } from "./thread.js";
import { frame, pushFrame, UNWIND } from "./unwind.js";

/** Builds the code object of a runtime operator whose frames resume through `resume`. */
function runtimeCode(id: string, resume: ResumableCode["resume"]): ResumableCode {
  return { ref: { module: "termite/runtime", id }, resume };
}

const codeTable = new Map<string, ResumableCode>();

/** The runtime's own resumable code, by id: how a received frame of `dynamic-wind` finds its code. */
export function runtimeCodeById(id: string): ResumableCode | undefined {
  return codeTable.get(id);
}

function register(code: ResumableCode): ResumableCode {
  codeTable.set(code.ref!.id, code);
  return code;
}

// ### Continuations

/**
 * A first-class continuation: callable like a procedure, and data through the procedure contract
 * (its record holds the frames and the dynamic environment).
 */
export type Continuation = Procedure;

export function isContinuation(v: unknown): v is Continuation {
  return continuationOf(v) !== undefined;
}

/** Makes the continuation object for `frames` captured in `dyn`. */
export function makeContinuation(frames: FrameStack | null, dyn: DynamicEnvironment): Continuation {
  const record: ContinuationRecord = { kind: "continuation", frames, dynamic: dyn };
  // Named by its binding (the printer falls back on `name`): a `schemeName` property defined on
  // each new closure cost a quarter of ctak's time and gave every continuation a map of its own.
  const continuation = (...vals: unknown[]) =>
    startUnwind((thread) => {
      enterContinuation(thread, record, vals.length === 1 ? () => vals[0] : () => new MultipleValues(vals));
      return "continue";
    }, true);
  return carry(continuation, record);
}

/** Frames of the winding steps: each runs one thunk in its environment and discards its value. */
const WIND_STEP = register(
  runtimeCode("wind-step", (fr) => {
    const thread = currentThread();
    thread.dyn = fr.values[1] as DynamicEnvironment;
    const r = (fr.values[0] as Procedure)();
    return r === UNWIND ? r : undefined;
  }),
);

/** The last step of entering a continuation: restore its environment, then produce the value. */
const ENTER_STEP = register(
  runtimeCode("enter", (fr) => {
    const thread = currentThread();
    thread.dyn = fr.values[0] as DynamicEnvironment;
    return (fr.values[1] as () => unknown)();
  }),
);

/**
 * Makes `thread` continue in continuation `k`: the afters of the winders being left run first
 * (innermost first), then the befores of those being entered, then `produce` gives the value.
 * The steps are frames themselves, so a step that captures or blocks is handled like any code.
 */
export function enterContinuation(thread: SchemeThread, k: ContinuationRecord, produce: () => unknown): void {
  if (thread.dyn.winders === k.dynamic.winders) {
    // No winder to leave or enter (the common case: an escape within one dynamic-wind extent):
    // the value is produced on an empty stack in the continuation's environment, with no steps.
    thread.k = k.frames;
    thread.dyn = k.dynamic;
    thread.next = produce;
    return;
  }
  const { leave, enter } = windPath(thread.dyn.winders, k.dynamic.winders);
  let stack: FrameStack | null = frameStack(frame(ENTER_STEP, 0, [k.dynamic, produce]), k.frames);
  for (let i = enter.length - 1; i >= 0; i--) {
    const w = enter[i]!;
    stack = frameStack(frame(WIND_STEP, 0, [w.before, w.outer]), stack);
  }
  for (let i = leave.length - 1; i >= 0; i--) {
    const w = leave[i]!;
    stack = frameStack(frame(WIND_STEP, 0, [w.after, w.outer]), stack);
  }
  thread.k = stack;
  thread.next = () => undefined;
}

/** `(call-with-current-continuation receiver)`. */
export function callCC(receiver: Procedure): unknown {
  if (typeof receiver !== "function") schemeError("call/cc", "expected a procedure", receiver);
  return startUnwind((thread, k) => {
    const cont = makeContinuation(k, thread.dyn);
    thread.next = () => receiver(cont);
    return "continue";
  });
}

/** Calls `thunk` in the continuation `k` instead of delivering a value (used by guard). */
export function throwToContinuation(k: Continuation, thunk: () => unknown): unknown {
  const record = continuationOf(k);
  if (record === undefined) return schemeError(undefined, "expected a continuation", k);
  return startUnwind((thread) => {
    enterContinuation(thread, record, thunk);
    return "continue";
  }, true);
}

// ### Calling thunks one after another

const IN_ORDER = register(
  runtimeCode("in-order", (fr) => {
    const [thunks, next] = fr.values as [Procedure[], number];
    return callInOrderFrom(thunks, next);
  }),
);

/**
 * Calls each thunk in turn and answers the last one's value (a tail call): what a primitive uses to
 * run several pieces of Scheme code, each of which may capture or block.
 */
export function callInOrder(thunks: readonly Procedure[]): unknown {
  return callInOrderFrom(thunks, 0);
}

function callInOrderFrom(thunks: readonly Procedure[], from: number): unknown {
  for (let i = from; i < thunks.length - 1; i++) {
    if (thunks[i]!() === UNWIND) return pushFrame(IN_ORDER, 0, [thunks, i + 1]);
  }
  return thunks.length === 0 ? undefined : thunks[thunks.length - 1]!();
}

// ### dynamic-wind
//
// Control points: 0 = `before` running, 1 = the body running, 2 = `after` running.

const DYNAMIC_WIND = register(
  runtimeCode("dynamic-wind", (fr, value) => {
    const [before, thunk, after, dyn0, result] = fr.values as [
      Procedure,
      Procedure,
      Procedure,
      DynamicEnvironment,
      unknown,
    ];
    return dynamicWindFrom(fr.cp, before, thunk, after, dyn0, value, result);
  }),
);

function dynamicWindFrom(
  cp: number,
  before: Procedure,
  thunk: Procedure,
  after: Procedure,
  dyn0: DynamicEnvironment,
  value: unknown,
  result: unknown,
): unknown {
  const thread = currentThread();
  if (cp < 0) {
    cp = 0;
    if (before() === UNWIND) return pushFrame(DYNAMIC_WIND, 0, [before, thunk, after, dyn0, result]);
  }
  if (cp === 0) {
    thread.dyn = withWinder(dyn0, before, after);
    value = thunk();
    if (value === UNWIND) return pushFrame(DYNAMIC_WIND, 1, [before, thunk, after, dyn0, result]);
  }
  if (cp <= 1) {
    result = value;
    thread.dyn = dyn0;
    if (after() === UNWIND) return pushFrame(DYNAMIC_WIND, 2, [before, thunk, after, dyn0, result]);
  }
  return result;
}

export function dynamicWind(before: Procedure, thunk: Procedure, after: Procedure): unknown {
  return dynamicWindFrom(-1, before, thunk, after, currentThread().dyn, undefined, undefined);
}

// ### Running a thunk in a changed dynamic environment
//
// One frame kind serves with-exception-handler, parameterize and the handler calls of raise:
// run something in environment `inner`, and restore `outer` when it returns.

const RESTORE = register(
  runtimeCode("restore-environment", (fr, value) => {
    currentThread().dyn = fr.values[0] as DynamicEnvironment;
    return value;
  }),
);

function callIn(inner: DynamicEnvironment, outer: DynamicEnvironment, fn: Procedure, arg?: unknown): unknown {
  const thread = currentThread();
  thread.dyn = inner;
  const value = arg === undefined ? fn() : fn(arg);
  if (value === UNWIND) return pushFrame(RESTORE, 0, [outer]);
  thread.dyn = outer;
  return value;
}

export function withExceptionHandler(handler: Procedure, thunk: Procedure): unknown {
  if (typeof handler !== "function") schemeError("with-exception-handler", "expected a procedure", handler);
  const dyn = currentThread().dyn;
  return callIn(withHandler(dyn, handler), dyn, thunk);
}

// ### raise

/** The handler of last resort: the thread ends with the condition as its exit reason. */
function uncaught(payload: unknown): never {
  throw new ThreadExit({ normal: false, condition: payload });
}

export function raiseContinuable(payload: unknown): unknown {
  const dyn = currentThread().dyn;
  const h = dyn.handlers;
  if (h === null) return uncaught(payload);
  return callIn(withHandlers(dyn, h.next), dyn, h.handler, payload);
}

/** After a handler returns from a non-continuable raise: a secondary error, R7RS §6.11. */
const AFTER_RAISE = register(
  runtimeCode("after-raise", (fr) => {
    return raise(
      new ErrorObject(
        "error",
        "exception handler returned from a non-continuable raise",
        [fr.values[0]],
        "raise",
      ),
    );
  }),
);

export function raise(payload: unknown): unknown {
  const dyn = currentThread().dyn;
  const h = dyn.handlers;
  if (h === null) return uncaught(payload);
  const outer = withHandlers(dyn, h.next);
  if (callIn(outer, outer, h.handler, payload) === UNWIND) return pushFrame(AFTER_RAISE, 0, [payload]);
  return raise(
    new ErrorObject("error", "exception handler returned from a non-continuable raise", [payload], "raise"),
  );
}

/**
 * `(guard (e clause...) body...)` as the expander emits it: `(with-guard body-thunk handler)`
 * where `(handler condition reraise)` runs the clauses in the guard's dynamic environment and
 * calls `(reraise)` when none applies. The R7RS reference semantics, on call/cc.
 */
export function withGuard(body: Procedure, handler: Procedure): unknown {
  return callCC((guardK: Continuation) => withExceptionHandler(guardHandler(guardK, handler), body));
}

/**
 * The exception handler a guard installs. It is data as well as code: its record holds the guard's
 * continuation and clause procedure, so a continuation captured inside a guard body can travel.
 */
export function guardHandler(guardK: Continuation, handler: Procedure): Procedure {
  const h = (condition: unknown) =>
    callCC((raiseK: Continuation) =>
      throwToContinuation(guardK, () =>
        handler(condition, () => throwToContinuation(raiseK, () => raiseContinuable(condition))),
      ),
    );
  Object.defineProperty(h, "schemeName", { value: "guard" });
  return carry(h, { kind: "guard-handler", continuation: guardK, clauses: handler });
}

// ### Parameters

/** A parameter object: a procedure whose record (`parameterOf`) holds its value and converter. */
export type Parameter = Procedure;

/** A parameter object whose initial value is already converted (see `make-parameter`). */
export function makeParameter(value: unknown, converter?: Procedure): Parameter {
  const record: ParameterRecord = { kind: "parameter", value, converter };
  const p = (...args: unknown[]) => {
    const binding = lookupParameter(currentThread().dyn, p);
    if (args.length === 0) return binding ? binding.value : record.value;
    // Setting a parameter (Gambit allows it): the innermost binding, or the global value.
    if (binding) (binding as { value: unknown }).value = args[0];
    else record.value = args[0];
    return undefined;
  };
  Object.defineProperty(p, "schemeName", { value: "parameter" });
  return carry(p, record);
}

/** Runs `thunk` with each parameter bound to the (already converted) value. */
export function withParameterBindings(params: Parameter[], values: unknown[], thunk: Procedure): unknown {
  const dyn = currentThread().dyn;
  let inner = dyn;
  for (let i = 0; i < params.length; i++) inner = withParameter(inner, params[i]!, values[i]);
  return callIn(inner, dyn, thunk);
}

// ### Values

const CALL_WITH_VALUES = register(
  runtimeCode("call-with-values", (fr, value) => applyValues(fr.values[0] as Procedure, value)),
);

function applyValues(consumer: Procedure, value: unknown): unknown {
  return value instanceof MultipleValues ? consumer(...value.values) : consumer(value);
}

export function callWithValues(producer: Procedure, consumer: Procedure): unknown {
  const value = producer();
  if (value === UNWIND) return pushFrame(CALL_WITH_VALUES, 0, [consumer]);
  return applyValues(consumer, value);
}

// ### Blocking

/**
 * Parks the current thread: once the stack is unwound, `setup` receives the thread, which some
 * later event wakes with `thread.wake(value)` (or `wakeWith`). The value becomes the result of
 * the call that blocked. A parked thread costs nothing while it waits.
 */
export function suspend(setup: (thread: SchemeThread) => void): unknown {
  return startUnwind((thread) => {
    thread.state = "parked";
    thread.next = nothing;
    setup(thread);
    return "park";
  });
}

/** Gives other threads a turn (`thread-yield!`). */
export function yieldThread(): unknown {
  return startUnwind((thread) => {
    thread.next = nothing;
    return "yield";
  });
}

/** What a thread runs when it has nothing left but its frames. */
const nothing = (): undefined => undefined;
