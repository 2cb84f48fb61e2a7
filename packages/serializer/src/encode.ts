// ## Encoding a value graph
//
// Three passes, all iterative, so depth and length cost heap, never JS stack:
//
// 1. Walk the graph from the root with an explicit stack, giving every object with identity a node
//    id (a Map keyed by the object) and counting the references to it.
// 2. Decide which nodes become objects of the table: a pair referred to once, from the cdr of
//    another pair, joins that pair's LIST run; a string, bytevector or uninterned symbol referred to
//    once is written inline where it is used. Everything else gets a table index.
// 3. Write each table object as one shallow CBOR form whose fields are inline values or REFs.
//
// cbor-x then sees at most eleven levels of nesting, however deep or cyclic the data.

import {
  Char,
  Complex,
  EOF,
  ErrorObject,
  Flonum,
  MString,
  MultipleValues,
  Pair,
  Ratio,
  Record,
  RecordType,
  Sym,
} from "@termite/datum";
import { Encoder, Tag } from "cbor-x";
import { type CodeDescription, type Describe, Described, type Description } from "./described.js";
import { SerializeError } from "./errors.js";
import { findPath } from "./path.js";
import { printForError } from "./print.js";
import { FORMAT_VERSION, Tags } from "./tags.js";

/** Options of `encode`. */
export interface EncodeOptions {
  /** Describes objects the data model does not know (procedures, process ids…). */
  describe?: Describe;
  /** Prints an object for an error message; `undefined` falls back to a generic form. */
  print?: (value: unknown) => string | undefined;
}

// Node kinds; numbers rather than strings so the per-node arrays stay compact.
const PAIR = 0;
const VECTOR = 1;
const STRING = 2;
const BYTES = 3;
const UNINTERNED = 4;
const RECORD = 5;
const RECORD_TYPE = 6;
const ERROR = 7;
const VALUES = 8;
const DESCRIBED = 9;
const CODE = 10;

const cbor = new Encoder({
  useRecords: false,
  tagUint8Array: false,
  pack: false,
  structuredClone: false,
  useFloat32: 0,
} as ConstructorParameters<typeof Encoder>[0]);

/** Thrown inside the walk; turned into a SerializeError with a path once the walk has stopped. */
class Refusal {
  constructor(
    readonly value: unknown,
    readonly code: "unserializable" | "bad-description" | "bad-value",
    readonly why: string,
  ) {}
}

/** The message bytes for `value`. Synchronous; throws `SerializeError` for what cannot travel. */
export function encode(value: unknown, options: EncodeOptions = {}): Uint8Array {
  const describeCache = new Map<object, Description | CodeDescription | undefined>();
  const describe = (obj: object): Description | CodeDescription | undefined => {
    if (describeCache.has(obj)) return describeCache.get(obj);
    const d = options.describe?.(obj);
    describeCache.set(obj, d);
    return d;
  };
  try {
    return encodeGraph(value, describe);
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    const path = findPath(value, e.value, describe, options.print);
    const printed = printForError(e.value, options.print);
    throw new SerializeError(e.code, `cannot send ${printed} (reached as ${path}): ${e.why}`, path);
  }
}

