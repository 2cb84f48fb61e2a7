// ## What a Scheme procedure carries: the travelling-code contract
//
// A Scheme procedure is a plain JS function called with its Scheme arguments. What makes it data
// as well — so the wire can send it and a receiver rebuild it — is one record in one symbol-keyed
// slot, declared here and nowhere else: its code object and free values, or what a special kind
// of procedure is made of (a continuation's frames and dynamic environment, a parameter's value
// and converter…). The runtime, both back ends and the wire read and write it only through the
// accessors below; nobody recognises a procedure by the names or the number of its properties.
//
// Why a slot and not a side table: measured in benchmarks/procedure-slot.bench.mjs (figures in
// benchmarks/README.md): a WeakMap costs 10–15x more to make a closure and 3.5x more to read.
// The slot's key is `Symbol.for`, so the ESM and CJS builds of this package agree on it.

import type { CodeReference, FrameStack } from "./code.js";
import { sharedClass } from "./shared.js";
import type { RecordType } from "./values.js";

/**
 * Any Scheme procedure, as JS sees it. The parameters are `any[]` because a primitive's JS
 * function declares the argument types it checks (`(pair: Pair) => …`), which `unknown[]` rejects.
 */
export type Procedure = (...args: any[]) => unknown;

/** The key of the slot; the version in the name changes if the records' layout ever does. */
export const PROCEDURE_SLOT: unique symbol = Symbol.for("@termite/datum/procedure@1") as never;

/**
 * The code object of a procedure made from Scheme source, named by `ref` (unit or module, id,
 * source hash), with the `lambda` it was made from when it has one. The JS back end's code objects
 * are also the `ResumableCode` of its frames; the interpreter's frames have code of their own.
 */
export interface ProcedureCode {
  /** The symbolic name of this code; `undefined` for code that cannot travel. */
  readonly ref: CodeReference | undefined;
  /** The lambda's core tree (the expander's node), when the code was made from one. */
  readonly node?: object | undefined;
}

// ### Boxes and dynamic environments

class BoxImpl {
  constructor(
    /** The current value of the assigned variable. */
    public v: unknown,
  ) {}
}
/**
 * Where compiled code keeps a variable that is both captured and assigned, shared by the
 * closures and frames that use it: a box travels as one object, so sharing survives.
 */
export const Box = sharedClass("Box", BoxImpl);
export type Box = BoxImpl;

/** One active `dynamic-wind`: its thunks and the environment they run in. */
export interface Winder {
  readonly before: Procedure;
  readonly after: Procedure;
  /** The environment of the `dynamic-wind` call: `before` and `after` run in it. */
  readonly outer: DynamicEnvironment;
  readonly next: Winder | null;
  readonly depth: number;
}

/** One installed exception handler. */
export interface HandlerNode {
  readonly handler: Procedure;
  readonly next: HandlerNode | null;
}

/** One `parameterize` binding. */
export interface ParameterBinding {
  readonly parameter: object;
  readonly value: unknown;
  readonly next: ParameterBinding | null;
}

class DynamicEnvironmentImpl {
  constructor(
    readonly winders: Winder | null,
    readonly handlers: HandlerNode | null,
    readonly parameters: ParameterBinding | null,
  ) {}
}
/**
 * Winders, exception handlers and parameter bindings, as immutable lists: what a continuation
 * captures besides its frames, and travels with it.
 */
export const DynamicEnvironment = sharedClass("DynamicEnvironment", DynamicEnvironmentImpl);
export type DynamicEnvironment = DynamicEnvironmentImpl;

// ### The records, one per kind

/** A procedure of the interpreter: its lambda's code and the environment it closes over. */
export interface InterpretedClosure<C extends ProcedureCode = ProcedureCode> {
  readonly kind: "interpreted";
  readonly code: C;
  readonly environment: readonly unknown[];
}

/** A procedure of the JS back end: its code and free values (boxes for assigned ones) in order. */
export interface CompiledClosure<C extends ProcedureCode = ProcedureCode> {
  readonly kind: "compiled";
  readonly code: C;
  readonly free: readonly unknown[];
}

/** A first-class continuation: its frames (innermost first) and its dynamic environment. */
export interface Continuation {
  readonly kind: "continuation";
  readonly frames: FrameStack | null;
  readonly dynamic: DynamicEnvironment;
}

/** A parameter object: its global value (settable, as Gambit allows) and its converter. */
export interface Parameter {
  readonly kind: "parameter";
  value: unknown;
  readonly converter: Procedure | undefined;
}

/** The exception handler `guard` installs: the guard's continuation and its clauses' procedure. */
export interface GuardHandler {
  readonly kind: "guard-handler";
  readonly continuation: Procedure;
  readonly clauses: Procedure;
}

/** A `case-lambda`: the first clause whose arity fits is applied. */
export interface CaseLambda {
  readonly kind: "case-lambda";
  readonly name: string;
  readonly clauses: readonly Procedure[];
}

