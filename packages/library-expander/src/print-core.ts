// ## Printing core
//
// The readable form of an expansion, one top-level node per line, as in the ELS'20 paper:
//
//     (declare (block))
//     (supply-module gitlab.com/zoo/cats@2.0)
//     (demand-module github.com/fred/hello@1.0)
//     (namespace ("gitlab.com/zoo/cats@2.0#") ("" define) ("github.com/fred/hello@1.0#" hi))
//     (define gitlab.com/zoo/cats@2.0#main (lambda () (github.com/fred/hello@1.0#hi "lion") ...))
//
// A local prints as its name, or as `name.id` when another local of the same top-level form has
// the same name. `letrec` nodes print as `letrec*`, which is what they mean.

import { MString, Pair, Sym, write } from "@termite/datum";
import type { CoreModule, Node, Variable } from "./core.js";

function isCoreModule(x: CoreModule | Node): x is CoreModule {
  return (x as CoreModule).body !== undefined && (x as CoreModule).namespace !== undefined;
}

/** The printed form of a module (several lines) or of one node (one line). */
export function printCore(unit: CoreModule | Node): string {
  if (!isCoreModule(unit)) return printNode(unit);
  const lines: string[] = [];
  if (unit.block) lines.push("(declare (block))");
  if (unit.supplies !== null) lines.push(`(supply-module ${unit.supplies})`);
  for (const d of unit.demands) lines.push(`(demand-module ${d})`);
  const rules = unit.namespace.map((r) => {
    const names = (r.names ?? []).map(([from, to]) => (from === to ? from : `(${from} ${to})`));
    return `(${[write(new MString(r.prefix)), ...names].join(" ")})`;
  });
  lines.push(`(namespace ${rules.join(" ")})`);
  for (const node of unit.body) lines.push(printNode(node));
  return `${lines.join("\n")}\n`;
}

function printNode(node: Node): string {
  const names = localNames(node);
  const out: string[] = [];
  emit(node, names, out);
  return out.join("");
}

/** Which locals need their id to be told apart. */
function localNames(node: Node): Map<Variable, string> {
  const byName = new Map<string, Set<Variable>>();
  const visit = (v: Variable) => {
    let s = byName.get(v.name);
    if (s === undefined) byName.set(v.name, (s = new Set()));
    s.add(v);
  };
  walk(node, visit);
  const out = new Map<Variable, string>();
  for (const [name, vars] of byName)
    for (const v of vars) out.set(v, vars.size > 1 || name.includes("#") ? `${name}.${v.id}` : name);
  return out;
}

function walk(node: Node, visit: (v: Variable) => void): void {
  switch (node.kind) {
    case "quote":
    case "global":
      return;
    case "local":
      visit(node.variable);
      return;
    case "set":
      walk(node.target, visit);
      walk(node.value, visit);
      return;
    case "define":
      walk(node.value, visit);
      return;
    case "if":
      walk(node.test, visit);
      walk(node.then, visit);
      if (node.else !== undefined) walk(node.else, visit);
      return;
    case "lambda":
      for (const p of node.params) visit(p);
      if (node.rest !== null) visit(node.rest);
      walk(node.body, visit);
      return;
    case "case-lambda":
      for (const c of node.clauses) walk(c, visit);
      return;
    case "begin":
      for (const n of node.body) walk(n, visit);
      return;
    case "let":
    case "letrec":
      for (const [v, init] of node.bindings) {
        visit(v);
        walk(init, visit);
      }
      walk(node.body, visit);
      return;
    case "call":
      walk(node.fn, visit);
      for (const a of node.args) walk(a, visit);
      return;
  }
}

function selfEvaluating(value: unknown): boolean {
  return !(value instanceof Sym || value instanceof Pair || value === null || Array.isArray(value));
}

function emitBody(body: Node, names: Map<Variable, string>, out: string[]): void {
  if (body.kind === "begin")
    for (const n of body.body) {
      out.push(" ");
      emit(n, names, out);
    }
  else {
    out.push(" ");
    emit(body, names, out);
  }
}

function emitFormals(
  params: readonly Variable[],
  rest: Variable | null,
  names: Map<Variable, string>,
  out: string[],
): void {
  if (params.length === 0 && rest !== null) {
    out.push(names.get(rest)!);
    return;
  }
  out.push("(");
  out.push(params.map((p) => names.get(p)!).join(" "));
  if (rest !== null) out.push(` . ${names.get(rest)!}`);
  out.push(")");
}

function emit(node: Node, names: Map<Variable, string>, out: string[]): void {
  switch (node.kind) {
    case "quote":
      if (node.value === undefined) out.push("#!void");
      else out.push(selfEvaluating(node.value) ? write(node.value) : `'${write(node.value)}`);
      return;
    case "local":
      out.push(names.get(node.variable)!);
      return;
    case "global":
      out.push(node.name);
      return;
    case "set":
      out.push("(set! ");
      emit(node.target, names, out);
      out.push(" ");
      emit(node.value, names, out);
      out.push(")");
      return;
    case "define":
      out.push(`(define ${node.name} `);
      emit(node.value, names, out);
      out.push(")");
      return;
    case "if":
      out.push("(if ");
      emit(node.test, names, out);
      out.push(" ");
      emit(node.then, names, out);
      if (node.else !== undefined) {
        out.push(" ");
        emit(node.else, names, out);
      }
      out.push(")");
      return;
    case "lambda":
      out.push("(lambda ");
      emitFormals(node.params, node.rest, names, out);
      emitBody(node.body, names, out);
      out.push(")");
      return;
    case "case-lambda":
      out.push("(case-lambda");
      for (const c of node.clauses) {
        out.push(" (");
        emitFormals(c.params, c.rest, names, out);
        emitBody(c.body, names, out);
        out.push(")");
      }
      out.push(")");
      return;
    case "begin":
      out.push("(begin");
      for (const n of node.body) {
        out.push(" ");
        emit(n, names, out);
      }
      out.push(")");
      return;
    case "let":
    case "letrec":
      out.push(node.kind === "let" ? "(let (" : "(letrec* (");
      node.bindings.forEach(([v, init], i) => {
        if (i > 0) out.push(" ");
        out.push(`(${names.get(v)!} `);
        emit(init, names, out);
        out.push(")");
      });
      out.push(")");
      emitBody(node.body, names, out);
      out.push(")");
      return;
    case "call":
      out.push("(");
      emit(node.fn, names, out);
      for (const a of node.args) {
        out.push(" ");
        emit(a, names, out);
      }
      out.push(")");
      return;
  }
}
