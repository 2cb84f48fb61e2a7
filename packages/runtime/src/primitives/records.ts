// ## Record types: the procedures `define-record-type` expands into (termite/internal)
//
// `(make-record-type name field-names uid)` makes the type; constructor, predicate, accessors and
// modifiers are JS functions made once per definition and then called like any procedure. Each
// carries a `schemeName` for error messages and printing. A record from another node has its own
// `RecordType` object with the same uid, so the checks also accept a type with an equal uid.

import {
  carry,
  intern,
  MString,
  type RecordProcedure,
  RecordType,
  Record as SchemeRecord,
} from "@termite/datum";
import { schemeError, typeError } from "../errors.js";
import { type PrimitiveSpec, prim } from "../primitive.js";
import { symbolArg, vectorArg } from "./arguments.js";

/** A procedure made by this module: a JS function with the name Scheme knows it by. */
export type NamedProcedure<F extends (...args: any[]) => unknown> = F & { schemeName: string };

/**
 * Names `fn` and gives it its record in the procedure contract, so that another node can make it
 * again (the wire sends the record instead of the JS function).
 */
function named<F extends (...args: any[]) => unknown>(
  fn: F,
  name: string,
  role: RecordProcedure["role"],
  type: RecordType,
  fields: readonly number[],
): NamedProcedure<F> {
  const out = fn as NamedProcedure<F>;
  out.schemeName = name;
  return carry(out, { kind: "record-procedure", role, type, fields, name });
}

/** Makes a record procedure again from its record (`recordProcedureOf` of the original). */
export function remakeRecordProcedure(r: Omit<RecordProcedure, "kind">): (...args: any[]) => unknown {
  const name = intern(r.name);
  switch (r.role) {
    case "constructor":
      return recordConstructor(r.type, [...r.fields], name);
    case "predicate":
      return recordPredicate(r.type, name);
    case "accessor":
      return recordAccessor(r.type, r.fields[0], name);
    case "modifier":
      return recordModifier(r.type, r.fields[0], name);
  }
}

/** `point` for a type named `<point>` or `github.com/fred/geo@1.0#<point>`: for messages. */
export function recordTypeDisplayName(rtd: RecordType): string {
  const name = rtd.name.slice(rtd.name.lastIndexOf("#") + 1);
  return name.startsWith("<") && name.endsWith(">") && name.length > 2 ? name.slice(1, -1) : name;
}

function isOfType(x: unknown, rtd: RecordType): x is SchemeRecord {
  return x instanceof SchemeRecord && (x.type === rtd || x.type.uid === rtd.uid);
}

function rtdArg(who: string, x: unknown, argIndex: number): RecordType {
  if (x instanceof RecordType) return x;
  return typeError(who, "a record type", x, argIndex);
}

function fieldIndexArg(who: string, rtd: RecordType, k: unknown): number {
  if (typeof k === "number" && Number.isInteger(k) && k >= 0 && k < rtd.fieldNames.length) return k;
  return schemeError(who, `no field ${String(k)} in record type ${rtd.name}`, k);
}

function nameArg(who: string, x: unknown, fallback: string, argIndex: number): string {
  if (x === undefined) return fallback;
  return symbolArg(who, x, argIndex).name;
}

/** `(make-record-type name-symbol field-names-vector uid-string)`. */
export function makeRecordType(name: unknown, fieldNames: unknown, uid: unknown): RecordType {
  const who = "make-record-type";
  const typeName = symbolArg(who, name, 0).name;
  const fields = vectorArg(who, fieldNames, 1).map((f) => symbolArg(who, f, 1).name);
  if (!(uid instanceof MString)) return typeError(who, "a string", uid, 2);
  return new RecordType(typeName, uid.toString(), fields);
}

/**
 * `(record-constructor rtd field-indices [name])`: a procedure taking one argument per listed
 * field; unlisted fields start as #f.
 */
