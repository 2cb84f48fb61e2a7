// ## The run-time helpers generated code calls, beside the runtime's own exports
//
// Kept small so V8 inlines them into the compiled procedures.

import { Box, list, Pair, PROCEDURE_SLOT, type Procedure } from "@termite/datum";
import {
  add2,
  arityError,
  car,
  cdr,
  type GlobalCell,
  ge2,
  gt2,
  isZero,
  le2,
  lt2,
  machine,
  makeCaseLambda,
  mul2,
  negate,
  noteCallSite,
  numEq2,
  pushFrame,
  schemeError,
  sub2,
  // A letrec variable before its init has run: the runtime's object, which the serializer knows.
  UNASSIGNED,
  UNBOUND,
  UNWIND,
  unboundVariable,
  unwindAndCall,
  vectorRef,
} from "@termite/runtime";
import { PURE_PRIMITIVES } from "./analysis.js";
import type { RuntimeName } from "./render.js";

function notAProcedure(f: unknown): never {
  return schemeError(undefined, "attempt to call a non-procedure", f);
}

/** The callee of a call through a local: a procedure, or a Scheme error. */
function fn(f: unknown): Procedure {
  return typeof f === "function" ? (f as Procedure) : notAProcedure(f);
}

/** The callee of a call through a global cell. */
function gfn(cell: GlobalCell): Procedure {
  const f = cell.value;
  if (typeof f === "function") return f as Procedure;
  return f === UNBOUND ? unboundVariable(cell.name) : notAProcedure(f);
}

/** Reads a global. */
function gv(cell: GlobalCell): unknown {
  const v = cell.value;
  return v === UNBOUND ? unboundVariable(cell.name) : v;
}

/** `set!` of a global: it must be defined already. */
function gset(cell: GlobalCell, v: unknown): void {
  if (cell.value === UNBOUND) unboundVariable(cell.name);
  cell.value = v;
}

/** The procedure a `case-lambda` makes, from the generated `[min, rest, procedure]` clauses. */
function caseLambda(name: string, clauses: [number, boolean, Procedure][]): Procedure {
  return makeCaseLambda(
    name,
    clauses.map(([min, rest, procedure]) => ({ min, rest, procedure })),
  );
}

/** What a constant procedure global holds before its definition has run. */
function unboundProcedure(cell: GlobalCell): Procedure {
  return () => unboundVariable(cell.name);
}

/** A pure primitive's JS function, for direct calls (its two-argument entry when it has one). */
function primitive(name: string, binary: boolean): Procedure {
  const spec = PURE_PRIMITIVES.get(name);
  if (spec === undefined) throw new Error(`internal: no pure primitive ${name} in this runtime`);
  return (binary ? (spec.binary ?? spec.fn) : spec.fn) as Procedure;
}

/** Everything generated code receives as `$rt`. */
export const runtimeSupport: Readonly<Record<RuntimeName, unknown>> = {
  UNWIND,
  UNBOUND,
  machine,
  pushFrame,
  unwindAndCall,
  noteCallSite,
  add2,
  sub2,
  mul2,
  negate,
  lt2,
  gt2,
  le2,
  ge2,
  numEq2,
  car,
  cdr,
  isZero,
  vectorRef,
  Pair,
  list,
  fn,
  gfn,
  gv,
  gset,
  arity: arityError,
  caseLambda,
  unboundProcedure,
  UNASSIGNED,
  primitive,
  Box,
  PROCEDURE_SLOT,
};
