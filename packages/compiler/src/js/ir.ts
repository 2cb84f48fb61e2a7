// ## The intermediate form between the core language and JavaScript text
//
// One procedure's body is a tree of statements over expressions. Expressions never call Scheme
// code, so they cannot unwind; every Scheme call that can is a statement of its own (`call`,
// `tail-call`, `self-tail`), which is where control points live. Locals are objects, not names:
// liveness (liveness.ts) and frame layouts (frame-layout.ts) read this structure, and render.ts
// turns it into JavaScript last. Nothing here knows how a local, a cell or a call is spelt in JS.

import type { Lambda, Node, Variable } from "@termite/core";
import type { SourceLocation } from "@termite/datum";
import type { LambdaContext } from "./options.js";

// ## Locals

/**
 * A JS local of one procedure: a Scheme variable, a temporary, or the procedure itself. `order` is
 * its place in declaration order, which is the order a frame lists the live values in.
 */
export type Local =
  | { readonly kind: "variable"; readonly order: number; readonly variable: Variable }
  | { readonly kind: "temp"; readonly order: number; readonly temp: number }
  | { readonly kind: "self"; readonly order: number };

// ## Expressions

/** The runtime's functions an open-coded primitive falls back to (they never call Scheme code). */
export type RuntimeHelper = "add2" | "sub2" | "mul2" | "negate" | "lt2" | "gt2" | "le2" | "ge2" | "numEq2";
/** The runtime's checked operations open-coded primitives call (an error on a wrong type). */
export type RuntimeAccessor = "car" | "cdr" | "isZero" | "vectorRef";

/** A JS operator an open-coded fast path uses on operands already known to be numbers. */
export type Operator = "+" | "-" | "<" | ">" | "<=" | ">=" | "===";

/** What a fast path checks of an operand before using a JS operator on it. */
export interface Check {
  readonly kind: "number" | "small-integer";
  readonly value: Expr;
}

export type Expr =
  /** A value with a JS literal: booleans, numbers, `null` (the empty list), `undefined`. */
  | { readonly k: "literal"; readonly value: boolean | number | null | undefined }
  /** A quoted value without one, by index in the unit's constants. */
  | { readonly k: "constant"; readonly index: number }
  | { readonly k: "local"; readonly local: Local }
  /** The value in a box (a variable both captured and assigned). */
  | { readonly k: "unbox"; readonly local: Local }
  /** A new box holding `value`. */
  | { readonly k: "box"; readonly value: Expr }
  /** A global's value, an error when unbound. */
  | { readonly k: "global"; readonly cell: number }
  /** A constant procedure global (block compilation): held in a module variable, no check. */
  | { readonly k: "constant-global"; readonly cell: number }
  /** The runtime's marker for a letrec variable not yet initialised. */
  | { readonly k: "unassigned" }
  /** A new closure of procedure `code` over `free` (in its `$free` order). */
  | { readonly k: "closure"; readonly code: ClosureCode; readonly free: readonly Expr[] }
  | {
      readonly k: "case-lambda";
      readonly name: string;
      readonly clauses: readonly { readonly min: number; readonly rest: boolean; readonly make: Expr }[];
    }
  /** `test` as a Scheme condition (anything but `#f` is true): `yes` when it holds, else `no`. */
  | { readonly k: "conditional"; readonly test: Expr; readonly yes: Expr; readonly no: Expr }
  /** `checks ? fast : slow`: an open-coded primitive's fast path on small numbers. */
  | { readonly k: "fast-path"; readonly checks: readonly Check[]; readonly fast: Expr; readonly slow: Expr }
  | { readonly k: "operator"; readonly op: Operator; readonly left: Expr; readonly right: Expr }
  /** A runtime helper called on values; `site` indexes the call-site positions when known. */
  | {
      readonly k: "helper";
      readonly fn: RuntimeHelper | RuntimeAccessor;
      readonly args: readonly Expr[];
      readonly site: Site;
    }
  /** A pure primitive's JS function, called directly (by index in the unit's primitives). */
  | {
      readonly k: "primitive";
      readonly primitive: number;
      readonly args: readonly Expr[];
      readonly site: Site;
    }
  /** A JS test giving a JS boolean, which is also the Scheme boolean. */
  | { readonly k: "is"; readonly test: "null" | "false" | "pair"; readonly value: Expr }
  | { readonly k: "cons"; readonly car: Expr; readonly cdr: Expr }
  /** The closure a script's known procedure global was defined with (a module variable). */
  | { readonly k: "known-closure"; readonly cell: number }
  /** True while global `cell` holds `value` (this very procedure, or a known global's closure). */
  | { readonly k: "holds"; readonly cell: number; readonly value: Expr };

/** A call site's index in the unit's positions (`undefined` when the node had none). */
export type Site = number | undefined;

/** How a closure finds its procedure's factory: by index in this unit, or by id in the unit that made it. */
export type ClosureCode = { readonly index: number } | { readonly id: string };

export const UNSPECIFIED: Expr = { k: "literal", value: undefined };

// ## Calls

