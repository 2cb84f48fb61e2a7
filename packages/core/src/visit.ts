// ## One walker for every pass
//
// Child enumeration is read off the declaration: a field of shape `node`, `nodes`, `lambdas`,
// `variable-ref`, `node | undefined` or `bindings` holds children, in the declared order (the
// order of evaluation). On top of it, two ways to use it:
//
// - `walk(node, walker)`: depth first, with `enter`/`leave` and per-kind hooks; a hook returns
//   `SKIP` to keep the walk out of that node's children (a pass that handles them itself).
// - `visit(node, handlers, …args)`: a typed dispatch to one handler per kind — every kind must be
//   handled, so adding a kind is a type error in each pass that has to decide what it means.

import { CORE_NODES, type FieldShape, type NodeKind } from "./declaration.js";
import type { Node, NodeOf, Variable } from "./nodes.js";

type Slot = readonly [name: string, shape: FieldShape];

function slotsWhere(test: (shape: FieldShape) => boolean): Readonly<Record<NodeKind, readonly Slot[]>> {
  const out = {} as Record<NodeKind, readonly Slot[]>;
  for (const [kind, fields] of Object.entries(CORE_NODES) as [NodeKind, readonly Slot[]][])
    out[kind] = fields.filter(([, shape]) => test(shape));
  return out;
}

const CHILD_SLOTS = slotsWhere((s) =>
  ["node", "node | undefined", "nodes", "lambdas", "variable-ref", "bindings"].includes(s),
);
const BINDER_SLOTS = slotsWhere((s) => s === "binders" || s === "binder | null" || s === "bindings");

/**
 * Calls `fn` on each child of `node`, in declared (evaluation) order, until it returns `true`;
 * returns whether it did. The one loop over children: the others are written with it, and it
 * allocates nothing, since passes call it once per node.
 */
function someChild(node: Node, fn: (child: Node) => unknown): boolean {
  const slots = CHILD_SLOTS[node.kind];
  for (let i = 0; i < slots.length; i++) {
    const [name, shape] = slots[i]!;
    const value = (node as unknown as Record<string, unknown>)[name];
    switch (shape) {
      case "node":
      case "variable-ref":
        if (fn(value as Node) === true) return true;
        break;
      case "node | undefined":
        if (value !== undefined && fn(value as Node) === true) return true;
        break;
      case "nodes":
      case "lambdas": {
        const children = value as readonly Node[];
        for (let j = 0; j < children.length; j++) if (fn(children[j]!) === true) return true;
        break;
      }
      case "bindings": {
        const bindings = value as readonly (readonly [Variable, Node])[];
        for (let j = 0; j < bindings.length; j++) if (fn(bindings[j]![1]) === true) return true;
        break;
      }
    }
  }
  return false;
}

/** Calls `fn` on each child of `node`, in declared (evaluation) order. */
export function forEachChild(node: Node, fn: (child: Node) => void): void {
  someChild(node, (child) => {
    fn(child);
  });
}

/** The children of `node`, in declared (evaluation) order. */
export function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  forEachChild(node, (c) => out.push(c));
  return out;
}

/** Calls `fn` on each variable `node` binds (parameters, rest parameter, `let`/`letrec` variables). */
export function forEachBinder(node: Node, fn: (variable: Variable) => void): void {
  for (const [name, shape] of BINDER_SLOTS[node.kind]) {
    const value = (node as unknown as Record<string, unknown>)[name];
    if (shape === "binders") for (const v of value as readonly Variable[]) fn(v);
    else if (shape === "binder | null") {
      if (value !== null) fn(value as Variable);
    } else for (const [v] of value as readonly (readonly [Variable, Node])[]) fn(v);
  }
}

/** Returned by a `walk` hook: do not walk this node's children. */
export const SKIP: unique symbol = Symbol("skip");

// biome-ignore lint/suspicious/noConfusingVoidType: hooks written as `(n) => note(n)` return void
type HookResult = typeof SKIP | void;

/** What `walk` calls; every entry is optional. */
export type Walker = {
  /** Before a node's children (and before its per-kind hook). */
  readonly enter?: (node: Node) => HookResult;
  /** After a node's children (also when they were skipped). */
  readonly leave?: (node: Node) => void;
  /** Each variable a node binds, after `enter` and before its children. */
  readonly binder?: (variable: Variable, node: Node) => void;
} & {
  readonly [K in NodeKind]?: (node: NodeOf<K>) => HookResult;
};

/** Depth-first walk of `node` and its descendants. */
export function walk(node: Node, walker: Walker): void {
  // One child callback per walk, not per node.
  const visitChild = (child: Node): void => walkFrom(child, walker, visitChild);
  walkFrom(node, walker, visitChild);
}

function walkFrom(node: Node, walker: Walker, visitChild: (child: Node) => void): void {
  let skip = walker.enter?.(node) === SKIP;
  const hook = walker[node.kind] as ((n: Node) => HookResult) | undefined;
  if (hook !== undefined && hook(node) === SKIP) skip = true;
  if (walker.binder !== undefined) {
    const binder = walker.binder;
    forEachBinder(node, (v) => binder(v, node));
  }
  if (!skip) someChild(node, visitChild);
  walker.leave?.(node);
}

/** True when `test` holds for `node` or a descendant, not looking inside nodes where `into` is false. */
export function someNode(node: Node, test: (node: Node) => boolean, into?: (node: Node) => boolean): boolean {
  const search = (n: Node): boolean => test(n) || ((into === undefined || into(n)) && someChild(n, search));
  return search(node);
}

/** One handler per node kind, each given the node with its own type and the extra arguments. */
export type Handlers<R, A extends unknown[] = []> = {
  readonly [K in NodeKind]: (node: NodeOf<K>, ...args: A) => R;
};

/** Calls the handler for `node`'s kind. */
export function visit<R, A extends unknown[]>(node: Node, handlers: Handlers<R, A>, ...args: A): R {
  return (handlers[node.kind] as (node: Node, ...args: A) => R)(node, ...args);
}
