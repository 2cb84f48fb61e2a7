// ## The intermediate form -> JavaScript text: expressions and statements
//
// The last step, and the only one that knows how things are spelt in JS. Nothing here decides
// anything about the code; it writes what lower.ts decided, with the frame layouts of
// frame-layout.ts. Every expression is written as a primary or parenthesised expression, so one
// may stand as an operand of any other without precedence questions. The generated names are
// listed in the README's legend.

import type { Variable } from "@termite/core";
import type { FrameLayouts } from "./frame-layout.js";
import {
  type Callee,
  type Check,
  type ClosureCode,
  type Expr,
  forEachRead,
  type Local,
  type Site,
  type Stmt,
  setsSite,
} from "./ir.js";

// ## Names

/** The runtime values and helpers generated code reaches by name (what `runtimeSupport` holds). */
export const RUNTIME_NAMES = [
  "UNWIND",
  "UNBOUND",
  "machine",
  "pushFrame",
  "unwindAndCall",
  "noteCallSite",
  "add2",
  "sub2",
  "mul2",
  "negate",
  "lt2",
  "gt2",
  "le2",
  "ge2",
  "numEq2",
  "car",
  "cdr",
  "isZero",
  "vectorRef",
  "Pair",
  "list",
  "fn",
  "gfn",
  "gv",
  "gset",
  "arity",
  "caseLambda",
  "unboundProcedure",
  "UNASSIGNED",
  "primitive",
  "Box",
  "PROCEDURE_SLOT",
] as const;

/** The names the generated code expects in its `rt` argument. */
export type RuntimeName = (typeof RUNTIME_NAMES)[number];

/** The local a runtime name is bound to in generated code (`machine` is read often: `$M`). */
export function runtimeLocal(name: RuntimeName): string {
  return name === "machine" ? "$M" : `$${name}`;
}

function isIdentifierCode(c: number, first: boolean): boolean {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return letter || (!first && c >= 48 && c <= 57);
}

/** Variables' JS names, made once each (a local is named wherever it is read). */
const variableNames = new WeakMap<Variable, string>();

/** A Scheme variable's JS name: its name with every other character made `_`, and its unique id. */
function variableName(v: Variable): string {
  const known = variableNames.get(v);
  if (known !== undefined) return known;
  let name = "";
  for (let i = 0; i < v.name.length; i++) {
    name += isIdentifierCode(v.name.charCodeAt(i), false) ? v.name[i] : "_";
  }
  if (name === "" || !isIdentifierCode(name.charCodeAt(0), true)) name = `_${name}`;
  const result = `${name}_${v.id}`;
  variableNames.set(v, result);
  return result;
}

export function localName(l: Local): string {
  switch (l.kind) {
    case "variable":
      return variableName(l.variable);
    case "temp":
      return `$t${l.temp}`;
    case "self":
      return "$self";
  }
}

export const names = {
  cell: (i: number) => `$c${i}`,
  constantGlobal: (i: number) => `$G${i}`,
  knownClosure: (i: number) => `$P${i}`,
  knownEntry: (i: number) => `$B${i}`,
  primitive: (i: number) => `$p${i}`,
  factory: (i: number) => `$mk${i}`,
  code: (i: number) => `$C${i}`,
  resume: (i: number) => `$R${i}`,
  loopArgument: (j: number) => `$a${j}`,
  constant: (i: number) => `$K[${i}]`,
} as const;

// ## Procedure properties
//
// What a closure carries for the serializer and for other procedures: its code object, its free
// values, its entry without the argument-count check. This section is the only place generated
// code sets or reads them.

export const procedureProperties = {
  /** The statements a factory runs to equip closure `self` before returning it. */
  attach(self: string, code: string, body: string | undefined, free: readonly string[]): string[] {
    // What travels (datum's procedure contract): the code, then the free values, in one slot.
    const lines = [`${self}[$PROCEDURE_SLOT] = [${[code, ...free].join(", ")}];`];
    if (body !== undefined) lines.push(`${self}.$body = ${body};`);
    return lines;
  },
  /** Procedure `p`'s unchecked entry, which it has when it is known to (a resume function's `$body`). */
  body: (p: string) => `${p}.$body`,
  /** Procedure `p`'s unchecked entry when it has one, else `p` itself. */
  entry: (p: string) => `${p}.$body ?? ${p}`,
  /** The statement that lists a unit's code objects on its thunk (for the linker). */
  unitCodes: (unit: string, codes: readonly string[]) => `${unit}.$codes = [${codes.join(", ")}];`,
} as const;

// ## Expressions

function literal(value: boolean | number | null | undefined): string {
  if (value === null) return "null";
  if (typeof value === "number" && Object.is(value, -0)) return "-0";
  return String(value);
}

