// ## The core language, declared once
//
// The contract between the expander and the back ends (interpreter and JS compiler). Everything a
// program says is reduced to these few node kinds; derived forms, macros, libraries and namespaces
// are gone by then. Globals are fully qualified (`github.com/fred/hello@1.0#hi`, `#x` for a
// script's own, `scheme/base#car` for the standard libraries); locals are `Variable` objects,
// unique per binding, so back ends never reason about names or hygiene.
//
// `CORE_NODES` below is the only place a node kind is declared. Its TypeScript types (nodes.ts),
// builders and guards (build.ts), the walker (visit.ts), the validator (validate.ts) and the tree
// as data that the wire carries (tree-datum.ts) are all read off it. The order of a kind's fields
// is meaningful: it is the order children are walked in (the order they are evaluated in) and the
// order they are written in the tree as data.

/**
 * What a field holds. The walker, the validator and the tree encoding each know these twelve
 * shapes, and nothing about particular node kinds.
 */
export type FieldShape =
  /** Any Scheme value (a `quote`'s constant). */
  | "datum"
  /** A qualified global name. */
  | "string"
  /** An optional name for messages and backtraces; the key may be absent. */
  | "name?"
  /** A reference to a local variable (not a binding occurrence). */
  | "variable"
  /** Variables bound by this node, in order (a lambda's parameters). */
  | "binders"
  /** One variable bound by this node, or `null` (a lambda's rest parameter). */
  | "binder | null"
  /** Variables bound by this node, each with the node computing its value. */
  | "bindings"
  /** A child node. */
  | "node"
  /** A child node, or `undefined` (an `if` without alternative); the key is always present. */
  | "node | undefined"
  /** Child nodes, in order. */
  | "nodes"
  /** Child nodes that are all `lambda`s (a `case-lambda`'s clauses). */
  | "lambdas"
  /** A child node that is a `local` or a `global` (what `set!` assigns). */
  | "variable-ref";

/** One field of a node kind: its property name and what it holds. */
export type FieldDeclaration = readonly [name: string, shape: FieldShape];

/**
 * Every node kind and its fields, in walking order. Each node also has `kind` and an optional
 * `loc` (where the form it came from was read).
 */
export const CORE_NODES = {
  /** `(quote datum)` and self-evaluating constants; `undefined` is the unspecified value. */
  quote: [["value", "datum"]],
  /** A reference to a local variable. */
  local: [["variable", "variable"]],
  /** A reference to a global, by qualified name. */
  global: [["name", "string"]],
  /** `(set! x v)` on a local or a global. */
  set: [
    ["target", "variable-ref"],
    ["value", "node"],
  ],
  /** A top-level definition of a global. */
  define: [
    ["name", "string"],
    ["value", "node"],
  ],
  /** `else` is `undefined` when the source had no alternative (the value is then unspecified). */
  if: [
    ["test", "node"],
    ["then", "node"],
    ["else", "node | undefined"],
  ],
  /**
   * A procedure with fixed parameters and an optional rest parameter; `name` is the one it is known
   * by when bound by a definition or `let` (unqualified, for backtraces).
   */
  lambda: [
    ["params", "binders"],
    ["rest", "binder | null"],
    ["body", "node"],
    ["name", "name?"],
  ],
  /** `case-lambda`: the first clause whose arity fits is applied. */
  "case-lambda": [
    ["clauses", "lambdas"],
    ["name", "name?"],
  ],
  /** Evaluates `body` in order; the value is the last one's. Never empty. */
  begin: [["body", "nodes"]],
  /** `let`: evaluates the inits in the outer scope, then binds them. */
  let: [
    ["bindings", "bindings"],
    ["body", "node"],
  ],
  /** `letrec*`: binds all variables, then evaluates and assigns each init in order. */
  letrec: [
    ["bindings", "bindings"],
    ["body", "node"],
  ],
  /** A procedure call. */
  call: [
    ["fn", "node"],
    ["args", "nodes"],
  ],
} as const satisfies Record<string, readonly FieldDeclaration[]>;

/** The name of a node kind: `"quote"`, `"lambda"`, `"case-lambda"`, … */
export type NodeKind = keyof typeof CORE_NODES;

/** Every node kind, in declaration order. */
export const NODE_KINDS: readonly NodeKind[] = Object.keys(CORE_NODES) as NodeKind[];

/** The fields of `kind`, in walking order. */
export function fieldsOf(kind: NodeKind): readonly FieldDeclaration[] {
  return CORE_NODES[kind];
}

/** True for the name of a declared node kind. */
export function isNodeKind(x: unknown): x is NodeKind {
  return typeof x === "string" && Object.hasOwn(CORE_NODES, x);
}
