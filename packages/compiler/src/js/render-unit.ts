// ## The intermediate form -> JavaScript text: procedures and the unit around them
//
// Each procedure N is written as a factory `$mkN(free…)` returning its fast function, a resume
// function `$RN(frame, value)` and a code object `$CN` (frame code and closure code at once).
// The fast function is the body as lowered; a self tail call is a jump back to `$loop`. The resume
// function has one `case` per control point: it restores the frame's values and runs the rest of
// the top-level statement holding that call site (copied into the case; it only runs on
// resumption), then the body's remaining top-level statements from `$pc`, written once and entered
// by fall-through, so the text stays linear in the number of top-level statements.

import { COMPILER_ABI } from "./abi.js";
import { type FrameLayouts, frameLayouts } from "./frame-layout.js";
import {
  alwaysExits,
  type CallStmt,
  type Local,
  type ProcedureIR,
  type Stmt,
  someStmt,
  type UnitIR,
} from "./ir.js";
import {
  localName,
  names,
  procedureProperties,
  RUNTIME_NAMES,
  runtimeLocal,
  type StatementContext,
  statements,
} from "./render.js";

/** The body of the unit's module function (see `MODULE_PARAMETERS`). */
export function renderUnit(ir: UnitIR): string {
  // Strict mode: V8 gives sloppy functions that read `arguments` a mapped arguments object;
  // in-memory units (`new Function`) measured 3–10% faster strict. ES module files are strict anyway.
  const lines: string[] = ['"use strict";'];
  lines.push(
    `// Termite compiled unit ${JSON.stringify(ir.unit)} of ${JSON.stringify(ir.module)}, ABI ${COMPILER_ABI}`,
  );
  lines.push(`const { ${RUNTIME_NAMES.map((n) => `${n}: ${runtimeLocal(n)}`).join(", ")} } = $rt;`);
  ir.globals.forEach((_, i) => {
    lines.push(`const ${names.cell(i)} = $cells[${i}];`);
  });
  ir.primitives.forEach(({ name, binary }, i) => {
    lines.push(`const ${names.primitive(i)} = $primitive(${JSON.stringify(name)}, ${binary});`);
  });
  for (const i of ir.constantCells) {
    lines.push(`let ${names.constantGlobal(i)} = $unboundProcedure(${names.cell(i)});`);
  }
  // `$P` starts as an object no cell holds, so a script's call takes the global until the
  // definition has run.
  if (ir.knownCells.some((i) => !ir.constantCells.has(i))) lines.push("const $none = {};");
  for (const i of ir.knownCells) {
    lines.push(
      ir.constantCells.has(i)
        ? `let ${names.knownEntry(i)} = ${names.constantGlobal(i)};`
        : `let ${names.knownClosure(i)} = $none, ${names.knownEntry(i)};`,
    );
  }
  for (const p of ir.procedures) procedure(ir, p, lines);
  const result =
    ir.result === "thunk" ? `${names.factory(0)}()` : ir.result === "code" ? names.code(0) : names.resume(0);
  lines.push(`const $unit = ${result};`);
  lines.push(
    procedureProperties.unitCodes(
      "$unit",
      ir.procedures.map((p) => names.code(p.index)),
    ),
  );
  lines.push("return $unit;");
  return lines.join("\n");
}

/** The name backtraces show for `p`: none for the unit's own code (its lines show the position only). */
function backtraceName(p: ProcedureIR): string {
  return p.unitCode ? "undefined" : JSON.stringify(p.name ?? "lambda");
}

function procedure(ir: UnitIR, p: ProcedureIR, lines: string[]): void {
  const layouts = ir.frames ? frameLayouts(p) : undefined;
  // The factory and its fast function; a resume function made alone needs neither.
  if (p.resume !== "only") factory(ir, p, layouts, lines);
  if (p.resume === "lazy") {
    lines.push(codeObject(ir, p, "null"));
    return;
  }
  resumeFunction(p, layouts, lines);
  lines.push(
    p.resume === "only"
      ? `const ${names.code(p.index)} = $meta.code;`
      : codeObject(ir, p, names.resume(p.index)),
  );
}