/** Which JS function a Scheme call enters (callee choice is lower.ts's). */
export type Callee =
  /** This procedure's entry without the argument-count check. */
  | { readonly k: "body" }
  /** This procedure, checked. */
  | { readonly k: "self" }
  /** A script procedure calling itself: `body` while its global still holds it, else the global. */
  | { readonly k: "self-while-held"; readonly cell: number }
  /** A known procedure of the unit with its argument count: its unchecked entry (guarded by the cell in scripts). */
  | { readonly k: "known"; readonly cell: number; readonly constant: boolean }
  | { readonly k: "constant-global"; readonly cell: number }
  | { readonly k: "global"; readonly cell: number }
  /** Any value: checked to be a procedure. */
  | { readonly k: "value"; readonly fn: Expr };

// ## Statements

export type Stmt =
  | { readonly k: "assign"; readonly target: Local; readonly value: Expr }
  /** Stores into the box `box` holds. */
  | { readonly k: "set-box"; readonly box: Local; readonly value: Expr }
  | { readonly k: "set-global"; readonly cell: number; readonly value: Expr }
  | { readonly k: "define"; readonly cell: number; readonly value: Expr; readonly binding: DefineBinding }
  /** Evaluates `value` for its effects (or its errors). */
  | { readonly k: "effect"; readonly value: Expr }
  /** A non-tail Scheme call: its result goes to `target`; `cp` is its control point (none without frames). */
  | {
      readonly k: "call";
      readonly cp: number | undefined;
      readonly target: Local;
      readonly callee: Callee;
      readonly args: readonly Expr[];
      readonly site: Site;
    }
  | { readonly k: "return"; readonly value: Expr }
  | { readonly k: "tail-call"; readonly callee: Callee; readonly args: readonly Expr[]; readonly site: Site }
  /** A self tail call: a jump back to the top of the procedure's loop with new arguments. */
  | { readonly k: "self-tail"; readonly args: readonly Expr[] }
  /** Runs `yes` when `test` holds (as a Scheme condition), else `no`. */
  | { readonly k: "if"; readonly test: Expr; readonly yes: readonly Stmt[]; readonly no: readonly Stmt[] };

/**
 * What a top-level definition also keeps beside the global's cell: nothing (`plain`), the value as
 * a constant (`constant`, block compilation), and for a known procedure its unchecked entry.
 */
export interface DefineBinding {
  readonly constant: boolean;
  readonly known: boolean;
}

export type CallStmt = Stmt & { readonly k: "call" };

// ## Procedures and units

/** One lambda, lowered. */
export interface ProcedureIR {
  /** Its code index in the unit (`$mkN`, `$CN`, `$RN`). */
  readonly index: number;
  readonly id: string;
  /** The name the lambda was given (`undefined` for the unit's own code, which backtraces show by position only). */
  readonly name: string | undefined;
  /** Whether this is the unit's own code (the thunk that runs its top level). */
  readonly unitCode: boolean;
  readonly node: Lambda;
  /** Captured values, in `$free` order. */
  readonly free: readonly Local[];
  readonly self: Local;
  readonly params: readonly Local[];
  readonly rest: Local | null;
  /** Parameters stored in boxes on entry. */
  readonly boxedParams: readonly Local[];
  /** Every local, in declaration order. */
  readonly locals: readonly Local[];
  readonly body: readonly Stmt[];
  readonly controlPoints: number;
  /** Whether the procedure has an entry without the argument-count check (`$body`). */
  readonly uncheckedEntry: boolean;
  /** How its resume function is made: written here, made when first needed, or alone (`resumeOnly`). */
  readonly resume: "eager" | "lazy" | "only";
}

/** Everything one unit's text is rendered from. */
export interface UnitIR {
  readonly module: string;
  readonly unit: string;
  /** In code-index order. */
  readonly procedures: readonly ProcedureIR[];
  /** Qualified names of the globals, by cell index. */
  readonly globals: readonly string[];
  /** Cells of the globals that are constant procedures (block compilation). */
  readonly constantCells: ReadonlySet<number>;
  /** Cells of the known procedures the code calls without the argument check, in first-use order. */
  readonly knownCells: readonly number[];
  /** Pure primitives called directly: qualified name and whether it is the two-argument entry. */
  readonly primitives: readonly { readonly name: string; readonly binary: boolean }[];
  /** Whether calls have control points and procedures the call budget check (off only to measure their price). */
  readonly frames: boolean;
  /** What the unit's function returns: its thunk, its only code object, or that code's resume function. */
  readonly result: "thunk" | "code" | "resume";
  /** Quoted values without a JS literal, by index. */
  readonly constants: readonly unknown[];
  /** Source positions of call sites, by `Site`. */
  readonly locations: readonly (SourceLocation | undefined)[];
  /** Lambda nodes, by code index (kept beside the code so closures can travel as trees). */
  readonly nodes: readonly (Lambda | Node)[];
  /** Each lambda's code id, name and number of control points, by code index. */
  readonly codes: readonly { id: string; name: string | undefined; controlPoints: number }[];
  /** How each lambda was compiled, by code index: what recompiling it alone needs. */
  readonly contexts: readonly LambdaContext[];
}

