// ## Code references, frames and continuations as data
//
// The shapes the runtime, the interpreter, the compiler and the serializer agree on (DESIGN.md §3).
// A continuation is a list of frames; a frame names its code symbolically (through `code.ref`)
// and holds the live values at one control point, so it can be copied, sent and resumed elsewhere.

/** Names a piece of code the same way on every node: control points live inside it. */
export interface CodeReference {
  /** The module the code belongs to: `github.com/fred/hello@2.0`, `scheme/base`, or `""` for scripts. */
  readonly module: string;
  /** A stable id inside the module: a qualified procedure name plus a path (`#main/lambda2`). */
  readonly id: string;
  /** Hash of the module's source and the compiler ABI, so peers detect differing versions. */
  readonly hash?: string | undefined;
}

/** Code that frames can point at: it knows how to continue after one of its control points. */
export interface ResumableCode {
  /** The symbolic name of this code; `undefined` for code that cannot travel. */
  readonly ref: CodeReference | undefined;
  /** Continues the frame's computation as if the call at `frame.cp` had returned `value`. */
  resume(frame: Frame, value: unknown): unknown;
}

/** One pending computation: `code` stopped at control point `cp` with the live `values`. */
export interface Frame {
  readonly code: ResumableCode;
  readonly cp: number;
  readonly values: readonly unknown[];
}

/** A continuation's frames, innermost first, as an immutable linked list that captures share. */
export interface FrameStack {
  readonly frame: Frame;
  readonly next: FrameStack | null;
  /** How many frames the stack holds, this one included (what depth limits are checked on). */
  readonly depth: number;
}

/** `frame` pushed on `next`. */
export function frameStack(frame: Frame, next: FrameStack | null): FrameStack {
  return { frame, next, depth: next === null ? 1 : next.depth + 1 };
}
