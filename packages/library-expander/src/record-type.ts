// ## define-record-type
//
// Rewritten to a `begin` of definitions whose right-hand sides call the runtime's record
// support (`termite/internal#make-record-type` and friends). The type's uid must be the same on
// every node that compiles the same source: it is the qualified name of the type
// (`gitlab.com/zoo/cats@2.0#point`, angle brackets dropped), with `.N` appended for a type
// defined inside a body (N counts such types in the unit, in source order).

import { intern, Pair, string } from "@termite/datum";
import type { Env, Expander, Identifier } from "./environment.js";
import { baseSymbol, CoreForm, isIdentifier } from "./syntax.js";

function list(...items: unknown[]): unknown {
  let out: unknown = null;
  for (let i = items.length - 1; i >= 0; i--) out = new Pair(items[i], out);
  return out;
}

export function defineRecordType(form: Pair, _env: Env, x: Expander, atTop: boolean): unknown {
  const parts = x.items(form.cdr, "define-record-type", form);
  if (parts.length < 2)
    x.malformed("define-record-type needs a type name, a constructor and a predicate", form);
  const typeId = x.identifier(parts[0], "record type name", form);
  const ctorSpec = parts[1];
  const predSpec = parts[2];
  const fieldSpecs = parts.slice(3).map((spec) => {
    if (isIdentifier(spec)) return { name: spec, accessor: null, modifier: null };
    const p = x.items(spec, "record field", form);
    if (p.length < 1 || p.length > 3)
      x.malformed("a record field is (name [accessor [modifier]])", spec ?? form);
    return {
      name: x.identifier(p[0], "field name", form),
      accessor: p.length > 1 ? x.identifier(p[1], "accessor", form) : null,
      modifier: p.length > 2 ? x.identifier(p[2], "modifier", form) : null,
    };
  });
  const fieldIndex = new Map<string, number>();
  fieldSpecs.forEach((f, i) => {
    const n = baseSymbol(f.name).name;
    if (fieldIndex.has(n)) x.malformed(`field '${n}' appears twice`, form);
    fieldIndex.set(n, i);
  });

  const written = baseSymbol(typeId).name;
  const bare =
    written.length > 2 && written.startsWith("<") && written.endsWith(">") ? written.slice(1, -1) : written;
  const uid = `${x.top.namespace}#${bare}${atTop ? "" : `.${x.nextRecordType()}`}`;
  const internal = (name: string) =>
    new CoreForm({ kind: "global", name: `termite/internal#${name}`, loc: x.loc });
  const define = x.keyword("define");
  const quote = x.keyword("quote");
  const definitions: unknown[] = [];

  definitions.push(
    list(
      define,
      typeId,
      list(
        internal("make-record-type"),
        list(quote, intern(bare)),
        fieldSpecs.map((f) => baseSymbol(f.name)),
        string(uid),
      ),
    ),
  );

  if (ctorSpec !== false) {
    let ctorId: Identifier;
    let indexes: number[];
    if (isIdentifier(ctorSpec)) {
      ctorId = ctorSpec;
      indexes = fieldSpecs.map((_, i) => i);
    } else {
      const p = x.items(ctorSpec, "record constructor", form);
      if (p.length === 0) x.malformed("a record constructor is (name field ...)", form);
      ctorId = x.identifier(p[0], "constructor name", form);
      indexes = p.slice(1).map((f) => {
        const n = baseSymbol(x.identifier(f, "constructor field", form)).name;
        const i = fieldIndex.get(n);
        if (i === undefined) x.malformed(`constructor field '${n}' is not a field of the record`, form);
        return i;
      });
    }
    definitions.push(list(define, ctorId, list(internal("record-constructor"), typeId, indexes)));
  }
  if (predSpec !== undefined && predSpec !== false) {
    const predId = x.identifier(predSpec, "predicate name", form);
    definitions.push(list(define, predId, list(internal("record-predicate"), typeId)));
  }
  fieldSpecs.forEach((f, i) => {
    if (f.accessor !== null)
      definitions.push(list(define, f.accessor, list(internal("record-accessor"), typeId, i)));
    if (f.modifier !== null)
      definitions.push(list(define, f.modifier, list(internal("record-modifier"), typeId, i)));
  });
  return new Pair(x.keyword("begin"), list(...definitions));
}
