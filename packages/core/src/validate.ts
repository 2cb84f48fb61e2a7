// ## The validator
//
// Checks that a value is a well-formed core tree, field by field as declared. For trees that did
// not come from the expander: decoded from the wire, built by hand in tests, or made by a new
// pass. An error names the path to the bad field from the root (`body[2].then.args[0]`) and, when
// known, the source position of the nearest node that has one.

import type { SourceLocation } from "@termite/datum";
import { CORE_NODES, type FieldShape, isNodeKind } from "./declaration.js";
import type { Node } from "./nodes.js";

/** A value that is not the core tree it was taken for. */
export class CoreShapeError extends Error {
  override readonly name = "CoreShapeError";
}

function describe(x: unknown): string {
  if (x === undefined) return "nothing";
  if (x === null) return "null";
  if (Array.isArray(x)) return "an array";
  if (typeof x === "object") {
    const kind = (x as { kind?: unknown }).kind;
    return kind === undefined ? "an object without a kind" : `a node of kind ${String(kind)}`;
  }
  return `${typeof x} ${String(x)}`;
}

function where(loc: SourceLocation | undefined): string {
  return loc === undefined ? "" : ` (at ${loc.file ?? "?"}:${loc.line}:${loc.column})`;
}

/** True for an object with a declared node kind (its fields are not checked). */
export function isNode(x: unknown): x is Node {
  return typeof x === "object" && x !== null && isNodeKind((x as { kind?: unknown }).kind);
}

function isVariable(x: unknown): boolean {
  if (typeof x !== "object" || x === null) return false;
  const v = x as { name?: unknown; id?: unknown; assigned?: unknown };
  return (
    typeof v.name === "string" &&
    Number.isSafeInteger(v.id) &&
    (v.id as number) >= 0 &&
    typeof v.assigned === "boolean"
  );
}

interface Context {
  readonly deep: boolean;
  readonly loc: SourceLocation | undefined;
}

function fail(path: string, expected: string, got: unknown, cx: Context): never {
  throw new CoreShapeError(`${path}: expected ${expected}, got ${describe(got)}${where(cx.loc)}`);
}

function checkNode(x: unknown, path: string, cx: Context): void {
  if (!isNode(x)) fail(path, "a core node", x, cx);
  if (!cx.deep) return;
  const node = x as Node & { loc?: SourceLocation };
  const inner: Context = { deep: true, loc: node.loc ?? cx.loc };
  for (const [name, shape] of CORE_NODES[node.kind])
    checkShape(shape, (node as unknown as Record<string, unknown>)[name], `${path}.${name}`, inner);
}

function checkVariable(x: unknown, path: string, cx: Context): void {
  if (!isVariable(x)) fail(path, "a variable {name, id (an integer >= 0), assigned}", x, cx);
}

function checkArray(x: unknown, path: string, cx: Context, each: (y: unknown, p: string) => void): void {
  if (!Array.isArray(x)) fail(path, "an array", x, cx);
  (x as unknown[]).forEach((y, i) => {
    each(y, `${path}[${i}]`);
  });
}

function checkShape(shape: FieldShape, x: unknown, path: string, cx: Context): void {
  switch (shape) {
    case "datum":
      return;
    case "string":
      if (typeof x !== "string") fail(path, "a string", x, cx);
      return;
    case "name?":
      if (x !== undefined && typeof x !== "string") fail(path, "a string or nothing", x, cx);
      return;
    case "variable":
      return void checkVariable(x, path, cx);
    case "binders":
      return void checkArray(x, path, cx, (y, p) => checkVariable(y, p, cx));
    case "binder | null":
      if (x !== null) checkVariable(x, path, cx);
      return;
    case "bindings":
      return void checkArray(x, path, cx, (y, p) => {
        if (!Array.isArray(y) || y.length !== 2) fail(p, "a [variable, node] pair", y, cx);
        checkVariable(y[0], `${p}[0]`, cx);
        checkNode(y[1], `${p}[1]`, cx);
      });
    case "node":
      return void checkNode(x, path, cx);
    case "node | undefined":
      if (x !== undefined) checkNode(x, path, cx);
      return;
    case "nodes":
      return void checkArray(x, path, cx, (y, p) => checkNode(y, p, cx));
    case "lambdas":
      return void checkArray(x, path, cx, (y, p) => {
        if (!isNode(y) || y.kind !== "lambda") fail(p, "a lambda node", y, cx);
        checkNode(y, p, cx);
      });
    case "variable-ref":
      if (!isNode(x) || (x.kind !== "local" && x.kind !== "global"))
        fail(path, "a local or global node", x, cx);
      return void checkNode(x, path, cx);
  }
}

/** Checks one field of a node under construction (its children are checked one level deep only). */
export function checkField(path: string, shape: FieldShape, value: unknown, deep: boolean): void {
  checkShape(shape, value, path, { deep, loc: undefined });
}

/** Throws a `CoreShapeError` unless `x` is a well-formed core tree; `path` names the root in messages. */
export function validate(x: unknown, path = "node"): asserts x is Node {
  checkNode(x, path, { deep: true, loc: undefined });
}
