// ## Identifiers and syntax objects
//
// Hygiene by renaming with environments (Clinger and Rees's renaming, in the syntactic-closure
// style): each identifier a macro template inserts becomes a fresh `Alias` that remembers the
// environment of the macro's definition. A binding form that binds an alias binds that very
// object, so user code (plain symbols) cannot capture it; an alias bound nowhere in the use site
// means what its name meant where the macro was defined, even inside another library.

import type { Node } from "@termite/core";
import { Pair, Sym } from "@termite/datum";
import { Alias, type Identifier } from "./environment.js";

export function isIdentifier(x: unknown): x is Identifier {
  return x instanceof Sym || x instanceof Alias;
}

/** The symbol an identifier was written as. */
export function baseSymbol(id: Identifier): Sym {
  return id instanceof Alias ? id.symbol : id;
}

/** An already expanded core node carried inside a form (built-in transformers produce these). */
export class CoreForm {
  constructor(readonly node: Node) {}
}

/** `syntax->datum`: the form with every alias replaced by its symbol; copies only what changes. */
export function stripSyntax(form: unknown): unknown {
  if (form instanceof Alias) return form.symbol;
  if (form instanceof Pair) {
    const items: unknown[] = [];
    let changed = false;
    let node: unknown = form;
    while (node instanceof Pair) {
      const s = stripSyntax(node.car);
      if (s !== node.car) changed = true;
      items.push(s);
      node = node.cdr;
    }
    const tail = stripSyntax(node);
    if (tail !== node) changed = true;
    if (!changed) return form;
    let out = tail;
    for (let i = items.length - 1; i >= 0; i--) out = new Pair(items[i], out);
    return out;
  }
  if (Array.isArray(form)) {
    let changed = false;
    const out = form.map((x) => {
      const s = stripSyntax(x);
      if (s !== x) changed = true;
      return s;
    });
    return changed ? out : form;
  }
  return form;
}
