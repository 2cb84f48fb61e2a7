// ## Core language -> the intermediate form
//
// Each lambda becomes a `ProcedureIR`: its body as statements in which every Scheme call that may
// unwind is a statement of its own, numbered (its control point) when frames are on. Lowering
// decides everything about the code but its spelling: which JS function a call enters (callee
// choice), which primitives are written inline (open-code.ts), which calls are loops, which values
// live in boxes, code ids and the order of locals (the order frames list them in).
//
// A node is lowered for a destination: its `value`, its `effect` only, or its return (`tail`).
// Every kind of node is lowered once for the three; `if`, `begin`, `let` pass the destination on.

import type { Call, CaseLambda, Define, If, Lambda, Node, Variable } from "@termite/core";
import type { SourceLocation } from "@termite/datum";
import { type Analysis, isOpenCoded, mayUnwind } from "./analysis.js";
import {
  type Callee,
  type Expr,
  entersBody,
  isAtom,
  isDroppable,
  type Local,
  type ProcedureIR,
  type Site,
  type Stmt,
  someStmt,
  UNSPECIFIED,
  type UnitIR,
} from "./ir.js";
import { type OperandLowering, openCode } from "./open-code.js";
import type { LambdaContext, ProcedureOptions } from "./options.js";

/** How a procedure refers to itself, so that self calls are direct and self tail calls loop. */
export interface SelfName {
  readonly variable?: Variable | undefined;
  readonly global?: string | undefined;
  /** A global that names this procedure unless something redefines it (scripts). */
  readonly redefinable?: string | undefined;
}

/** Lowers a unit's top level (as the body of its own procedure, code index 0). */
export function lowerUnit(body: readonly Node[], options: ProcedureOptions, analysis: Analysis): UnitIR {
  const unit = new UnitBuilder(options, analysis);
  const top: Lambda = {
    kind: "lambda",
    params: [],
    rest: null,
    body:
      body.length === 0
        ? { kind: "quote", value: undefined }
        : body.length === 1
          ? body[0]!
          : { kind: "begin", body },
  };
  new ProcedureBuilder(unit, top, unit.codeId(options.unit), {}, true).build();
  return unit.finish("thunk");
}

/**
 * Lowers one lambda alone, as its unit lowered it (same code id, control points, locals and
 * free-value order), given the context its unit recorded for it.
 */
export function lowerProcedure(
  node: Lambda,
  options: ProcedureOptions,
  context: LambdaContext,
  analysis: Analysis,
): UnitIR {
  const unit = new UnitBuilder(options, analysis);
  const self: SelfName = { variable: context.self, global: context.global, redefinable: context.redefinable };
  new ProcedureBuilder(unit, node, unit.codeId(options.unit), self, context.unitCode === true).build();
  return unit.finish(options.resumeOnly ? "resume" : "code");
}

// ## The unit's tables

/** Shared state of one unit's lowering: the tables the generated code refers to by index. */
class UnitBuilder {
  readonly globals: string[] = [];
  private readonly globalIndex = new Map<string, number>();
  readonly constants: unknown[] = [];
  readonly locations: (SourceLocation | undefined)[] = [];
  readonly nodes: (Lambda | Node)[] = [];
  readonly codes: { id: string; name: string | undefined; controlPoints: number }[] = [];
  readonly contexts: LambdaContext[] = [];
  readonly procedures: ProcedureIR[] = [];
  readonly primitives: { name: string; binary: boolean }[] = [];
  private readonly primitiveIndex = new Map<string, number>();
  /** Cells of the known procedures the code calls unchecked, in first-use order. */
  private readonly known = new Set<number>();
  private readonly usedIds = new Set<string>();
  readonly openCode: boolean;
  readonly controlPoints: boolean;
  readonly lazyResume: boolean;
  readonly resumeOnly: boolean;

  constructor(
    readonly options: ProcedureOptions,
    readonly analysis: Analysis,
  ) {
    this.openCode = options.openCode ?? true;
    this.controlPoints = options.controlPoints ?? true;
    this.lazyResume = options.lazyResume ?? false;
    this.resumeOnly = options.resumeOnly ?? false;
  }

  cell(name: string): number {
    let i = this.globalIndex.get(name);
    if (i === undefined) {
      i = this.globals.length;
      this.globals.push(name);
      this.globalIndex.set(name, i);
    }
    return i;
  }