/** The code object: frame code and closure code at once. */
function codeObject(ir: UnitIR, p: ProcedureIR, resume: string): string {
  const i = p.index;
  const ref = `{ module: ${JSON.stringify(ir.module)}, id: ${JSON.stringify(p.id)}, hash: $meta.hash }`;
  const name = p.name === undefined ? "undefined" : JSON.stringify(p.name);
  return `const ${names.code(i)} = { ref: ${ref}, name: ${name}, node: $NODES[${i}], resume: ${resume}, make: ${names.factory(i)} };`;
}

// ## The factory and the fast function

function factory(ir: UnitIR, p: ProcedureIR, layouts: FrameLayouts | undefined, lines: string[]): void {
  const name = backtraceName(p);
  const params = p.params.map(localName);
  const rest = p.rest === null ? null : localName(p.rest);
  const n = params.length;
  // With a rest parameter the JS function takes `...$args`: the Scheme parameters are locals.
  const argList = rest === null ? params.join(", ") : "...$args";
  const argArray = rest === null ? `[${params.join(", ")}]` : "$args";
  const loops = someStmt(p.body, (s) => s.k === "self-tail");
  const calls = someStmt(p.body, (s) => s.k === "call" || s.k === "tail-call" || s.k === "self-tail");
  const outer = new Set<Local>([...p.free, p.self, ...(rest === null ? p.params : [])]);
  const inner = p.locals.filter((l) => !outer.has(l)).map(localName);
  if (loops) for (let j = 0; j < n; j++) inner.push(names.loopArgument(j));

  lines.push(`function ${names.factory(p.index)}(${p.free.map(localName).join(", ")}) {`);
  const arityCheck = `if (arguments.length !== ${n}) return $arity(${name}, "${n}", arguments.length);`;
  if (p.uncheckedEntry) {
    // The entry without the argument-count check, `$body`, is for calls whose count is known
    // here; `$self`, the procedure as a value, checks and enters it.
    lines.push(`  const $self = function (${argList}) {`);
    lines.push(`    ${arityCheck}`);
    lines.push(`    return $body(${argList});`);
    lines.push("  };");
    lines.push(`  const $body = function (${argList}) {`);
  } else {
    lines.push(`  const $self = function (${argList}) {`);
    lines.push(
      rest === null
        ? `    ${arityCheck}`
        : `    if ($args.length < ${n}) return $arity(${name}, "at least ${n}", $args.length);`,
    );
  }
  lines.push(`    let $at = -1, $last${inner.map((x) => `, ${x}`).join("")};`);
  lines.push("    try {");
  lines.push(loops ? "      $loop: for (;;) {" : "      {");
  // A procedure that calls nothing (primitives aside) and does not loop returns at once: it needs
  // no budget check, since its caller's check already bounds the stack and the time slice.
  if (ir.frames && calls)
    lines.push(`        if (--$M.budget < 0) return $unwindAndCall($self, ${argArray});`);
  if (rest !== null) {
    params.forEach((x, k) => {
      lines.push(`        ${x} = $args[${k}];`);
    });
    lines.push(`        ${rest} = $list($args.slice(${n}));`);
  }
  if (p.boxedParams.length > 0) {
    lines.push(
      `        ${p.boxedParams.map((l) => `${localName(l)} = new $Box(${localName(l)});`).join(" ")}`,
    );
  }
  const cx: StatementContext = { mode: "fast", index: p.index, params: p.params, layouts };
  statements(p.body, cx, "        ", lines);
  lines.push("      }");
  lines.push(`    } catch ($e) { $noteCallSite($e, ${name}, $LOC[$at]); throw $e; }`);
  lines.push("  };");
  const attached = procedureProperties.attach(
    "$self",
    names.code(p.index),
    p.uncheckedEntry ? "$body" : undefined,
    p.free.map(localName),
  );
  for (const line of attached) lines.push(`  ${line}`);
  lines.push("  return $self;");
  lines.push("}");
}

