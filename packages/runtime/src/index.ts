export * from "./errors.js";
export * from "./io/index.js";
export * from "./machine/backtrace.js";
export * from "./machine/control.js";
export * from "./machine/control-primitives.js";
export * from "./machine/dynamic.js";
export * from "./machine/globals.js";
export * from "./machine/thread.js";
export * from "./machine/unwind.js";
export * from "./primitive.js";
export { primitiveGroups } from "./primitives/index.js";
/** Binary fast paths of the pure primitives, for the JS back end to open-code. */
export {
  add2,
  car,
  cdr,
  ge2,
  gt2,
  isZero,
  le2,
  lt2,
  mul2,
  negate,
  numEq2,
  sub2,
  vectorRef,
} from "./primitives/index.js";

const UNASSIGNED_KEY = Symbol.for("@termite/runtime/unassigned");
/**
 * The value of a `letrec` variable before its initialisation. An object rather than a JS symbol so
 * that an environment holding it can travel (the wire describes it by identity); one per process,
 * shared by the ESM and CJS builds.
 */
export const UNASSIGNED: object = ((globalThis as Record<symbol, object>)[UNASSIGNED_KEY] ??= Object.freeze({
  toString: () => "#<unassigned>",
}));