  /** The cell of a known procedure of this unit, whose unchecked entry the code uses. */
  knownEntry(name: string): number {
    const i = this.cell(name);
    this.known.add(i);
    return i;
  }

  /** The index of a pure primitive's function (its two-argument entry when `binary`). */
  primitive(name: string, binary: boolean): number {
    const key = `${name} ${binary}`;
    let i = this.primitiveIndex.get(key);
    if (i === undefined) {
      i = this.primitives.length;
      this.primitives.push({ name, binary });
      this.primitiveIndex.set(key, i);
    }
    return i;
  }

  /** A quoted value: a literal when JS has one, else an entry of the constants table. */
  constant(value: unknown): Expr {
    if (typeof value === "boolean" || typeof value === "number" || value === null || value === undefined) {
      return { k: "literal", value };
    }
    let index = this.constants.indexOf(value);
    if (index < 0) {
      index = this.constants.length;
      this.constants.push(value);
    }
    return { k: "constant", index };
  }

  site(loc: SourceLocation | undefined): Site {
    if (loc === undefined) return undefined;
    this.locations.push(loc);
    return this.locations.length - 1;
  }

  /** A unique code id: the path asked for, or the path with `~2`, `~3`… when it is taken. */
  codeId(path: string): string {
    let id = path;
    for (let i = 2; this.usedIds.has(id); i++) id = `${path}~${i}`;
    this.usedIds.add(id);
    return id;
  }

  finish(result: UnitIR["result"]): UnitIR {
    const constantCells = new Set<number>();
    this.globals.forEach((g, i) => {
      if (this.analysis.constantProcedures.has(g)) constantCells.add(i);
    });
    return {
      module: this.options.module,
      unit: this.options.unit,
      procedures: this.procedures,
      globals: this.globals,
      constantCells,
      knownCells: [...this.known],
      primitives: this.primitives,
      frames: this.controlPoints,
      result,
      constants: this.constants,
      locations: this.locations,
      nodes: this.nodes,
      codes: this.codes,
      contexts: this.contexts,
    };
  }
}

// ## One procedure

type Destination = "value" | "effect" | "tail";

const UNDEFINED_NODE: Node = { kind: "quote", value: undefined };

/** Lowers one lambda; nested lambdas get builders of their own as they are met. */
class ProcedureBuilder implements OperandLowering {
  private readonly index: number;
  private readonly locals: Local[] = [];
  private readonly variables = new Map<Variable, Local>();
  private readonly self: Local;
  private readonly free: readonly Variable[];
  private temps = 0;
  private controlPoints = 0;
  private lambdas = 0;
  /** The block statements are emitted into. */
  private block: Stmt[] = [];

  constructor(
    private readonly unit: UnitBuilder,
    private readonly node: Lambda,
    private readonly id: string,
    private readonly selfName: SelfName,
    private readonly unitCode: boolean,
  ) {
    this.index = unit.codes.length;
    unit.codes.push({ id, name: node.name, controlPoints: 0 });
    unit.nodes.push(node);
    // A procedure's own letrec name is `$self` inside it, not a captured value.
    this.free = unit.analysis.freeIn(node).filter((v) => v !== selfName.variable);
    unit.contexts.push({
      self: selfName.variable,
      global: selfName.global,
      redefinable: selfName.redefinable,
      ...(unitCode ? { unitCode: true } : {}),
      boxedFree: this.free.flatMap((v, k) => (unit.analysis.boxed.has(v) ? [k] : [])),
    });
    for (const v of this.free) this.variable(v);
    this.self = { kind: "self", order: this.locals.length };
    this.locals.push(this.self);
  }

  /** The free variables of this procedure's closures, in `$free` order. */
  get freeVariables(): readonly Variable[] {
    return this.free;
  }