// ## The resume function

/** A control point's call, the top-level statement holding it, and what follows it there. */
interface Continuation {
  readonly call: CallStmt;
  readonly top: number;
  readonly rest: readonly Stmt[];
}

/** Every control point's continuation within its top-level statement, by control point. */
function continuations(body: readonly Stmt[]): Map<number, Continuation> {
  const found = new Map<number, Continuation>();
  body.forEach((stmt, top) => {
    const walk = (block: readonly Stmt[], after: readonly (readonly [readonly Stmt[], number])[]): void => {
      block.forEach((s, i) => {
        if (s.k === "call" && s.cp !== undefined) {
          const rest = block.slice(i + 1);
          for (const [outer, from] of after) rest.push(...outer.slice(from));
          found.set(s.cp, { call: s, top, rest });
        } else if (s.k === "if") {
          const outer = [[block, i + 1] as const, ...after];
          walk(s.yes, outer);
          walk(s.no, outer);
        }
      });
    };
    walk([stmt], []);
  });
  return found;
}

function resumeFunction(p: ProcedureIR, layouts: FrameLayouts | undefined, lines: string[]): void {
  const i = p.index;
  const name = backtraceName(p);
  const cx: StatementContext = { mode: "resume", index: i, params: p.params, layouts };
  const sites = [...continuations(p.body).values()].sort((a, b) => a.call.cp! - b.call.cp!);
  // A statement follows many call sites: render it once.
  const rendered = new Map<Stmt, string[]>();
  const render = (s: Stmt): string[] => {
    let text = rendered.get(s);
    if (text === undefined) {
      text = [];
      statements([s], cx, "        ", text);
      rendered.set(s, text);
    }
    return text;
  };
  // The top-level statements the `$pc` switch resumes at.
  const targets = new Set<number>();
  const cases: string[] = [];
  for (const { call, top, rest } of sites) {
    const slots = layouts?.get(call.cp!) ?? [];
    const restore = slots.map((l, j) => `${localName(l)} = $s[${j}];`);
    if (p.uncheckedEntry && slots.includes(p.self))
      restore.push(`$body = ${procedureProperties.body("$self")};`);
    cases.push(`      case ${call.cp}: {`);
    if (restore.length > 0) cases.push(`        ${restore.join(" ")}`);
    cases.push(`        ${localName(call.target)} = $v;`);
    for (const s of rest) cases.push(...render(s));
    if (!alwaysExits(rest)) {
      targets.add(top + 1);
      cases.push(`        $pc = ${top + 1};`);
      cases.push("        break;");
    }
    cases.push("      }");
  }
  const declared = [...(targets.size > 0 ? ["$pc"] : []), ...p.locals.map(localName)];
  if (p.uncheckedEntry) declared.push("$body");
  lines.push(`function ${names.resume(i)}($f, $v) {`);
  lines.push("  const $s = $f.values;");
  lines.push(`  let $at = -1, $last${declared.map((x) => `, ${x}`).join("")};`);
  lines.push("  try {");
  lines.push("    switch ($f.cp) {");
  lines.push(...cases);
  lines.push(
    `      default: throw new Error("internal: no control point " + $f.cp + " in " + ${names.code(i)}.ref.id);`,
  );
  lines.push("    }");
  if (targets.size > 0) {
    lines.push("    switch ($pc) {");
    const first = Math.min(...targets);
    p.body.forEach((s, k) => {
      if (targets.has(k)) lines.push(`      case ${k}:`);
      if (k >= first) statements([s], cx, "      ", lines);
    });
    lines.push("    }");
  }
  lines.push(`  } catch ($e) { $noteCallSite($e, ${name}, $LOC[$at]); throw $e; }`);
  lines.push("}");
}
