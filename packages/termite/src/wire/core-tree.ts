// ## A unit's core syntax tree as data
//
// An interpreted closure or frame travels with the syntax tree of its unit, so the receiver can
// interpret the same tree and find the same code ids. The tree becomes plain Scheme data (vectors,
// symbols, strings, numbers: @termite/core's `treeToDatum`), written as a nested wire message: the
// receiver decodes it only when it does not already hold the unit, and its hash names the unit's
// content across messages.

import { createHash } from "node:crypto";
import type { CodeUnit } from "@termite/compiler";
import { datumToTree, type Node, treeToDatum } from "@termite/core";
import { decodeSync, encode } from "@termite/serializer";

/** A unit ready to travel: its tree as message bytes, and the hash of those bytes. */
export interface PackedUnit {
  readonly bytes: Uint8Array;
  readonly hash: string;
}

const packed = new WeakMap<CodeUnit, PackedUnit>();

/** The unit's tree as bytes, computed once per unit. */
export function packUnit(unit: CodeUnit): PackedUnit {
  let p = packed.get(unit);
  if (p === undefined) {
    const bytes = encode(treeToDatum(unit.node));
    p = { bytes, hash: createHash("sha256").update(bytes).digest("hex").slice(0, 32) };
    packed.set(unit, p);
  }
  return p;
}

/** The tree from bytes made by `packUnit` (a wire message of plain data: no code, no hooks). */
export function unpackTree(bytes: Uint8Array): Node {
  return datumToTree(decodeSync(bytes));
}

/** A unit body (several top-level forms) as bytes; variables shared between forms stay shared. */
export function packBody(body: readonly Node[]): PackedUnit {
  const bytes = encode(treeToDatum({ kind: "begin", body }));
  return { bytes, hash: createHash("sha256").update(bytes).digest("hex").slice(0, 32) };
}

/** The body from bytes made by `packBody`. */
export function unpackBody(bytes: Uint8Array): Node[] {
  const node = unpackTree(bytes);
  if (node.kind !== "begin") throw new Error("malformed syntax tree: a unit body must be a begin");
  return [...node.body];
}