  build(): ProcedureIR {
    const { node, unit } = this;
    const free = this.free.map((v) => this.variable(v));
    const params = node.params.map((v) => this.variable(v));
    const rest = node.rest ? this.variable(node.rest) : null;
    const body: Stmt[] = [];
    this.block = body;
    this.lower(node.body, "tail");
    unit.codes[this.index]!.controlPoints = this.controlPoints;
    // A known procedure of the unit always has its unchecked entry: other procedures call it.
    const named = this.selfName.global ?? this.selfName.redefinable;
    const known = named !== undefined && unit.analysis.knownProcedures.get(named) === node;
    const uncheckedEntry =
      known || someStmt(body, (s) => (s.k === "call" || s.k === "tail-call") && entersBody(s.callee));
    // A block unit's own resume is always written: it assigns the unit's constants.
    const lazy = unit.lazyResume && (!this.unitCode || !unit.options.block);
    const procedure: ProcedureIR = {
      index: this.index,
      id: this.id,
      name: this.unitCode ? undefined : node.name,
      unitCode: this.unitCode,
      node,
      free,
      self: this.self,
      params,
      rest,
      boxedParams: [...node.params, ...(node.rest ? [node.rest] : [])]
        .filter((v) => unit.analysis.boxed.has(v))
        .map((v) => this.variable(v)),
      locals: this.locals,
      body,
      controlPoints: this.controlPoints,
      uncheckedEntry,
      resume: unit.resumeOnly ? "only" : lazy ? "lazy" : "eager",
    };
    unit.procedures[this.index] = procedure;
    return procedure;
  }

  // ## Locals and statements

  /** The local of a Scheme variable, declared at its first mention. */
  private variable(v: Variable): Local {
    let local = this.variables.get(v);
    if (local === undefined) {
      local = { kind: "variable", order: this.locals.length, variable: v };
      this.locals.push(local);
      this.variables.set(v, local);
    }
    return local;
  }

  private temp(): Local {
    const local: Local = { kind: "temp", order: this.locals.length, temp: this.temps++ };
    this.locals.push(local);
    return local;
  }

  private emit(s: Stmt): void {
    this.block.push(s);
  }

  /** Runs `lower` with statements going to a new block; returns the block and what `lower` returned. */
  private nested(lower: () => Expr): { block: Stmt[]; value: Expr } {
    const saved = this.block;
    const block: Stmt[] = [];
    this.block = block;
    try {
      return { block, value: lower() };
    } finally {
      this.block = saved;
    }
  }

  /** `e` itself when it may be evaluated twice or later, else a temp holding it. */
  atom(e: Expr): Expr {
    if (isAtom(e)) return e;
    const target = this.temp();
    this.emit({ k: "assign", target, value: e });
    return { k: "local", local: target };
  }

  /** Hands a value to its destination: returned for `value`, kept for its effects, or returned from the procedure. */
  private deliver(value: Expr, destination: Destination): Expr {
    if (destination === "tail") this.emit({ k: "return", value });
    else if (destination === "effect" && !isDroppable(value)) this.emit({ k: "effect", value });
    return value;
  }

  // ## Nodes

  private lower(node: Node, destination: Destination): Expr {
    switch (node.kind) {
      case "quote":
        return this.deliver(this.unit.constant(node.value), destination);
      case "local":
        return this.deliver(this.read(node.variable), destination);
      case "global":
        return this.deliver(this.global(node.name), destination);
      case "set":
        this.assign(node.target, this.lower(node.value, "value"));
        return this.deliver(UNSPECIFIED, destination);
      case "define":
        this.define(node);
        return this.deliver(UNSPECIFIED, destination);
      case "if":
        return this.branch(node, destination);
      case "lambda":
        return this.deliver(this.lambda(node, undefined, {}), destination);
      case "case-lambda":
        return this.deliver(this.caseLambda(node, undefined), destination);
      case "begin":
        for (let i = 0; i < node.body.length - 1; i++) this.lower(node.body[i]!, "effect");
        return this.lower(node.body[node.body.length - 1]!, destination);
      case "let":
      case "letrec":
        this.bind(node);
        return this.lower(node.body, destination);
      case "call":
        return this.call(node, destination);
    }
  }

  private read(v: Variable): Expr {
    if (this.selfName.variable === v) return { k: "local", local: this.self };
    const local = this.variable(v);
    return this.unit.analysis.boxed.has(v) ? { k: "unbox", local } : { k: "local", local };
  }

  private global(name: string): Expr {
    if (this.selfName.global === name) return { k: "local", local: this.self };
    if (this.unit.analysis.constantProcedures.has(name))
      return { k: "constant-global", cell: this.unit.cell(name) };
    return { k: "global", cell: this.unit.cell(name) };
  }

