// ## Ending the program
//
// `exit` and `emergency-exit` never call process.exit: they throw a `ProgramExit`, which the
// embedding program (the CLI, a test) catches to flush its ports and end the node its own way.

import { isExactInteger } from "@termite/datum";

const EXIT_MARK = Symbol.for("@termite/runtime/ProgramExit");

export class ProgramExit extends Error {
  readonly [EXIT_MARK] = true;
  override readonly name = "ProgramExit";

  constructor(
    /** The process exit status: 0 for `(exit)` and `(exit #t)`, 1 for `(exit #f)`, n for `(exit n)`. */
    readonly code: number,
    /** True for `emergency-exit`: outstanding dynamic-wind afters must not run. */
    readonly emergency: boolean,
  ) {
    super(`${emergency ? "emergency-exit" : "exit"} with status ${code}`);
  }

  /** True for a `ProgramExit` from any copy of this package. */
  static isInstance(value: unknown): value is ProgramExit {
    return (
      typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[EXIT_MARK] === true
    );
  }
}

/**
 * The exit status R7RS asks `exit` to derive from its argument: none or `#t` is success (0), `#f`
 * failure (1), an exact integer itself (a big one is cut to its low 8 bits, as the OS would), any
 * other object success (0).
 */
export function exitStatus(obj?: unknown): number {
  if (obj === undefined || obj === true) return 0;
  if (obj === false) return 1;
  if (isExactInteger(obj)) return typeof obj === "bigint" ? Number(BigInt.asUintN(8, obj)) : obj;
  return 0;
}
