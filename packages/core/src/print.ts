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
import { type CoreModule, isCoreModule } from "./module.js";
import type { Node, Variable } from "./nodes.js";
import { type Handlers, visit, walk } from "./visit.js";

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
  const out: string[] = [];
  visit(node, printer, localNames(node), out);
  return out.join("");
}

/** Which locals need their id to be told apart. */
function localNames(node: Node): Map<Variable, string> {
  const byName = new Map<string, Set<Variable>>();
  const note = (v: Variable) => {
    let s = byName.get(v.name);
    if (s === undefined) byName.set(v.name, (s = new Set()));
    s.add(v);
  };
  walk(node, { binder: note, local: (n) => note(n.variable) });
  const out = new Map<Variable, string>();
  for (const [name, vars] of byName)
    for (const v of vars) out.set(v, vars.size > 1 || name.includes("#") ? `${name}.${v.id}` : name);
  return out;
}

function selfEvaluating(value: unknown): boolean {
  return !(value instanceof Sym || value instanceof Pair || value === null || Array.isArray(value));
}

type Names = Map<Variable, string>;

function emitBody(body: Node, names: Names, out: string[]): void {
  for (const n of body.kind === "begin" ? body.body : [body]) {
    out.push(" ");
    visit(n, printer, names, out);
  }
}

function emitFormals(params: readonly Variable[], rest: Variable | null, names: Names, out: string[]): void {
  if (params.length === 0 && rest !== null) {
    out.push(names.get(rest)!);
    return;
  }
  out.push("(");
  out.push(params.map((p) => names.get(p)!).join(" "));
  if (rest !== null) out.push(` . ${names.get(rest)!}`);
  out.push(")");
}

/** `(head child child …)` with each child printed after a space. */
function emitList(head: string, children: readonly Node[], names: Names, out: string[]): void {
  out.push(`(${head}`);
  for (const c of children) {
    out.push(" ");
    visit(c, printer, names, out);
  }
  out.push(")");
}

function emitLet(head: string, node: Node & { kind: "let" | "letrec" }, names: Names, out: string[]): void {
  out.push(`(${head} (`);
  node.bindings.forEach(([v, init], i) => {
    if (i > 0) out.push(" ");
    out.push(`(${names.get(v)!} `);
    visit(init, printer, names, out);
    out.push(")");
  });
  out.push(")");
  emitBody(node.body, names, out);
  out.push(")");
}

const printer: Handlers<void, [Names, string[]]> = {
  quote(node, _names, out) {
    if (node.value === undefined) out.push("#!void");
    else out.push(selfEvaluating(node.value) ? write(node.value) : `'${write(node.value)}`);
  },
  local(node, names, out) {
    out.push(names.get(node.variable)!);
  },
  global(node, _names, out) {
    out.push(node.name);
  },
  set(node, names, out) {
    emitList("set!", [node.target, node.value], names, out);
  },
  define(node, names, out) {
    out.push(`(define ${node.name} `);
    visit(node.value, printer, names, out);
    out.push(")");
  },
  if(node, names, out) {
    emitList(
      "if",
      node.else === undefined ? [node.test, node.then] : [node.test, node.then, node.else],
      names,
      out,
    );
  },
  lambda(node, names, out) {
    out.push("(lambda ");
    emitFormals(node.params, node.rest, names, out);
    emitBody(node.body, names, out);
    out.push(")");
  },
  "case-lambda"(node, names, out) {
    out.push("(case-lambda");
    for (const c of node.clauses) {
      out.push(" (");
      emitFormals(c.params, c.rest, names, out);
      emitBody(c.body, names, out);
      out.push(")");
    }
    out.push(")");
  },
  begin(node, names, out) {
    emitList("begin", node.body, names, out);
  },
  let(node, names, out) {
    emitLet("let", node, names, out);
  },
  letrec(node, names, out) {
    emitLet("letrec*", node, names, out);
  },
  call(node, names, out) {
    out.push("(");
    visit(node.fn, printer, names, out);
    for (const a of node.args) {
      out.push(" ");
      visit(a, printer, names, out);
    }
    out.push(")");
  },
};
