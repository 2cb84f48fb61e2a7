// ## What a caller says about how to compile, and what a lambda's code depends on besides its tree

import type { Variable } from "@termite/core";

export interface GenerateOptions {
  /** The module the code belongs to (`""` for scripts). */
  readonly module: string;
  /** The unit's id, the root of its code ids (`main`, `u3`). */
  readonly unit: string;
  /** Treat globals defined once by a lambda and never assigned as constants (libraries). */
  readonly block: boolean;
  /** Open-code `+`, `car`, `<`… of `scheme/base` (default true). */
  readonly openCode?: boolean;
  /** Control points, frames and the call budget; off only to measure their price (default true). */
  readonly controlPoints?: boolean;
  /**
   * Leave out the resume functions of every lambda but the unit's own: the code objects get
   * `resume: null` and the linker makes each when a frame of it is first resumed (default false).
   * Resume functions are most of the generated text, and most procedures are never resumed.
   */
  readonly lazyResume?: boolean;
}

/** How `generateProcedure` writes the lambda. */
export interface ProcedureOptions extends GenerateOptions {
  /**
   * Only the resume function, for the code object the unit already has: the generated function
   * returns it, and nested lambdas are made by their existing code objects' `make`, found by id in
   * `$meta.codes`. `$meta.code` is the lambda's own code object.
   */
  readonly resumeOnly?: boolean;
}

/**
 * What a lambda's code depends on beyond its own syntax tree. With it, another node can compile the
 * lambda alone and get the same frame layouts and free-value order (closures and frames travel).
 */
export interface LambdaContext {
  /** The letrec variable that is the procedure itself inside its body (`$self`, not captured). */
  readonly self?: Variable | undefined;
  /** The constant global that names the procedure (block compilation). */
  readonly global?: string | undefined;
  /** The script global that names the procedure while it is not redefined. */
  readonly redefinable?: string | undefined;
  /** Set for the unit's own code (its top level), which backtraces show by position only. */
  readonly unitCode?: true;
  /** Positions in `$free` of the captured variables that are boxes. */
  readonly boxedFree: readonly number[];
}