/** `$at = k, ` before an operation that may raise an error, so its backtrace names the call site. */
function at(site: Site): string {
  return site === undefined ? "" : `$at = ${site}, `;
}

function closureFactory(code: ClosureCode): string {
  return "index" in code ? names.factory(code.index) : `$meta.codes.get(${JSON.stringify(code.id)}).make`;
}

function check(c: Check): string {
  const x = expr(c.value);
  return c.kind === "number" ? `typeof ${x} === "number"` : `typeof ${x} === "number" && (${x} | 0) === ${x}`;
}

export function expr(e: Expr): string {
  switch (e.k) {
    case "literal":
      return literal(e.value);
    case "constant":
      return names.constant(e.index);
    case "local":
      return localName(e.local);
    case "unbox":
      return `${localName(e.local)}.v`;
    case "box":
      return `new $Box(${expr(e.value)})`;
    case "global":
      return `$gv(${names.cell(e.cell)})`;
    case "constant-global":
      return names.constantGlobal(e.cell);
    case "known-closure":
      return names.knownClosure(e.cell);
    case "unassigned":
      return "$UNASSIGNED";
    case "closure":
      return `${closureFactory(e.code)}(${e.free.map(expr).join(", ")})`;
    case "case-lambda": {
      const clauses = e.clauses.map((c) => `[${c.min}, ${c.rest}, ${expr(c.make)}]`);
      return `$caseLambda(${JSON.stringify(e.name)}, [${clauses.join(", ")}])`;
    }
    case "conditional":
      return `(${expr(e.test)} !== false ? ${expr(e.yes)} : ${expr(e.no)})`;
    case "fast-path":
      return `(${e.checks.map(check).join(" && ")} ? ${expr(e.fast)} : ${expr(e.slow)})`;
    case "operator":
      return `(${expr(e.left)} ${e.op} ${expr(e.right)})`;
    case "helper":
      return `(${at(e.site)}${runtimeLocal(e.fn)}(${argumentsAt(e.args, e.site)}))`;
    case "primitive":
      return `(${at(e.site)}${names.primitive(e.primitive)}(${argumentsAt(e.args, e.site)}))`;
    case "is":
      switch (e.test) {
        case "null":
          return `(${expr(e.value)} === null)`;
        case "false":
          return `(${expr(e.value)} === false)`;
        case "pair":
          return `(${expr(e.value)} instanceof $Pair)`;
      }
      break;
    case "cons":
      return `new $Pair(${expr(e.car)}, ${expr(e.cdr)})`;
    case "holds":
      return `(${names.cell(e.cell)}.value === ${expr(e.value)})`;
  }
  throw new Error(`internal: no rendering for ${(e as Expr).k}`);
}

/** `if` test text: a Scheme condition compares with `#f`; a JS test already gives a boolean. */
function condition(test: Expr, holds = true): string {
  if (test.k === "is" || test.k === "holds") return holds ? expr(test) : `!${expr(test)}`;
  return `${expr(test)} ${holds ? "!==" : "==="} false`;
}

function callee(c: Callee): string {
  switch (c.k) {
    case "body":
      return "$body";
    case "self":
      return "$self";
    case "self-while-held": {
      const cell = names.cell(c.cell);
      return `${cell}.value === $self ? $body : $gfn(${cell})`;
    }
    case "known": {
      if (c.constant) return names.knownEntry(c.cell);
      const cell = names.cell(c.cell);
      return `${cell}.value === ${names.knownClosure(c.cell)} ? ${names.knownEntry(c.cell)} : $gfn(${cell})`;
    }
    case "constant-global":
      return names.constantGlobal(c.cell);
    case "global":
      return `$gfn(${names.cell(c.cell)})`;
    case "value":
      return `$fn(${expr(c.fn)})`;
  }
}

/**
 * A Scheme call. `$at` names the call's site when the callee raises; an argument that calls
 * something with a site of its own (an inline `(list 2 3)`) moves it, so then the site is set
 * again after the arguments (`argumentsAt`).
 */
function call(c: Callee, args: readonly Expr[], site: Site): string {
  return `(${at(site)}${callee(c)})(${argumentsAt(args, site)})`;
}

/** The arguments of a call at `site`, the last one setting `$at` back when an argument moved it. */
function argumentsAt(args: readonly Expr[], site: Site): string {
  const rendered = args.map(expr);
  if (site !== undefined && args.some(setsSite)) {
    const last = rendered.length - 1;
    rendered[last] = `($last = ${rendered[last]}, $at = ${site}, $last)`;
  }
  return rendered.join(", ");
}

// ## Statements

/** What statements are rendered for: the fast function, or the resume function (no loop there). */
export interface StatementContext {
  readonly mode: "fast" | "resume";
  /** The procedure's code index (`$CN` in frames). */
  readonly index: number;
  /** Its parameters, which a self tail call assigns before jumping back. */
  readonly params: readonly Local[];
  /** Frame slots by control point; absent when frames are off. */
  readonly layouts: FrameLayouts | undefined;
}

