// `@termite/runtime`: what a user of the runtime alone needs to run Scheme procedures — threads
// and schedulers, the control operators, globals, primitives and ports, errors. The machine's
// internals (the frame protocol's state, the run loop's pieces, the compiled code's fast paths)
// are `@termite/runtime/internal`, for the back ends and the system.

export {
  fileError,
  rangeError,
  readError,
  SchemeRaise,
  schemeError,
  typeError,
} from "./errors.js";
export {
  EMPTY_SOURCE,
  type InputSource,
  type IoContext,
  IoSystem,
  ioPrimitiveGroups,
  ioSystem,
  type MemoryIoContext,
  type MemoryPortState,
  memoryIoContext,
  memoryPortFrom,
  memoryPortState,
  Port,
  ProgramExit,
  processIoContext,
  type TextSink,
} from "./io/index.js";
export { backtraceOf, type TraceEntry } from "./machine/backtrace.js";
export {
  type Continuation,
  callCC,
  callInOrder,
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
} from "./machine/control.js";
export { controlPrimitives } from "./machine/control-primitives.js";
export { GlobalCell, GlobalEnvironment, UNASSIGNED, UNBOUND } from "./machine/globals.js";
export {
  arityError,
  type CaseLambdaClause,
  definePrimitives,
  makeCaseLambda,
  primitiveProcedure,
} from "./machine/procedures.js";
export { createScheduler, defaultScheduler } from "./machine/schedulers.js";
export {
  currentThread,
  DEFAULT_FRAME_LIMIT,
  type ExitReason,
  type Scheduler,
  type SchedulerOptions,
  SchemeThread,
  type ThreadState,
  TIME_SLICE_MS,
} from "./machine/thread.js";
export { type PrimitiveFunction, type PrimitiveGroup, type PrimitiveSpec, prim } from "./primitive.js";
export { primitiveGroups } from "./primitives/index.js";
