// ## The printer: `write`, `write-shared`, `write-simple`, `display`
//
// One loop over an explicit task stack, so a 1e5-deep list or a 1e6-long one prints without JS
// recursion. A task is three stack slots: kind, payload, index.
//
// Choices (see README): `(quote x)` prints as `'x` (also `` ` ``, `,`, `,@`) when the list has
// exactly that shape; integral flonums print as `2.0`; uninterned symbols print their bare name;
// `display` writes strings, chars and symbols raw, also inside lists and records.

import { symbolNameText, writeCharLiteral, writeStringLiteral, writeSymbol } from "./atom-text.js";
import { cycleLabels, type LabelPlan, sharingLabels } from "./datum-labels.js";
import { flonumToString, numberToString } from "./number-text.js";
import {
  Char,
  Complex,
  EOF,
  ErrorObject,
  Flonum,
  intern,
  MString,
  MultipleValues,
  Pair,
  Ratio,
  Record,
  Sym,
} from "./values.js";

// ### Task kinds

/** Print the payload as a datum. */
const VALUE = 0;
/** Emit the payload, a JS string. */
const TEXT = 1;
/** The car of the payload pair is printed: continue with its cdr. */
const LIST_REST = 2;
/** Elements before `index` of the payload vector are printed. */
const VECTOR_REST = 3;
/** Fields before `index` of the payload record are printed. */
const RECORD_REST = 4;
/** Items before `index` of the payload array are printed; separate them with a space. */
const ITEMS_REST = 5;

const CHUNK_LENGTH = 8192;

const QUOTE = intern("quote");
const QUASIQUOTE = intern("quasiquote");
const UNQUOTE = intern("unquote");
const UNQUOTE_SPLICING = intern("unquote-splicing");

function abbreviation(head: unknown): string | undefined {
  if (head === QUOTE) return "'";
  if (head === QUASIQUOTE) return "`";
  if (head === UNQUOTE) return ",";
  if (head === UNQUOTE_SPLICING) return ",@";
  return undefined;
}

// ### Atoms

/** The text of a value that holds no other value, or undefined for containers. */
/** The method an object of another package defines to choose its printed form (`#<input-port string>`). */
export const PRINT_HOOK: unique symbol = Symbol.for("@termite/datum/print") as any;

function atomText(v: unknown, display: boolean): string | undefined {
  switch (typeof v) {
    case "number":
      return Number.isSafeInteger(v)
        ? String(v)
        : Number.isInteger(v)
          ? numberToString(v)
          : flonumToString(v);
    case "boolean":
      return v ? "#t" : "#f";
    case "undefined":
      return "#!void";
    case "bigint":
      return v.toString();
    case "function":
      return procedureText(v);
    case "string":
      // Not a Scheme value: a JS string leaked from host code. Make that visible.
      return `#<js ${JSON.stringify(v)}>`;
    case "symbol":
      return `#<js ${v.toString()}>`;
  }
  if (v === null) return "()";
  if (v instanceof Sym) return display ? v.name : writeSymbol(v);
  if (v instanceof MString) return display ? v.toString() : writeStringLiteral(v.toString());
  if (v instanceof Char) return display ? String.fromCodePoint(v.codePoint) : writeCharLiteral(v);
  if (v instanceof Flonum) return flonumToString(v.value);
  if (v instanceof Ratio || v instanceof Complex) return numberToString(v);
  if (v instanceof Uint8Array) return v.length === 0 ? "#u8()" : `#u8(${v.join(" ")})`;
  if (v === EOF) return "#!eof";
  if (
    v instanceof Pair ||
    Array.isArray(v) ||
    v instanceof Record ||
    v instanceof ErrorObject ||
    v instanceof MultipleValues
  ) {
    return undefined;
  }
  // Objects of other packages (ports, process ids) say how they print through this hook.
  const hook = (v as { [PRINT_HOOK]?: unknown })[PRINT_HOOK];
  if (typeof hook === "function") return String(hook.call(v));
  const ctor = (v as { constructor?: { name?: unknown } }).constructor;
  return `#<js ${typeof ctor?.name === "string" && ctor.name !== "" ? ctor.name : "object"}>`;
}

function procedureText(f: Function): string {
  const named = (f as { schemeName?: unknown }).schemeName;
  const name =
    typeof named === "string"
      ? named
      : named instanceof Sym
        ? named.name
        : typeof f.name === "string"
          ? f.name
          : "";
  return name === "" ? "#<procedure>" : `#<procedure ${symbolNameText(name)}>`;
}

function errorHead(e: ErrorObject): string {
  return e.kind === "error" ? "#<error" : `#<${e.kind}-error`;
}

// ### The loop