function encodeGraph(root: unknown, describe: Describe): Uint8Array {
  // ### Pass 1: nodes and reference counts
  const ids = new Map<object, number>();
  const nodes: object[] = [];
  const kinds: number[] = [];
  const refs: number[] = []; // reference counts, see `note`
  const descriptions = new Map<number, Description | CodeDescription>();
  const stack: number[] = [];

  const note = (v: unknown, viaCdr: boolean): void => {
    if (v === null || (typeof v !== "object" && typeof v !== "function")) {
      if (typeof v === "symbol") {
        throw new Refusal(v, "unserializable", "a JavaScript symbol is no Scheme value");
      }
      return;
    }
    const known = ids.get(v);
    if (known !== undefined) {
      refs[known] = Math.abs(refs[known]!) + 1;
      return;
    }
    let kind: number;
    if (v instanceof Pair) kind = PAIR;
    else if (
      v instanceof Sym
        ? v.interned
        : v instanceof Char || v instanceof Flonum || v instanceof Ratio || v instanceof Complex || v === EOF
    ) {
      return;
    } else kind = classify(v);
    const id = nodes.length;
    ids.set(v, id);
    nodes.push(v);
    kinds.push(kind);
    // One reference so far; negative when it is a cdr, so that a LIST run may absorb the pair.
    refs.push(viaCdr ? -1 : 1);
    if (kind === DESCRIBED || kind === CODE) {
      descriptions.set(id, v instanceof Described ? v : describe(v)!);
    }
    stack.push(id);
  };

  const classify = (v: object): number => {
    if (v instanceof Pair) return PAIR;
    if (Array.isArray(v)) return VECTOR;
    if (v instanceof MString) return STRING;
    if (v instanceof Uint8Array) return BYTES;
    if (v instanceof Sym) return UNINTERNED;
    if (v instanceof Record) return RECORD;
    if (v instanceof RecordType) return RECORD_TYPE;
    if (v instanceof ErrorObject) return ERROR;
    if (v instanceof MultipleValues) return VALUES;
    if (v instanceof Described) return DESCRIBED;
    const d = describe(v);
    if (d === undefined) {
      throw new Refusal(
        v,
        "unserializable",
        "it is not a Scheme datum and the describe hook does not describe it",
      );
    }
    if (typeof d === "object" && d !== null && "code" in d) {
      const ref = d.code;
      if (
        typeof ref !== "object" ||
        ref === null ||
        typeof ref.module !== "string" ||
        typeof ref.id !== "string" ||
        (ref.hash !== undefined && typeof ref.hash !== "string")
      ) {
        throw new Refusal(
          v,
          "bad-description",
          "a code reference needs { module: string, id: string, hash?: string }",
        );
      }
      return CODE;
    }
    if (
      typeof d !== "object" ||
      d === null ||
      typeof d.tag !== "string" ||
      d.tag === "" ||
      !Array.isArray(d.fields)
    ) {
      throw new Refusal(
        v,
        "bad-description",
        "the describe hook must return { tag: string, fields: unknown[] } or { code: CodeReference }",
      );
    }
    return DESCRIBED;
  };

  note(root, false);
  while (stack.length > 0) {
    const id = stack.pop()!;
    const obj = nodes[id]!;
    switch (kinds[id]) {
      case PAIR:
        note((obj as Pair).car, false);
        note((obj as Pair).cdr, true);
        break;
      case VECTOR:
        for (const item of obj as unknown[]) note(item, false);
        break;
      case RECORD: {
        const record = obj as Record;
        if (record.fields.length !== record.type.fieldNames.length) {
          throw new Refusal(
            record,
            "bad-value",
            `the record has ${record.fields.length} fields, its type ${record.type.name} declares ${record.type.fieldNames.length}`,
          );
        }
        note(record.type, false);
        for (const f of record.fields) note(f, false);
        break;
      }
      case ERROR:
        for (const irritant of (obj as ErrorObject).irritants) note(irritant, false);
        break;
      case VALUES:
        for (const v of (obj as MultipleValues).values) note(v, false);
        break;
      case DESCRIBED:
        for (const f of (descriptions.get(id) as Description).fields) note(f, false);
        break;
    }
  }

  // ### Pass 2: which nodes are table objects
  const count = nodes.length;
  const index = new Int32Array(count).fill(-1);
  let objectCount = 0;
  for (let id = 0; id < count; id++) {
    const kind = kinds[id];
    const r = refs[id]!;
    const inline =
      kind === PAIR
        ? r === -1
        : Math.abs(r) === 1 && (kind === STRING || kind === BYTES || kind === UNINTERNED);
    if (inline) continue;
    index[id] = objectCount++;
  }

  // ### Pass 3: the forms
  const slot = (v: unknown): unknown => {
    switch (typeof v) {
      case "number":
        // cbor-x writes integers outside the 32-bit ranges as floats: those go as bigints.
        if (!Number.isInteger(v)) return v;
        return v >>> 0 === v || v >> 0 === v ? v + 0 : BigInt(v);
      case "bigint":
      case "boolean":
      case "undefined":
      case "string":
        return v;
    }
    if (v === null) return null;
    if (v instanceof Sym && v.interned) return new Tag(v.name, Tags.SYMBOL);
    if (v instanceof Char) return new Tag(v.codePoint, Tags.CHAR);
    if (v instanceof Flonum) return flonumForm(v.value);
    if (v instanceof Ratio) return new Tag([v.numerator, v.denominator], Tags.RATIO);
    if (v instanceof Complex) return new Tag([slot(v.real), slot(v.imag)], Tags.COMPLEX);
    if (v === EOF) return new Tag(null, Tags.EOF);
    const id = ids.get(v as object)!;
    if (index[id]! >= 0) return new Tag(index[id], Tags.REF);
    return leafForm(nodes[id]!, kinds[id]!);
  };

  const objects: unknown[] = new Array(objectCount);
  for (let id = 0; id < count; id++) {
    const at = index[id]!;
    if (at < 0) continue;
    const obj = nodes[id]!;
    switch (kinds[id]) {
      case PAIR: {
        const items: unknown[] = [slot((obj as Pair).car)];
        let rest = (obj as Pair).cdr;
        while (rest instanceof Pair) {
          const next = ids.get(rest)!;
          if (index[next]! >= 0) break;
          items.push(slot(rest.car));
          rest = rest.cdr;
        }
        items.push(slot(rest));
        objects[at] = new Tag(items, Tags.LIST);
        break;
      }
      case VECTOR: {
        const vector = obj as unknown[];
        const items = new Array(vector.length);
        for (let i = 0; i < vector.length; i++) items[i] = slot(vector[i]);
        objects[at] = new Tag(items, Tags.VECTOR);
        break;
      }
      case RECORD_TYPE: {
        const type = obj as RecordType;
        objects[at] = new Tag([type.name, type.uid, [...type.fieldNames]], Tags.RECORD_TYPE);
        break;
      }
      case RECORD: {
        const record = obj as Record;
        const items = [slot(record.type)];
        for (const f of record.fields) items.push(slot(f));
        objects[at] = new Tag(items, Tags.RECORD);
        break;
      }
      case ERROR: {
        const error = obj as ErrorObject;
        const items: unknown[] = [error.kind, error.message, error.who];
        for (const irritant of error.irritants) items.push(slot(irritant));
        objects[at] = new Tag(items, Tags.ERROR);
        break;
      }
      case VALUES:
        objects[at] = new Tag((obj as MultipleValues).values.map(slot), Tags.VALUES);
        break;
      case DESCRIBED: {
        const d = descriptions.get(id) as Description;
        const items: unknown[] = [d.tag];
        for (const f of d.fields) items.push(slot(f));
        objects[at] = new Tag(items, Tags.DESCRIBED);
        break;
      }
      case CODE: {
        const ref = (descriptions.get(id) as CodeDescription).code;
        objects[at] = new Tag([ref.module, ref.id, ref.hash ?? null], Tags.CODE);
        break;
      }
      default:
        objects[at] = leafForm(obj, kinds[id]!);
    }
  }

  const message = new Tag([FORMAT_VERSION, slot(root), objects], Tags.MESSAGE);
  const bytes = cbor.encode(message);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Strings, bytevectors and uninterned symbols: the same form inline and in the table. */
function leafForm(obj: object, kind: number): unknown {
  if (kind === STRING) return (obj as MString).toString();
  if (kind === BYTES) {
    const bytes = obj as Uint8Array;
    // A plain Uint8Array, so cbor-x writes a byte string whatever subclass (Buffer) came in.
    return bytes.constructor === Uint8Array
      ? bytes
      : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return new Tag((obj as Sym).name, Tags.UNINTERNED);
}

/** An integral flonum as FLONUM(bytes(8)): CBOR floats cannot say "2.0, not 2" through cbor-x. */
function flonumForm(x: number): unknown {
  if (!Number.isInteger(x) && !Object.is(x, -0)) return x;
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, x);
  return new Tag(bytes, Tags.FLONUM);
}