  private assign(target: (Node & { kind: "set" })["target"], value: Expr): void {
    if (target.kind === "global") {
      this.emit({ k: "set-global", cell: this.unit.cell(target.name), value });
      return;
    }
    const local = this.variable(target.variable);
    if (this.unit.analysis.boxed.has(target.variable)) this.emit({ k: "set-box", box: local, value });
    else this.emit({ k: "assign", target: local, value });
  }

  private define(node: Define): void {
    const { analysis, options } = this.unit;
    // Top-level procedures are known by their qualified name (within the unit for scripts).
    const constant = analysis.constantProcedures.has(node.name);
    const self: SelfName = constant ? { global: node.name } : { redefinable: node.name };
    const path = options.block ? node.name : `${this.id}/${node.name}`;
    const value =
      node.value.kind === "lambda"
        ? this.lambdaAt(node.value, path, self)
        : node.value.kind === "case-lambda"
          ? this.caseLambda(node.value, undefined, path)
          : this.lower(node.value, "value");
    const cell = this.unit.cell(node.name);
    const known = analysis.knownProcedures.has(node.name);
    if (known) this.unit.knownEntry(node.name);
    this.emit({ k: "define", cell, value, binding: { constant, known } });
  }

  /** `if` for any destination: a conditional expression when neither branch needs statements. */
  private branch(node: If, destination: Destination): Expr {
    const test = this.lower(node.test, "value");
    const then = this.nested(() => this.lower(node.then, destination));
    const otherwise = this.nested(() => this.lower(node.else ?? UNDEFINED_NODE, destination));
    const simple = then.block.length === 0 && otherwise.block.length === 0;
    if (destination === "value") {
      if (simple) return { k: "conditional", test, yes: then.value, no: otherwise.value };
      const target = this.temp();
      then.block.push({ k: "assign", target, value: then.value });
      otherwise.block.push({ k: "assign", target, value: otherwise.value });
      this.emit({ k: "if", test, yes: then.block, no: otherwise.block });
      return { k: "local", local: target };
    }
    if (simple && destination === "effect") return this.deliver(test, "effect");
    this.emit({ k: "if", test, yes: then.block, no: otherwise.block });
    return UNSPECIFIED;
  }

  private bind(node: Node & { kind: "let" | "letrec" }): void {
    const boxed = this.unit.analysis.boxed;
    if (node.kind === "let") {
      for (const [v, init] of node.bindings) {
        const value = this.named(init, v.name, {});
        const target = this.variable(v);
        this.emit({ k: "assign", target, value: boxed.has(v) ? { k: "box", value } : value });
      }
      return;
    }
    for (const [v] of node.bindings) {
      const unassigned: Expr = { k: "unassigned" };
      this.emit({
        k: "assign",
        target: this.variable(v),
        value: boxed.has(v) ? { k: "box", value: unassigned } : unassigned,
      });
    }
    for (const [v, init] of node.bindings) {
      const self: SelfName = !v.assigned && !boxed.has(v) ? { variable: v } : {};
      const value = this.named(init, v.name, self);
      const local = this.variable(v);
      this.emit(boxed.has(v) ? { k: "set-box", box: local, value } : { k: "assign", target: local, value });
    }
  }

  /** An init that may be a lambda known by a name (for ids, backtraces and self calls). */
  private named(init: Node, name: string, self: SelfName): Expr {
    if (init.kind === "lambda") return this.lambda(init, name, self);
    if (init.kind === "case-lambda") return this.caseLambda(init, name);
    return this.lower(init, "value");
  }

  // ## Lambdas

  private lambda(node: Lambda, name: string | undefined, self: SelfName): Expr {
    return this.lambdaAt(node, name ? `${this.id}/${name}` : `${this.id}/lambda${++this.lambdas}`, self);
  }

  private lambdaAt(node: Lambda, path: string, self: SelfName): Expr {
    const id = this.unit.codeId(path);
    if (this.unit.resumeOnly) {
      // The unit made this lambda's code already: its closures come from that code's factory.
      const free = this.unit.analysis.freeIn(node).filter((v) => v !== self.variable);
      return { k: "closure", code: { id }, free: free.map((v) => this.captured(v)) };
    }
    const inner = new ProcedureBuilder(this.unit, node, id, self, false);
    const { index } = inner.build();
    return { k: "closure", code: { index }, free: inner.freeVariables.map((v) => this.captured(v)) };
  }

