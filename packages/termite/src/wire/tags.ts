// ## The described tag names of runtime objects (docs/wire-format.md §7)

export const WireTags = {
  /** A primitive or library global, by qualified name: `[name]`. */
  GLOBAL: "global",
  /** A unit of interpreted code: `[module, unitId, hash, treeBytes]`. */
  CODE_UNIT: "code-unit",
  /** One piece of interpreted code (a lambda or a resumable node): `[unit, codeId]`. */
  INTERPRETED_CODE: "interpreted-code",
  /** An interpreted closure: `[code, environment vector]`. */
  INTERPRETED_CLOSURE: "interpreted-closure",
  /** An interpreted `case-lambda`: `[name, clause…]`. */
  CASE_LAMBDA: "case-lambda",
  /** A unit of compiled script code, to compile again: `[module, unitId, hash, treeBytes, block]`. */
  COMPILED_UNIT: "compiled-unit",
  /** One piece of compiled code of such a unit: `[unit, codeId]`. */
  COMPILED_CODE: "compiled-code",
  /** A compiled closure: `[code (CODE or compiled-code), free value…]`, in the code's `$free` order. */
  CLOSURE: "closure",
  /** A frame: `[code, control point, values vector]`. */
  FRAME: "frame",
  /** A continuation: `[dynamic environment, frame…]`, innermost frame first. */
  CONTINUATION: "continuation",
  DYNAMIC_ENVIRONMENT: "dynamic-environment",
  WINDER: "winder",
  HANDLER: "handler",
  PARAMETER_BINDING: "parameter-binding",
  /** The exception handler a `guard` installs: `[guard continuation, clauses procedure]`. */
  GUARD_HANDLER: "guard-handler",
  /** A parameter object made at run time: `[value, converter or #f]`. */
  PARAMETER: "parameter",
  /**
   * A string or bytevector port, as a copy: `[kind, direction, content, open, fold-case]`, the
   * content being what is left to read (input) or what was written so far (output).
   */
  MEMORY_PORT: "memory-port",
  /** One of the node's console ports, by role: `["stdin" | "stdout" | "stderr"]`. */
  CONSOLE_PORT: "console-port",
  /** A box of compiled code (a captured, assigned variable): `[value]`. */
  BOX: "box",
  /** A `letrec` variable not yet initialised. */
  UNASSIGNED: "unassigned",
  /**
   * A procedure `define-record-type` made: `[kind, record type, name, field…]`, kind one of
   * `constructor`, `predicate`, `accessor`, `modifier`, the fields it takes (constructor) or
   * touches (accessor, modifier) by number; made again on the receiver.
   */
  RECORD_PROCEDURE: "record-procedure",
  /** A promise of `delay`, `delay-force` or `make-promise`: `[done, value or thunk]`. */
  PROMISE: "promise",
  /**
   * The value of one script global travelling with its unit: `[name, value]` (`#x`). A code unit
   * or compiled unit of a script (module `""`) adds two fields: its scope (text) and a vector of
   * these.
   */
  SCRIPT_GLOBAL: "script-global",
} as const;
