// ## The control procedures as primitives
//
// The procedures of R7RS and SRFI 18 that reach into the machine: continuations, winding,
// exceptions, values, parameters, promises' state, and green threads. They follow the frame
// protocol (control.ts); the ones that loop over Scheme calls (`map`, `for-each`…) are written in
// Scheme in the `(termite prelude)` library instead.

import { list, listToArray, MultipleValues, Pair, type Procedure, parameterOf } from "@termite/datum";
import { typeError } from "../errors.js";
import { type PrimitiveGroup, prim } from "../primitive.js";
import {
  callCC,
  callWithValues,
  dynamicWind,
  makeParameter,
  type Parameter,
  raise,
  raiseContinuable,
  withExceptionHandler,
  withGuard,
  withParameterBindings,
} from "./control.js";
import { srfi18Primitives } from "./srfi18.js";

function procedure(who: string, f: unknown, index: number): Procedure {
  if (typeof f !== "function") typeError(who, "a procedure", f, index);
  return f as Procedure;
}

/** `(apply f a ... list)`: a tail call, so it needs no frame of its own. */
function apply(f: unknown, ...args: unknown[]): unknown {
  const fn = procedure("apply", f, 0);
  if (args.length === 0) return fn();
  const last = args.pop();
  let items: unknown[];
  try {
    items = listToArray(last);
  } catch {
    return typeError("apply", "a proper list", last, args.length + 1);
  }
  return fn(...args, ...items);
}

/** `(apply f list)`, the common case: no rest array, and short lists are passed without spreading. */
function apply2(f: unknown, last: unknown): unknown {
  const fn = procedure("apply", f, 0);
  if (last === null) return fn();
  if (last instanceof Pair) {
    const rest = last.cdr;
    if (rest === null) return fn(last.car);
    if (rest instanceof Pair && rest.cdr === null) return fn(last.car, rest.car);
  }
  let items: unknown[];
  try {
    items = listToArray(last);
  } catch {
    return typeError("apply", "a proper list", last, 1);
  }
  return fn(...items);
}

// ### Promises (R7RS §4.2.5, the delay-force iterative forcing algorithm)

/** A promise: `done` with a value, or holding the thunk that computes another promise. */
export class Promise_ {
  constructor(
    public done: boolean,
    public value: unknown,
  ) {}
}

export function controlPrimitives(): PrimitiveGroup[] {
  const base: PrimitiveGroup = {
    library: "scheme/base",
    bindings: {
      "call-with-current-continuation": prim(1, 1, callCC),
      "call/cc": prim(1, 1, callCC),
      "dynamic-wind": prim(3, 3, (b, t, a) =>
        dynamicWind(
          procedure("dynamic-wind", b, 0),
          procedure("dynamic-wind", t, 1),
          procedure("dynamic-wind", a, 2),
        ),
      ),
      "with-exception-handler": prim(2, 2, (h, t) =>
        withExceptionHandler(
          procedure("with-exception-handler", h, 0),
          procedure("with-exception-handler", t, 1),
        ),
      ),
      raise: prim(1, 1, raise),
      "raise-continuable": prim(1, 1, raiseContinuable),
      apply: prim(1, -1, apply, apply2),
      values: prim(0, -1, (...vs: unknown[]) => (vs.length === 1 ? vs[0] : new MultipleValues(vs))),
      "call-with-values": prim(2, 2, (p, c) =>
        callWithValues(procedure("call-with-values", p, 0), procedure("call-with-values", c, 1)),
      ),
      "procedure?": prim(1, 1, (x) => typeof x === "function"),
      "make-parameter": prim(1, 2, (value, converter) => {
        // The converter is applied to the initial value by the prelude's wrapper; here both are stored.
        return makeParameter(value, converter as Procedure | undefined);
      }),
    },
  };
  const internal: PrimitiveGroup = {
    library: "termite/internal",
    bindings: {
      "with-guard": prim(2, 2, (body, handler) =>
        withGuard(procedure("guard", body, 0), procedure("guard", handler, 1)),
      ),
      "with-parameter-bindings": prim(3, 3, (params, values, thunk) =>
        withParameterBindings(listToArray(params) as Parameter[], listToArray(values), thunk as Procedure),
      ),
      "parameter?": prim(1, 1, (p) => parameterOf(p) !== undefined),
      "parameter-converter": prim(1, 1, (p) => parameterOf(p)?.converter ?? false),
      "make-promise-record": prim(2, 2, (done, value) => new Promise_(done !== false, value)),
      "promise-record?": prim(1, 1, (p) => p instanceof Promise_),
      "promise-done?": prim(1, 1, (p) => (p as Promise_).done),
      "promise-value": prim(1, 1, (p) => (p as Promise_).value),
      "promise-update!": prim(2, 2, (p, q) => {
        // R7RS: copy the state of `q` into `p`, so every promise of a delay-force chain shares it.
        (p as Promise_).done = (q as Promise_).done;
        (p as Promise_).value = (q as Promise_).value;
        return undefined;
      }),
      "multiple-values->list": prim(1, 1, (v) =>
        v instanceof MultipleValues ? list([...v.values]) : list([v]),
      ),
    },
  };
  return [base, internal, srfi18Primitives(procedure)];
}
