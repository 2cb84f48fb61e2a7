// ## The node types, read off the declaration
//
// Nothing here names a field: each kind's interface is computed from `CORE_NODES`, so adding a
// kind or a field there changes the types everywhere.

import type { SourceLocation } from "@termite/datum";
import type { CORE_NODES, FieldShape, NodeKind } from "./declaration.js";

/** A local variable: one per binding occurrence, compared by identity. */
export interface Variable {
  /** The name as written, for messages and debugging only. */
  readonly name: string;
  /** Unique within one expansion; stable for the same source (used in printed forms). */
  readonly id: number;
  /** True when some `set!` assigns it: a back end that captures it must box it. */
  assigned: boolean;
}

/** The TypeScript type of each field shape. */
export interface FieldValue {
  datum: unknown;
  string: string;
  "name?": string | undefined;
  variable: Variable;
  binders: readonly Variable[];
  "binder | null": Variable | null;
  bindings: readonly (readonly [Variable, Node])[];
  node: Node;
  "node | undefined": Node | undefined;
  nodes: readonly Node[];
  lambdas: readonly Lambda[];
  "variable-ref": LocalRef | GlobalRef;
}

type Declared<K extends NodeKind> = (typeof CORE_NODES)[K][number];

/** Shapes whose key may be left out. */
type OptionalShape = "name?";

type Flatten<T> = { [P in keyof T]: T[P] };

/** The node of kind `K`: `kind`, optional `loc`, and its declared fields. */
export type NodeOf<K extends NodeKind> = Flatten<
  { readonly kind: K; readonly loc?: SourceLocation | undefined } & {
    readonly [F in Declared<K> as F[1] extends OptionalShape ? never : F[0]]: FieldValue[F[1]];
  } & {
    readonly [F in Declared<K> as F[1] extends OptionalShape ? F[0] : never]?: FieldValue[F[1]];
  }
>;

/** Any core node. */
export type Node = { [K in NodeKind]: NodeOf<K> }[NodeKind];

/** What a field of shape `S` holds (for code generic over shapes). */
export type ValueOfShape<S extends FieldShape> = FieldValue[S];

export type Quote = NodeOf<"quote">;
export type LocalRef = NodeOf<"local">;
export type GlobalRef = NodeOf<"global">;
/** `(set! x v)`. */
export type Assign = NodeOf<"set">;
export type Define = NodeOf<"define">;
export type If = NodeOf<"if">;
export type Lambda = NodeOf<"lambda">;
export type CaseLambda = NodeOf<"case-lambda">;
/** `(begin …)`. */
export type Sequence = NodeOf<"begin">;
export type Let = NodeOf<"let">;
export type Letrec = NodeOf<"letrec">;
export type Call = NodeOf<"call">;