export function recordConstructor(
  rtd: unknown,
  indices: unknown,
  name?: unknown,
): NamedProcedure<(...args: unknown[]) => SchemeRecord> {
  const who = "record-constructor";
  const type = rtdArg(who, rtd, 0);
  const slots = vectorArg(who, indices, 1).map((k) => fieldIndexArg(who, type, k));
  const procName = nameArg(who, name, `make-${recordTypeDisplayName(type)}`, 2);
  const width = type.fieldNames.length;
  // The usual constructor takes every field in order: its arguments array becomes the fields.
  if (slots.length === width && slots.every((slot, i) => slot === i)) {
    return named(
      (...args: unknown[]): SchemeRecord => {
        if (args.length !== width) {
          schemeError(procName, `expected ${width} arguments, got ${args.length}`, ...args);
        }
        return new SchemeRecord(type, args);
      },
      procName,
      "constructor",
      type,
      slots,
    );
  }
  return named(
    (...args: unknown[]): SchemeRecord => {
      if (args.length !== slots.length) {
        schemeError(procName, `expected ${slots.length} arguments, got ${args.length}`, ...args);
      }
      const fields = new Array<unknown>(width).fill(false);
      for (let i = 0; i < slots.length; i++) fields[slots[i]!] = args[i];
      return new SchemeRecord(type, fields);
    },
    procName,
    "constructor",
    type,
    slots,
  );
}

/** `(record-predicate rtd [name])`. */
export function recordPredicate(rtd: unknown, name?: unknown): NamedProcedure<(x: unknown) => boolean> {
  const type = rtdArg("record-predicate", rtd, 0);
  const procName = nameArg("record-predicate", name, `${recordTypeDisplayName(type)}?`, 1);
  return named((x: unknown): boolean => isOfType(x, type), procName, "predicate", type, []);
}

/** `(record-accessor rtd index [name])`: "point-x: expected a point" on anything else. */
export function recordAccessor(
  rtd: unknown,
  index: unknown,
  name?: unknown,
): NamedProcedure<(x: unknown) => unknown> {
  const who = "record-accessor";
  const type = rtdArg(who, rtd, 0);
  const k = fieldIndexArg(who, type, index);
  const display = recordTypeDisplayName(type);
  const procName = nameArg(who, name, `${display}-${type.fieldNames[k]}`, 2);
  return named(
    (x: unknown): unknown => {
      if (isOfType(x, type)) return x.fields[k];
      return typeError(procName, `a ${display}`, x, 0);
    },
    procName,
    "accessor",
    type,
    [k],
  );
}

/** `(record-modifier rtd index [name])`. */
export function recordModifier(
  rtd: unknown,
  index: unknown,
  name?: unknown,
): NamedProcedure<(x: unknown, v: unknown) => undefined> {
  const who = "record-modifier";
  const type = rtdArg(who, rtd, 0);
  const k = fieldIndexArg(who, type, index);
  const display = recordTypeDisplayName(type);
  const procName = nameArg(who, name, `${display}-${type.fieldNames[k]}-set!`, 2);
  return named(
    (x: unknown, v: unknown): undefined => {
      if (!isOfType(x, type)) return typeError(procName, `a ${display}`, x, 0);
      x.fields[k] = v;
      return undefined;
    },
    procName,
    "modifier",
    type,
    [k],
  );
}

/** Record procedures of (termite internal). */
export const recordInternalBindings: Record<string, PrimitiveSpec> = {
  "make-record-type": prim(3, 3, makeRecordType),
  "record-constructor": prim(2, 3, recordConstructor),
  "record-predicate": prim(1, 2, recordPredicate),
  "record-accessor": prim(2, 3, recordAccessor),
  "record-modifier": prim(2, 3, recordModifier),
  "record?": prim(1, 1, (x: unknown) => x instanceof SchemeRecord),
  "record-type-descriptor?": prim(1, 1, (x: unknown) => x instanceof RecordType),
};
