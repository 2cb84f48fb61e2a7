// ## Names of procedures
//
// A lambda bound by a definition or a `let` is given the name it is bound to, which backtraces
// and `write` show.

import type { Node } from "@termite/core";

/** Gives a procedure the name it is defined under, for backtraces. */
export function named(node: Node, name: string): Node {
  if ((node.kind === "lambda" || node.kind === "case-lambda") && node.name === undefined)
    return { ...node, name };
  return node;
}