// ## Structural queries

/** True when some statement of `body` (branches included) satisfies `test`. */
export function someStmt(body: readonly Stmt[], test: (s: Stmt) => boolean): boolean {
  for (const s of body) {
    if (test(s)) return true;
    if (s.k === "if" && (someStmt(s.yes, test) || someStmt(s.no, test))) return true;
  }
  return false;
}

/** True when `e` can be evaluated twice, or moved, without changing anything (an operand of a fast path). */
export function isAtom(e: Expr): boolean {
  switch (e.k) {
    case "literal":
    case "constant":
    case "local":
    case "unbox":
    case "constant-global":
      return true;
    default:
      return false;
  }
}

/** True when evaluating `e` can neither change anything nor raise an error: in effect position it is left out. */
export function isDroppable(e: Expr): boolean {
  switch (e.k) {
    case "literal":
    case "constant":
    case "local":
    case "unbox":
    case "constant-global":
    case "unassigned":
    case "known-closure":
      return true;
    case "holds":
      return isDroppable(e.value);
    case "box":
      return isDroppable(e.value);
    case "closure":
      return e.free.every(isDroppable);
    case "case-lambda":
      return e.clauses.every((c) => isDroppable(c.make));
    case "conditional":
      return isDroppable(e.test) && isDroppable(e.yes) && isDroppable(e.no);
    case "operator":
      return isDroppable(e.left) && isDroppable(e.right);
    case "is":
      return isDroppable(e.value);
    case "cons":
      return isDroppable(e.car) && isDroppable(e.cdr);
    case "global":
    case "fast-path":
    case "helper":
    case "primitive":
      return false;
  }
}

/** True when evaluating `e` sets a call site (`$at` in generated code): it holds a helper or
 * primitive call with a site, outside an open-coded operation's slow path. */
export function setsSite(e: Expr): boolean {
  switch (e.k) {
    case "helper":
    case "primitive":
      return e.site !== undefined || e.args.some(setsSite);
    case "box":
    case "is":
    case "holds":
      return setsSite(e.value);
    case "closure":
      return e.free.some(setsSite);
    case "case-lambda":
      return e.clauses.some((c) => setsSite(c.make));
    case "conditional":
      return setsSite(e.test) || setsSite(e.yes) || setsSite(e.no);
    case "fast-path":
      // The slow path (bignums, flonums, a type error) is left out: counting it would put
      // `$last` into nearly every call with arithmetic in its arguments (fib's own calls), and it
      // only misplaces an error when that path ran and the call then failed.
      return e.checks.some((c) => setsSite(c.value)) || setsSite(e.fast);
    case "operator":
      return setsSite(e.left) || setsSite(e.right);
    case "cons":
      return setsSite(e.car) || setsSite(e.cdr);
    default:
      return false;
  }
}

/** Calls `read` on each local `e` reads (a box read reads the local holding the box). */
export function forEachRead(e: Expr, read: (local: Local) => void): void {
  switch (e.k) {
    case "local":
    case "unbox":
      read(e.local);
      return;
    case "box":
      forEachRead(e.value, read);
      return;
    case "closure":
      for (const f of e.free) forEachRead(f, read);
      return;
    case "case-lambda":
      for (const c of e.clauses) forEachRead(c.make, read);
      return;
    case "conditional":
      forEachRead(e.test, read);
      forEachRead(e.yes, read);
      forEachRead(e.no, read);
      return;
    case "fast-path":
      for (const c of e.checks) forEachRead(c.value, read);
      forEachRead(e.fast, read);
      forEachRead(e.slow, read);
      return;
    case "operator":
      forEachRead(e.left, read);
      forEachRead(e.right, read);
      return;
    case "helper":
    case "primitive":
      for (const a of e.args) forEachRead(a, read);
      return;
    case "is":
    case "holds":
      forEachRead(e.value, read);
      return;
    case "cons":
      forEachRead(e.car, read);
      forEachRead(e.cdr, read);
      return;
    case "literal":
    case "constant":
    case "global":
    case "constant-global":
    case "unassigned":
    case "known-closure":
      return;
  }
}

/** True when the callee is this procedure's unchecked entry (a resume function reads it from `self`). */
export function entersBody(callee: Callee): boolean {
  return callee.k === "body" || callee.k === "self-while-held";
}

/** Calls `read` on each local choosing `callee` reads: the procedure itself (`self`) for a self call. */
export function forEachCalleeRead(callee: Callee, self: Local, read: (local: Local) => void): void {
  if (callee.k === "value") forEachRead(callee.fn, read);
  else if (callee.k === "body" || callee.k === "self" || callee.k === "self-while-held") read(self);
}

/** True when every path through `body` ends in a return (or a jump back to the loop). */
export function alwaysExits(body: readonly Stmt[]): boolean {
  const last = body[body.length - 1];
  if (last === undefined) return false;
  switch (last.k) {
    case "return":
    case "tail-call":
    case "self-tail":
      return true;
    case "if":
      return alwaysExits(last.yes) && alwaysExits(last.no);
    default:
      return false;
  }
}
