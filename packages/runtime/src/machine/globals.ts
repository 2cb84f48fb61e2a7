// ## Global variables
//
// One cell per qualified name (`scheme/base#car`, `#x`, `github.com/fred/hello@1.0#hi`). Code
// looks its cells up once, when it is loaded, and reads `cell.value` afterwards.

import { schemeError } from "../errors.js";

/** The value of a cell whose global was never defined. */
export const UNBOUND: unique symbol = Symbol("unbound");

const UNASSIGNED_KEY = Symbol.for("@termite/runtime/unassigned");
/**
 * The value of a `letrec` variable before its initialisation. An object rather than a JS symbol so
 * that an environment holding it can travel (the wire describes it by identity); one per process,
 * shared by the ESM and CJS builds.
 */
export const UNASSIGNED: object = ((globalThis as Record<symbol, object>)[UNASSIGNED_KEY] ??= Object.freeze({
  toString: () => "#<unassigned>",
}));

export class GlobalCell {
  value: unknown = UNBOUND;
  constructor(readonly name: string) {}
}

export class GlobalEnvironment {
  private readonly cells = new Map<string, GlobalCell>();

  cell(name: string): GlobalCell {
    let c = this.cells.get(name);
    if (c === undefined) {
      c = new GlobalCell(name);
      this.cells.set(name, c);
    }
    return c;
  }

  define(name: string, value: unknown): void {
    this.cell(name).value = value;
  }

  isDefined(name: string): boolean {
    const c = this.cells.get(name);
    return c !== undefined && c.value !== UNBOUND;
  }

  lookup(name: string): unknown {
    const c = this.cells.get(name);
    if (c === undefined || c.value === UNBOUND) return unboundVariable(name);
    return c.value;
  }

  /** Qualified names of every defined global (for completion and `environment`). */
  names(): string[] {
    return [...this.cells.values()].filter((c) => c.value !== UNBOUND).map((c) => c.name);
  }
}

export function unboundVariable(name: string): never {
  return schemeError(undefined, `unbound variable ${printableGlobal(name)}`);
}

/** `#x` is shown as `x`: the empty namespace is the script's own. */
export function printableGlobal(name: string): string {
  // `#x` (scripts, the REPL) and `%environment3#x` (an `environment` of eval) print as `x`.
  if (name.startsWith("#")) return name.slice(1);
  return name.startsWith("%") && name.includes("#") ? name.slice(name.indexOf("#") + 1) : name;
}
