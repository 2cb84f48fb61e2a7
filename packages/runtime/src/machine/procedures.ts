// ## How a procedure is called: arity and case-lambda, written once
//
// Both back ends, the wire's receiver and the primitives share these: the error a call with the
// wrong number of arguments raises, the dispatch of a `case-lambda` over its clauses, and the
// wrapping that makes a primitive's JS function a Scheme procedure (arity checked, named, and
// carrying its name in the procedure contract).

import { type CaseLambda, carry, type Procedure, parameterOf } from "@termite/datum";
import { schemeError } from "../errors.js";
import type { PrimitiveGroup, PrimitiveSpec } from "../primitive.js";
import type { GlobalEnvironment } from "./globals.js";

/** Raises the Scheme error of a call to `name` with `got` arguments where `expected` were due. */
export function arityError(name: string | undefined, expected: string, got: number): never {
  return schemeError(name ?? "lambda", `expected ${expected} argument(s), got ${got}`);
}

/** One clause of a `case-lambda`: its required parameter count, whether it takes a rest list. */
export interface CaseLambdaClause {
  readonly min: number;
  readonly rest: boolean;
  readonly procedure: Procedure;
}

/** The procedure a `case-lambda` makes: the first clause whose arity fits is applied. */
export function makeCaseLambda(name: string, clauses: readonly CaseLambdaClause[]): Procedure {
  const dispatch = (...args: unknown[]): unknown => {
    for (const c of clauses) {
      if (args.length === c.min || (c.rest && args.length >= c.min)) return c.procedure(...args);
    }
    return schemeError(name, `no clause of case-lambda accepts ${args.length} argument(s)`);
  };
  Object.defineProperty(dispatch, "schemeName", { value: name });
  const record: CaseLambda = { kind: "case-lambda", name, clauses: clauses.map((c) => c.procedure) };
  return carry(dispatch, record);
}

/**
 * A primitive as a Scheme procedure: calls with a wrong argument count raise a Scheme error, and
 * the procedure carries `qualifiedName` (`scheme/base#car`), which is how it travels.
 */
export function primitiveProcedure(qualifiedName: string, spec: PrimitiveSpec): Procedure {
  const { min, max, fn } = spec;
  // Parameter objects are installed as themselves: `parameterize` recognises them by identity.
  if (parameterOf(fn) !== undefined) return fn;
  const hash = qualifiedName.lastIndexOf("#");
  const name = hash >= 0 ? qualifiedName.slice(hash + 1) : qualifiedName;
  let wrapped: Procedure;
  if (min === max) {
    const expected = `${min}`;
    wrapped = function (this: unknown) {
      if (arguments.length !== min) return arityError(name, expected, arguments.length);
      return fn.apply(undefined, arguments as unknown as unknown[]);
    };
    if (min === 1)
      wrapped = function (this: unknown, a: unknown) {
        return arguments.length === 1 ? fn(a) : arityError(name, expected, arguments.length);
      };
    if (min === 2)
      wrapped = function (this: unknown, a: unknown, b: unknown) {
        return arguments.length === 2 ? fn(a, b) : arityError(name, expected, arguments.length);
      };
  } else {
    const expected = max < 0 ? `at least ${min}` : `${min} to ${max}`;
    const binary = spec.binary;
    wrapped =
      binary !== undefined && min <= 2 && (max < 0 || max >= 2)
        ? function (this: unknown, a: unknown, b: unknown) {
            const n = arguments.length;
            if (n === 2) return binary(a, b);
            if (n < min || (max >= 0 && n > max)) return arityError(name, expected, n);
            return fn.apply(undefined, arguments as unknown as unknown[]);
          }
        : function (this: unknown) {
            const n = arguments.length;
            if (n < min || (max >= 0 && n > max)) return arityError(name, expected, n);
            return fn.apply(undefined, arguments as unknown as unknown[]);
          };
  }
  Object.defineProperty(wrapped, "schemeName", { value: name });
  Object.defineProperty(wrapped, "name", { value: name });
  return carry(wrapped, { kind: "primitive", name: qualifiedName });
}

/**
 * Makes each primitive of `groups` a global `<library>#<name>` holding its Scheme procedure, and
 * answers each library's names with their globals, as an expander's `defineNativeLibrary` takes
 * them. A primitive exported by several libraries (`cons` from (scheme base) and (srfi 1)) is one
 * global, named after the first; `named` remembers them across calls.
 */
export function definePrimitives(
  globals: GlobalEnvironment,
  groups: readonly PrimitiveGroup[],
  named: Map<unknown, string> = new Map(),
): Map<string, Record<string, string>> {
  const byLibrary = new Map<string, Record<string, string>>();
  for (const group of groups) {
    const names = byLibrary.get(group.library) ?? {};
    for (const [name, spec] of Object.entries(group.bindings)) {
      let global = named.get(spec.fn);
      if (global === undefined) {
        global = `${group.library}#${name}`;
        globals.define(global, primitiveProcedure(global, spec));
        named.set(spec.fn, global);
      }
      names[name] = global;
    }
    byLibrary.set(group.library, names);
  }
  return byLibrary;
}
