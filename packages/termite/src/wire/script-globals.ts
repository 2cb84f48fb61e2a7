// ## A script's globals travel with its code
//
// A script's own globals are named `#x`. Code of a script that reaches another node must not bind
// to that node's `#x` (another script's variable of the same name): each node's scripts share a
// *scope*, a random name drawn when the node's wire is made, and a script unit received from scope
// S runs with its `#x` read as `%S#x` on the receiver (`ScopedGlobals`; the tree and so the code
// hash are unchanged). Coming home, scope S is the node's own and `#x` is its own global again.
// The values of the script globals the unit refers to travel with it, copied as any message is:
// each message carries the sender's current values, and an assignment on one node is not seen on
// the other.

import { randomBytes } from "node:crypto";
import { type GlobalCell, GlobalEnvironment } from "@termite/runtime";

/** A new scope name: `script-` and 16 hex digits. */
export function newScope(): string {
  return `script-${randomBytes(8).toString("hex")}`;
}

/** True for the globals of scripts: `#x`, and `%script-…#x` (those received from other nodes). */
export function isScriptGlobal(name: string): boolean {
  return name.startsWith("#") || name.startsWith("%script-");
}

/** The name a script global `#x` of `scope` has on a node whose own scope is `own`. */
export function scopedName(scope: string, own: string, name: string): string {
  return scope === own || !name.startsWith("#") ? name : `%${scope}${name}`;
}

/** A view of `base` in which `#x` means the global `#x` of `scope`. */
export class ScopedGlobals extends GlobalEnvironment {
  constructor(
    private readonly base: GlobalEnvironment,
    private readonly scope: string,
    private readonly own: string,
  ) {
    super();
  }

  override cell(name: string): GlobalCell {
    return this.base.cell(scopedName(this.scope, this.own, name));
  }

  override define(name: string, value: unknown): void {
    this.cell(name).value = value;
  }

  override isDefined(name: string): boolean {
    return this.base.isDefined(scopedName(this.scope, this.own, name));
  }

  override lookup(name: string): unknown {
    return this.base.lookup(scopedName(this.scope, this.own, name));
  }

  override names(): string[] {
    return this.base.names();
  }
}

const namesOfTree = new WeakMap<object, readonly string[]>();

/** The script globals (`#x`) that core nodes refer to, assign or define, each once. */
export function scriptGlobalsOf(key: object, nodes: readonly unknown[]): readonly string[] {
  const known = namesOfTree.get(key);
  if (known !== undefined) return known;
  const names = new Set<string>();
  const seen = new Set<object>();
  const stack: unknown[] = [...nodes];
  while (stack.length > 0) {
    const x = stack.pop();
    if (typeof x !== "object" || x === null || seen.has(x)) continue;
    seen.add(x);
    if (Array.isArray(x)) {
      stack.push(...x);
      continue;
    }
    const node = x as { kind?: unknown; name?: unknown; value?: unknown };
    // Quoted data is not code: a quoted vector or list is no reference to a global.
    if (node.kind === "quote") continue;
    if (
      (node.kind === "global" || node.kind === "define") &&
      typeof node.name === "string" &&
      node.name.startsWith("#")
    )
      names.add(node.name);
    for (const v of Object.values(x)) if (typeof v === "object" && v !== null) stack.push(v);
  }
  const out = [...names];
  namesOfTree.set(key, out);
  return out;
}
