// ## Symbols and booleans: symbol? symbol=? symbol->string string->symbol, boolean? boolean=? not

import { intern, type MString, Sym, string } from "@termite/datum";
import { typeError } from "../errors.js";
import { type PrimitiveSpec, prim } from "../primitive.js";
import { stringArg, symbolArg } from "./arguments.js";

/** `(not obj)`. */
export function not(x: unknown): boolean {
  return x === false;
}

/** `(symbol->string sym)`: a fresh string, so mutating it cannot rename the symbol. */
export function symbolToString(s: unknown): MString {
  return string(symbolArg("symbol->string", s, 0).name);
}

/** `(string->symbol s)`: the interned symbol with that name. */
export function stringToSymbol(s: unknown): Sym {
  return intern(stringArg("string->symbol", s, 0).toString());
}

function symbolEquals(...args: unknown[]): boolean {
  const first = symbolArg("symbol=?", args[0], 0);
  let result = true;
  for (let i = 1; i < args.length; i++) if (symbolArg("symbol=?", args[i], i) !== first) result = false;
  return result;
}

function booleanEquals(...args: unknown[]): boolean {
  for (let i = 0; i < args.length; i++) {
    if (typeof args[i] !== "boolean") typeError("boolean=?", "a boolean", args[i], i);
  }
  for (let i = 1; i < args.length; i++) if (args[i] !== args[0]) return false;
  return true;
}

/** Symbol and boolean procedures of (scheme base). */
export const symbolBaseBindings: Record<string, PrimitiveSpec> = {
  "symbol?": prim(1, 1, (x: unknown) => x instanceof Sym),
  "symbol=?": prim(1, -1, symbolEquals),
  "symbol->string": prim(1, 1, symbolToString),
  "string->symbol": prim(1, 1, stringToSymbol),
  "boolean?": prim(1, 1, (x: unknown) => typeof x === "boolean"),
  "boolean=?": prim(1, -1, booleanEquals),
  not: prim(1, 1, not),
};