/** Writes `stmts` as lines indented by `indent`, onto `out`. */
export function statements(
  stmts: readonly Stmt[],
  cx: StatementContext,
  indent: string,
  out: string[],
): void {
  for (const s of stmts) statement(s, cx, indent, out);
}

function statement(s: Stmt, cx: StatementContext, ind: string, out: string[]): void {
  switch (s.k) {
    case "assign":
      out.push(`${ind}${localName(s.target)} = ${expr(s.value)};`);
      return;
    case "set-box":
      out.push(`${ind}${localName(s.box)}.v = ${expr(s.value)};`);
      return;
    case "set-global":
      out.push(`${ind}$gset(${names.cell(s.cell)}, ${expr(s.value)});`);
      return;
    case "define": {
      const cell = names.cell(s.cell);
      const value = expr(s.value);
      const { constant, known } = s.binding;
      if (!constant && !known) {
        out.push(`${ind}${cell}.value = ${value};`);
        return;
      }
      // The value is also kept in a module variable: the constant itself, or a known procedure's
      // closure, beside its unchecked entry.
      const held = constant ? names.constantGlobal(s.cell) : names.knownClosure(s.cell);
      const entry = known ? ` ${names.knownEntry(s.cell)} = ${procedureProperties.entry(held)};` : "";
      out.push(`${ind}${held} = ${value};${entry} ${cell}.value = ${held};`);
      return;
    }
    case "effect":
      out.push(`${ind}${expr(s.value)};`);
      return;
    case "call": {
      const target = localName(s.target);
      out.push(`${ind}${target} = ${call(s.callee, s.args, s.site)};`);
      const slots = s.cp === undefined ? undefined : cx.layouts?.get(s.cp);
      if (slots !== undefined) {
        const frame = `$pushFrame(${names.code(cx.index)}, ${s.cp}, [${slots.map(localName).join(", ")}])`;
        out.push(`${ind}if (${target} === $UNWIND) return ${frame};`);
      }
      return;
    }
    case "return":
      out.push(`${ind}return ${expr(s.value)};`);
      return;
    case "tail-call":
      out.push(`${ind}return ${call(s.callee, s.args, s.site)};`);
      return;
    case "self-tail":
      selfTail(s.args, cx, ind, out);
      return;
    case "if": {
      if (s.yes.length === 0) {
        // Only the alternative does something (`(if (done?) #f (work))` for its effect).
        out.push(`${ind}if (${condition(s.test, false)}) {`);
        statements(s.no, cx, `${ind}  `, out);
        out.push(`${ind}}`);
        return;
      }
      // A chain of ifs in else branches (a long `cond`) is written flat, as `else if`: nesting it
      // would indent each clause further and grow the text quadratically.
      let branch: Stmt & { k: "if" } = s;
      out.push(`${ind}if (${condition(branch.test)}) {`);
      for (;;) {
        statements(branch.yes, cx, `${ind}  `, out);
        const next: Stmt | undefined = branch.no.length === 1 ? branch.no[0] : undefined;
        if (next?.k === "if") {
          branch = next;
          out.push(`${ind}} else if (${condition(branch.test)}) {`);
          continue;
        }
        if (branch.no.length > 0) {
          out.push(`${ind}} else {`);
          statements(branch.no, cx, `${ind}  `, out);
        }
        break;
      }
      out.push(`${ind}}`);
      return;
    }
  }
}

/**
 * A self tail call: assigns the parameters as if at once and jumps back. An argument that reads a
 * parameter goes through `$aN` first; one that reads none is assigned directly.
 */
function selfTail(args: readonly Expr[], cx: StatementContext, ind: string, out: string[]): void {
  if (cx.mode === "resume") {
    // A resume function has no loop: it calls the procedure afresh.
    out.push(`${ind}return $self(${args.map(expr).join(", ")});`);
    return;
  }
  const params = new Set(cx.params);
  const readsParameter = (e: Expr) => {
    let found = false;
    forEachRead(e, (l) => {
      if (params.has(l)) found = true;
    });
    return found;
  };
  const held: number[] = [];
  const direct: number[] = [];
  args.forEach((a, j) => {
    if (a.k === "local" && a.local === cx.params[j]) return;
    if (readsParameter(a)) {
      out.push(`${ind}${names.loopArgument(j)} = ${expr(a)};`);
      held.push(j);
    } else direct.push(j);
  });
  for (const j of direct) out.push(`${ind}${localName(cx.params[j]!)} = ${expr(args[j]!)};`);
  for (const j of held) out.push(`${ind}${localName(cx.params[j]!)} = ${names.loopArgument(j)};`);
  out.push(`${ind}continue $loop;`);
}
