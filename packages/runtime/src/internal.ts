// `@termite/runtime/internal`: the whole machine, for the back ends (`@termite/compiler`) and the
// system (`@termite/termite`): the frame protocol's hot state, the run loop's pieces, the binary
// fast paths compiled code calls. What a user of the runtime alone needs is `./index.ts`.

export * from "./errors.js";
export * from "./io/index.js";
export * from "./machine/backtrace.js";
export * from "./machine/control.js";
export * from "./machine/control-primitives.js";
export * from "./machine/dynamic.js";
export * from "./machine/globals.js";
export * from "./machine/procedures.js";
export * from "./machine/schedulers.js";
export * from "./machine/srfi18.js";
export * from "./machine/thread.js";
export * from "./machine/unwind.js";
export * from "./primitive.js";
/** Binary fast paths of the pure primitives, for the JS back end to open-code. */
/** What the wire needs to send the procedures `define-record-type` makes. */
export {
  add2,
  car,
  cdr,
  cons,
  ge2,
  gt2,
  isZero,
  le2,
  lt2,
  mul2,
  negate,
  numEq2,
  primitiveGroups,
  remakeRecordProcedure,
  stringRef,
  sub2,
  vectorRef,
} from "./primitives/index.js";