  /** How this procedure passes `v` to a closure it makes: the box itself when boxed. */
  private captured(v: Variable): Expr {
    return { k: "local", local: this.selfName.variable === v ? this.self : this.variable(v) };
  }

  private caseLambda(node: CaseLambda, name: string | undefined, path?: string): Expr {
    const clauses = node.clauses.map((c, k) => ({
      min: c.params.length,
      rest: c.rest !== null,
      make: path ? this.lambdaAt(c, `${path}/${k}`, {}) : this.lambda(c, name, {}),
    }));
    return { k: "case-lambda", name: node.name ?? name ?? "case-lambda", clauses };
  }

  // ## Calls

  site(loc: SourceLocation | undefined): Site {
    return this.unit.site(loc);
  }

  primitive(name: string, binary: boolean): number {
    return this.unit.primitive(name, binary);
  }

  /** Evaluates operands left to right: an operand is held in a temp when a later one may unwind. */
  operands(nodes: readonly Node[]): Expr[] {
    let lastUnwinding = -1;
    nodes.forEach((n, i) => {
      if (mayUnwind(n, this.unit.openCode)) lastUnwinding = i;
    });
    return nodes.map((n, i) => {
      const e = this.lower(n, "value");
      return i < lastUnwinding ? this.atom(e) : e;
    });
  }

  private call(node: Call, destination: Destination): Expr {
    const { unit } = this;
    if (isOpenCoded(node, unit.openCode)) return this.deliver(openCode(node, this), destination);
    const fn = node.fn;
    const self = this.selfName;
    const selfCall =
      (fn.kind === "local" && self.variable === fn.variable) ||
      (fn.kind === "global" && self.global === fn.name);
    // A call with this procedure's own argument count can enter it without the check, or loop.
    const fits = !this.node.rest && node.args.length === this.node.params.length;
    // A script's procedure may be redefined while it runs: its self calls are direct only while
    // the global still holds this very closure.
    const held = fn.kind === "global" && self.redefinable === fn.name && fits;
    const tail = destination === "tail";
    if (tail && held) {
      const args = this.operands(node.args).map((a) => this.atom(a));
      const cell = unit.cell(fn.name);
      const site = unit.site(node.loc);
      this.emit({
        k: "if",
        test: { k: "holds", cell, value: { k: "local", local: this.self } },
        yes: [{ k: "self-tail", args }],
        no: [{ k: "tail-call", callee: { k: "global", cell }, args, site }],
      });
      return UNSPECIFIED;
    }
    if (tail && selfCall && fits) {
      this.emit({ k: "self-tail", args: this.operands(node.args) });
      return UNSPECIFIED;
    }
    let callee: Callee;
    let args: Expr[];
    if (fn.kind === "global" && !selfCall) {
      args = this.operands(node.args);
      callee = this.globalCallee(fn.name, args.length, held);
    } else if (selfCall) {
      args = this.operands(node.args);
      callee = fits ? { k: "body" } : { k: "self" };
    } else {
      const all = this.operands([fn, ...node.args]);
      callee = { k: "value", fn: all[0]! };
      args = all.slice(1);
    }
    const site = unit.site(node.loc);
    if (tail) {
      this.emit({ k: "tail-call", callee, args, site });
      return UNSPECIFIED;
    }
    const target = this.temp();
    const cp = unit.controlPoints ? this.controlPoints++ : undefined;
    this.emit({ k: "call", cp, target, callee, args, site });
    return this.deliver({ k: "local", local: target }, destination);
  }

  /** Which entry a call through global `name` with `count` arguments takes (after its operands are lowered). */
  private globalCallee(name: string, count: number, held: boolean): Callee {
    const { analysis } = this.unit;
    // A script's procedure calls itself directly while its global still holds it.
    if (held) return { k: "self-while-held", cell: this.unit.cell(name) };
    // A procedure of this unit, called with its argument count: its entry without the check.
    if (analysis.knownProcedures.get(name)?.params.length === count) {
      return {
        k: "known",
        cell: this.unit.knownEntry(name),
        constant: analysis.constantProcedures.has(name),
      };
    }
    if (analysis.constantProcedures.has(name)) return { k: "constant-global", cell: this.unit.cell(name) };
    return { k: "global", cell: this.unit.cell(name) };
  }
}