function print(root: unknown, display: boolean, labels: LabelPlan | null): string {
  const first = atomText(root, display);
  if (first !== undefined) return first;

  let out = "";
  // Long outputs are cut into flat chunks: a rope of millions of small pieces costs far more in
  // garbage collection than copying (3x on a 1e6-element list).
  let chunks: string[] | null = null;
  let nextLabel = 0;
  const stack: unknown[] = [VALUE, root, 0];

  while (stack.length > 0) {
    if (out.length >= CHUNK_LENGTH) {
      out.charCodeAt(0); // flattens the rope while its pieces are still young
      (chunks ??= []).push(out);
      out = "";
    }
    const index = stack.pop() as number;
    const payload = stack.pop();
    const kind = stack.pop() as number;

    if (kind === TEXT) {
      out += payload as string;
      continue;
    }

    if (kind === LIST_REST) {
      // Runs of atoms, the common case, print here without touching the stack.
      let pair = payload as Pair;
      for (;;) {
        const rest = pair.cdr;
        if (rest === null) {
          out += ")";
        } else if (rest instanceof Pair && (labels === null || !labels.has(rest))) {
          out += " ";
          const item = rest.car;
          // A labelled string or bytevector (write-shared) takes the slow path for its label.
          const text = labels === null || !labels.has(item as object) ? atomText(item, display) : undefined;
          if (text !== undefined) {
            out += text;
            pair = rest;
            if (out.length < CHUNK_LENGTH) continue;
            stack.push(LIST_REST, rest, 0);
            break;
          }
          stack.push(LIST_REST, rest, 0, VALUE, rest.car, 0);
        } else {
          out += " . ";
          stack.push(TEXT, ")", 0, VALUE, rest, 0);
        }
        break;
      }
      continue;
    }

    if (kind === VECTOR_REST) {
      const vec = payload as unknown[];
      if (index >= vec.length) {
        out += ")";
      } else {
        out += " ";
        stack.push(VECTOR_REST, vec, index + 1, VALUE, vec[index], 0);
      }
      continue;
    }

    if (kind === RECORD_REST) {
      const rec = payload as Record;
      if (index >= rec.fields.length) {
        out += ">";
      } else {
        out += ` ${rec.type.fieldNames[index] ?? `field${index}`}: `;
        stack.push(RECORD_REST, rec, index + 1, VALUE, rec.fields[index], 0);
      }
      continue;
    }

    if (kind === ITEMS_REST) {
      const items = payload as readonly unknown[];
      if (index < items.length) {
        out += " ";
        stack.push(ITEMS_REST, items, index + 1, VALUE, items[index], 0);
      }
      continue;
    }

    // kind === VALUE
    const v = payload;
    if (labels === null || !labels.has(v as object)) {
      const atom = atomText(v, display);
      if (atom !== undefined) {
        out += atom;
        continue;
      }
    }

    if (labels !== null) {
      const label = labels.get(v as object);
      if (label !== undefined) {
        if (label >= 0) {
          out += `#${label}#`;
          continue;
        }
        labels.set(v as object, nextLabel);
        out += `#${nextLabel++}=`;
      }
    }

    if (v instanceof Pair) {
      const rest = v.cdr;
      if (rest instanceof Pair && rest.cdr === null && (labels === null || !labels.has(rest))) {
        const prefix = abbreviation(v.car);
        if (prefix !== undefined) {
          const operand = rest.car;
          // `,@x` would read as unquote-splicing: keep `(unquote @x)` apart as `, @x`.
          const spaced =
            prefix === "," &&
            operand instanceof Sym &&
            (display ? operand.name : writeSymbol(operand)).charCodeAt(0) === 64;
          out += spaced ? ", " : prefix;
          stack.push(VALUE, operand, 0);
          continue;
        }
      }
      out += "(";
      stack.push(LIST_REST, v, 0, VALUE, v.car, 0);
    } else if (Array.isArray(v)) {
      if (v.length === 0) {
        out += "#()";
      } else {
        out += "#(";
        stack.push(VECTOR_REST, v, 1, VALUE, v[0], 0);
      }
    } else if (v instanceof Record) {
      out += `#<${v.type.name}`;
      stack.push(RECORD_REST, v, 0);
    } else if (v instanceof ErrorObject) {
      out += `${errorHead(v)} ${display ? v.message : writeStringLiteral(v.message)}`;
      stack.push(TEXT, ">", 0, ITEMS_REST, v.irritants, 0);
    } else if (v instanceof MultipleValues) {
      const vs = v.values;
      if (vs.length > 0) stack.push(ITEMS_REST, vs, 1, VALUE, vs[0], 0);
    } else {
      // A labelled string or bytevector: its label is out, now its text.
      out += atomText(v, display)!;
    }
  }
  if (chunks === null) return out;
  chunks.push(out);
  return chunks.join("");
}

// ### Public entry points

/**
 * `(write value)` as a string: machine-readable, with datum labels only where the value is
 * cyclic. `write(list([intern("a"), string("b c")]))` → `(a "b c")`.
 */
export function write(value: unknown): string {
  return print(value, false, cycleLabels(value));
}

/**
 * `(write-shared value)` as a string: like `write`, with a datum label on every pair, vector,
 * string, bytevector or record that occurs more than once.
 */
export function writeShared(value: unknown): string {
  return print(value, false, sharingLabels(value));
}

/** `(write-simple value)` as a string: never uses labels, so it does not end on cyclic data. */
export function writeSimple(value: unknown): string {
  return print(value, false, null);
}

/**
 * `(display value)` as a string: like `write`, but strings, chars and symbols appear as their
 * raw text, also inside lists. `display(list([string("hi"), char(65)]))` → `(hi A)`.
 */
export function display(value: unknown): string {
  return print(value, true, cycleLabels(value));
}