/** A procedure made by `record-constructor` and friends: enough to make it again elsewhere. */
export interface RecordProcedure {
  readonly kind: "record-procedure";
  readonly role: "constructor" | "predicate" | "accessor" | "modifier";
  readonly type: RecordType;
  /** The constructor's fields in argument order; the accessor's or modifier's one field. */
  readonly fields: readonly number[];
  readonly name: string;
}

/** A runtime primitive, known on every node by its qualified name (`scheme/base#car`). */
export interface Primitive {
  readonly kind: "primitive";
  readonly name: string;
}

/** Everything a procedure may carry. */
export type Carried =
  | InterpretedClosure
  | CompiledClosure
  | Continuation
  | Parameter
  | GuardHandler
  | CaseLambda
  | RecordProcedure
  | Primitive;

/**
 * A compiled closure's slot holds its code followed by its free values, in one array: the closure
 * then costs the one allocation its free values did before (a record plus an array measured
 * 10–25 ns more per closure made). Every other kind holds its record.
 */
type CompiledSlot = readonly [ProcedureCode, ...unknown[]];
type Slot = Carried | CompiledSlot;

// ### Accessors

/** Gives `f` its record; returns `f`. Made once, when the procedure is made. */
export function carry<F extends Procedure>(f: F, record: Exclude<Carried, CompiledClosure>): F {
  (f as unknown as Record<symbol, Slot>)[PROCEDURE_SLOT] = record;
  return f;
}

/**
 * What generated code stores in the slot of a compiled closure: `[code, ...free]`. The JS back
 * end writes the array itself (`f[PROCEDURE_SLOT] = [code, a, b]`); TS code calls this.
 */
export function carryCompiled<F extends Procedure>(f: F, code: ProcedureCode, free: readonly unknown[]): F {
  (f as unknown as Record<symbol, Slot>)[PROCEDURE_SLOT] = [code, ...free];
  return f;
}

function slotOf(f: unknown): Slot | undefined {
  return typeof f === "function"
    ? (f as unknown as Record<symbol, Slot | undefined>)[PROCEDURE_SLOT]
    : undefined;
}

/** What `f` carries, or `undefined` for a plain JS function (a host function cannot travel). */
export function carried(f: unknown): Carried | undefined {
  const slot = slotOf(f);
  if (slot === undefined || !Array.isArray(slot)) return slot as Carried | undefined;
  const [code, ...free] = slot as CompiledSlot;
  return { kind: "compiled", code, free };
}

/** The kind of procedure `f` is, without building its record. */
export function procedureKind(f: unknown): Carried["kind"] | undefined {
  const slot = slotOf(f);
  if (slot === undefined) return undefined;
  return Array.isArray(slot) ? "compiled" : (slot as Carried).kind;
}

/** The record of `f` when it is of kind `kind`. */
function ofKind<K extends Exclude<Carried["kind"], "compiled">>(
  f: unknown,
  kind: K,
): Extract<Carried, { kind: K }> | undefined {
  const slot = slotOf(f);
  return slot !== undefined && !Array.isArray(slot) && (slot as Carried).kind === kind
    ? (slot as Extract<Carried, { kind: K }>)
    : undefined;
}

/** The code object of an interpreted or compiled closure (what the back ends made it from). */
export function procedureCode<C extends ProcedureCode = ProcedureCode>(f: unknown): C | undefined {
  const slot = slotOf(f);
  if (slot === undefined) return undefined;
  if (Array.isArray(slot)) return slot[0] as C;
  return (slot as Carried).kind === "interpreted" ? ((slot as InterpretedClosure).code as C) : undefined;
}

export function compiledClosure<C extends ProcedureCode = ProcedureCode>(
  f: unknown,
): CompiledClosure<C> | undefined {
  const slot = slotOf(f);
  if (slot === undefined || !Array.isArray(slot)) return undefined;
  const [code, ...free] = slot as CompiledSlot;
  return { kind: "compiled", code: code as C, free };
}

export function interpretedClosure<C extends ProcedureCode = ProcedureCode>(
  f: unknown,
): InterpretedClosure<C> | undefined {
  return ofKind(f, "interpreted") as InterpretedClosure<C> | undefined;
}

export function continuationOf(f: unknown): Continuation | undefined {
  return ofKind(f, "continuation");
}

export function parameterOf(f: unknown): Parameter | undefined {
  return ofKind(f, "parameter");
}

export function guardHandlerOf(f: unknown): GuardHandler | undefined {
  return ofKind(f, "guard-handler");
}

export function caseLambdaOf(f: unknown): CaseLambda | undefined {
  return ofKind(f, "case-lambda");
}

export function recordProcedureOf(f: unknown): RecordProcedure | undefined {
  return ofKind(f, "record-procedure");
}

export function primitiveOf(f: unknown): Primitive | undefined {
  return ofKind(f, "primitive");
}

/** The reference of the code `f` runs, when it has one that can travel. */
export function procedureReference(f: unknown): CodeReference | undefined {
  return procedureCode(f)?.ref;
}
