// ## Builders and guards
//
// `make.lambda({ params, rest, body })` checks each declared field's shape (one level: children
// must be nodes, not valid subtrees; `validate` checks whole trees) and lays the properties out in
// declared order, so every node of a kind has the same hidden class and the walkers' property
// reads stay monomorphic.

import type { SourceLocation } from "@termite/datum";
import { CORE_NODES, type NodeKind } from "./declaration.js";
import type { Node, NodeOf } from "./nodes.js";
import { CoreShapeError, checkField } from "./validate.js";

/** A builder's argument: the node without its `kind`. */
export type FieldsOf<K extends NodeKind> = Omit<NodeOf<K>, "kind">;

/** One builder per kind. */
export type Builders = { readonly [K in NodeKind]: (fields: FieldsOf<K>) => NodeOf<K> };

function builder<K extends NodeKind>(kind: K): (fields: FieldsOf<K>) => NodeOf<K> {
  const declared = CORE_NODES[kind];
  return (fields) => {
    const given = fields as unknown as Record<string, unknown>;
    const out: Record<string, unknown> = { kind };
    for (const [name, shape] of declared) {
      const value = given[name];
      checkField(`${kind}.${name}`, shape, value, false);
      if (value !== undefined || shape !== "name?") out[name] = value;
    }
    out.loc = fields.loc as SourceLocation | undefined;
    for (const key of Object.keys(given))
      if (key !== "loc" && !declared.some(([name]) => name === key))
        throw new CoreShapeError(
          `${kind}: no field named ${key} (fields: ${declared.map(([n]) => n).join(", ")})`,
        );
    return out as unknown as NodeOf<K>;
  };
}

/** Node builders, one per kind: `make.call({ fn, args, loc })`. */
export const make: Builders = Object.fromEntries(
  (Object.keys(CORE_NODES) as NodeKind[]).map((kind) => [kind, builder(kind)]),
) as unknown as Builders;

/** True when `node` is of `kind` (narrows its type). */
export function isKind<K extends NodeKind>(node: Node, kind: K): node is Extract<Node, { kind: K }> {
  return node.kind === kind;
}

/** True for a node that names a variable (what `set!` may assign). */
export function isVariableRef(node: Node): node is NodeOf<"local"> | NodeOf<"global"> {
  return node.kind === "local" || node.kind === "global";
}

/** True for a procedure-making node. */
export function isProcedure(node: Node): node is NodeOf<"lambda"> | NodeOf<"case-lambda"> {
  return node.kind === "lambda" || node.kind === "case-lambda";
}
