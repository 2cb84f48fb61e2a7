// ## Decoding a message
//
// In three steps, none of which runs code from the message:
//
// 1. `parse`: check the bytes (well-formed.ts), let cbor-x turn them into shallow JS data, check the
//    header, and collect the distinct code references.
// 2. Resolve each code reference through the caller's resolver (the only asynchronous step).
// 3. `build`: give every table object its identity first (so REFs, cycles included, can point
//    anywhere), run the one-phase revivers in dependency order, then fill every container.

import {
  Complex,
  char,
  EOF,
  ErrorObject,
  exactInteger,
  exactRational,
  flonum,
  intern,
  isRealNumber,
  MultipleValues,
  Pair,
  Record,
  RecordType,
  string,
  uninternedSymbol,
} from "@termite/datum";
import { Decoder, Tag } from "cbor-x";
import {
  type CodeReference,
  type CodeResolver,
  codeReferenceKey,
  formatCodeReference,
} from "./code-reference.js";
import { Described, type Reviver, type TwoPhaseReviver } from "./described.js";
import { CodeReferenceError, DecodeError } from "./errors.js";
import { defaultRecordTypes, type RecordTypeRegistry } from "./record-types.js";
import { FORMAT_VERSION, Tags, tagName } from "./tags.js";
import { checkWellFormed } from "./well-formed.js";

/** Options of `decode` and `decodeSync`. */
export interface DecodeOptions {
  /** Supplies the code each code reference names. Without one, any code reference is an error. */
  resolver?: CodeResolver;
  /** Revivers of described objects, by tag name (`pid`, `closure`…). */
  revivers?: { readonly [tag: string]: Reviver };
  /** A described tag with no reviver: an error (default), or kept as a `Described` object. */
  unknownTags?: "error" | "keep";
  /** Where record types are looked up by uid (default: `defaultRecordTypes`). */
  recordTypes?: RecordTypeRegistry;
  /** A record type whose uid is not registered: made and registered (default), or an error. */
  unknownRecordTypes?: "create" | "refuse";
  /** Largest message accepted, in bytes (default 64 MiB). */
  maxBytes?: number;
  /** Most table objects accepted (default 10 000 000). */
  maxObjects?: number;
  /** Longest string, bytevector, vector or list run accepted (default 10 000 000). */
  maxLength?: number;
  /** Largest bignum accepted, in bytes (default 8192, i.e. 65 536 bits). */
  maxBignumBytes?: number;
}

export const DEFAULT_LIMITS = {
  maxBytes: 64 * 1024 * 1024,
  maxObjects: 10_000_000,
  maxLength: 10_000_000,
  maxBignumBytes: 8192,
} as const;

const cbor = new Decoder({ useRecords: false, mapsAsObjects: false } as ConstructorParameters<
  typeof Decoder
>[0]);

/** A checked message, before its code references are resolved. */
interface Parsed {
  readonly root: unknown;
  readonly objects: readonly unknown[];
  /** Distinct code references, in table order. */
  readonly references: CodeReference[];
  /** Table index -> its code reference's key. */
  readonly codeAt: Map<number, string>;
}

/**
 * Decodes a message. Asynchronous because code references are resolved through
 * `options.resolver`, which may fetch code; the rest is synchronous.
 */
export async function decode(bytes: Uint8Array, options: DecodeOptions = {}): Promise<unknown> {
  const parsed = parse(bytes, options);
  const code = new Map<string, unknown>();
  if (parsed.references.length > 0) {
    const resolver = requireResolver(parsed, options);
    const answers = await Promise.allSettled(
      parsed.references.map((ref) => Promise.resolve().then(() => resolver.resolve(ref))),
    );
    answers.forEach((answer, i) => {
      const ref = parsed.references[i]!;
      if (answer.status === "rejected") throw asReferenceError(ref, answer.reason);
      code.set(codeReferenceKey(ref), checkResolved(ref, answer.value));
    });
  }
  return build(parsed, code, options);
}

/**
 * Decodes a message synchronously. A code reference is resolved only if `options.resolver` answers
 * synchronously; one that returns a promise makes this throw a `DecodeError` (`needs-async`).
 */
export function decodeSync(bytes: Uint8Array, options: DecodeOptions = {}): unknown {
  const parsed = parse(bytes, options);
  const code = new Map<string, unknown>();
  if (parsed.references.length > 0) {
    const resolver = requireResolver(parsed, options);
    for (const ref of parsed.references) {
      let answer: unknown;
      try {
        answer = resolver.resolve(ref);
      } catch (e) {
        throw asReferenceError(ref, e);
      }
      if (isThenable(answer)) {
        answer.then(undefined, () => {}); // the caller gets the DecodeError; drop the promise's outcome
        throw new DecodeError(
          "needs-async",
          `the resolver answers code reference ${formatCodeReference(ref)} asynchronously; use decode instead of decodeSync`,
        );
      }
      code.set(codeReferenceKey(ref), checkResolved(ref, answer));
    }
  }
  return build(parsed, code, options);
}

function requireResolver(parsed: Parsed, options: DecodeOptions): CodeResolver {
  if (options.resolver === undefined) {
    throw CodeReferenceError.unknown(
      parsed.references[0]!,
      "the message refers to code and no resolver was given",
    );
  }
  return options.resolver;
}

function checkResolved(ref: CodeReference, answer: unknown): unknown {
  if (answer === undefined) throw CodeReferenceError.unknown(ref);
  return answer;
}

function asReferenceError(ref: CodeReference, reason: unknown): CodeReferenceError {
  if (CodeReferenceError.isInstance(reason)) return reason;
  const why = reason instanceof Error ? reason.message : String(reason);
  return CodeReferenceError.refused(ref, why, reason);
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof v === "object" && v !== null && typeof (v as { then?: unknown }).then === "function";
}

// ### Step 1: parse

function parse(bytes: Uint8Array, options: DecodeOptions): Parsed {
  if (!(bytes instanceof Uint8Array)) throw new DecodeError("malformed", "a message is a Uint8Array");
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  const maxObjects = options.maxObjects ?? DEFAULT_LIMITS.maxObjects;
  const maxLength = options.maxLength ?? DEFAULT_LIMITS.maxLength;
  if (bytes.length > maxBytes) {
    throw new DecodeError("limit", `a message of ${bytes.length} bytes exceeds the limit of ${maxBytes}`);
  }
  checkWellFormed(bytes, {
    maxLength,
    maxObjects,
    maxBignumBytes: options.maxBignumBytes ?? DEFAULT_LIMITS.maxBignumBytes,
  });
  let top: unknown;
  try {
    top = cbor.decode(bytes);
  } catch (e) {
    throw new DecodeError("malformed", `CBOR decoding failed: ${(e as Error).message}`, undefined, {
      cause: e,
    });
  }
  if (
    !(top instanceof Tag) ||
    top.tag !== Tags.MESSAGE ||
    !Array.isArray(top.value) ||
    top.value.length !== 3
  ) {
    throw new DecodeError(
      "bad-version",
      "not a Termite message (expected tag 40000 holding [version, root, objects])",
    );
  }
  const [version, root, objects] = top.value as [unknown, unknown, unknown];
  if (version !== FORMAT_VERSION) {
    throw new DecodeError(
      "bad-version",
      `message format version ${String(version)}; this decoder reads version ${FORMAT_VERSION}`,
    );
  }
  if (!Array.isArray(objects)) throw new DecodeError("bad-form", "the object table must be an array");
  if (objects.length > maxObjects) {
    throw new DecodeError("limit", `${objects.length} objects exceed the limit of ${maxObjects}`);
  }
  const references: CodeReference[] = [];
  const codeAt = new Map<number, string>();
  const seen = new Set<string>();
  for (let i = 0; i < objects.length; i++) {
    const item = objects[i];
    if (!(item instanceof Tag) || item.tag !== Tags.CODE) continue;
    const ref = codeReference(item.value, i);
    const key = codeReferenceKey(ref);
    codeAt.set(i, key);
    if (!seen.has(key)) {
      seen.add(key);
      references.push(ref);
    }
  }
  return { root, objects, references, codeAt };
}

function codeReference(content: unknown, i: number): CodeReference {
  const fields = arrayOf(content, i, "CODE", 3, 3);
  const [module, id, hash] = fields;
  if (typeof module !== "string" || typeof id !== "string" || (hash !== null && typeof hash !== "string")) {
    throw new DecodeError(
      "bad-form",
      "CODE needs [module: text, id: text, hash: text or null]",
      `object ${i}`,
    );
  }
  return Object.freeze(hash === null ? { module, id } : { module, id, hash });
}

function arrayOf(
  content: unknown,
  i: number,
  form: string,
  min: number,
  max = Number.POSITIVE_INFINITY,
): unknown[] {
  if (!Array.isArray(content)) {
    throw new DecodeError(
      "bad-form",
      `${form} must hold an array, not ${describeItem(content)}`,
      `object ${i}`,
    );
  }
  if (content.length < min || content.length > max) {
    const expected =
      min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
    throw new DecodeError(
      "bad-form",
      `${form} needs ${expected} items, found ${content.length}`,
      `object ${i}`,
    );
  }
  return content;
}

function describeItem(item: unknown): string {
  if (item instanceof Tag) return `a ${tagName(item.tag)} form`;
  if (item instanceof Uint8Array) return "a byte string";
  if (Array.isArray(item)) return "an array";
  if (item === null) return "null";
  return `a ${typeof item}`;
}

// ### Step 3: build

const ERROR_KINDS = new Set(["error", "file", "read"]);

// Phases of a one-phase DESCRIBED object while ordering the revivers.
const UNVISITED = 0;
const VISITING = 1;
const DONE = 2;

function build(parsed: Parsed, code: Map<string, unknown>, options: DecodeOptions): unknown {
  const { objects } = parsed;
  const n = objects.length;
  const values: unknown[] = new Array(n);
  const registry = options.recordTypes ?? defaultRecordTypes;
  const revivers = options.revivers ?? {};

  const slot = (item: unknown, at: number, field: number): unknown => {
    switch (typeof item) {
      case "number":
        return Number.isInteger(item) ? exactInteger(item) : item;
      case "bigint":
        return exactInteger(item);
      case "string":
        return string(item);
      case "boolean":
      case "undefined":
        return item;
    }
    if (item === null) return null;
    if (item instanceof Uint8Array) return item.slice();
    if (item instanceof Tag) {
      const content = item.value;
      switch (item.tag) {
        case Tags.REF:
          if (typeof content !== "number" || !Number.isInteger(content) || content < 0 || content >= n) {
            throw new DecodeError(
              "bad-index",
              `REF ${String(content)} is outside the table of ${n} objects`,
              where(at, field),
            );
          }
          return values[content];
        case Tags.SYMBOL:
          return intern(textOf(content, "SYMBOL", at, field));
        case Tags.UNINTERNED:
          return uninternedSymbol(textOf(content, "UNINTERNED", at, field));
        case Tags.CHAR:
          if (
            typeof content !== "number" ||
            !Number.isInteger(content) ||
            content < 0 ||
            content > 0x10ffff ||
            (content >= 0xd800 && content <= 0xdfff)
          ) {
            throw new DecodeError(
              "bad-form",
              `CHAR ${String(content)} is not a Unicode scalar value`,
              where(at, field),
            );
          }
          return char(content);
        case Tags.FLONUM:
          if (!(content instanceof Uint8Array) || content.length !== 8) {
            throw new DecodeError("bad-form", "FLONUM must hold 8 bytes", where(at, field));
          }
          return flonum(new DataView(content.buffer, content.byteOffset, 8).getFloat64(0));
        case Tags.RATIO: {
          const parts = content as unknown[];
          if (
            !Array.isArray(parts) ||
            parts.length !== 2 ||
            !parts.every(isInteger) ||
            parts[1] === 0 ||
            parts[1] === 0n
          ) {
            throw new DecodeError(
              "bad-form",
              "RATIO needs [numerator, denominator ≠ 0], both integers",
              where(at, field),
            );
          }
          return exactRational(parts[0] as number | bigint, parts[1] as number | bigint);
        }
        case Tags.COMPLEX: {
          const parts = content as unknown[];
          const re = Array.isArray(parts) && parts.length === 2 ? slot(parts[0], at, field) : undefined;
          const im = re === undefined ? undefined : slot(parts[1], at, field);
          // An exact zero imaginary part would be a second spelling of a real: not well formed.
          if (!isRealNumber(re) || !isRealNumber(im) || im === 0) {
            throw new DecodeError(
              "bad-form",
              "COMPLEX needs [real, imag], both real numbers, imag not exact 0",
              where(at, field),
            );
          }
          return new Complex(re, im);
        }
        case Tags.EOF:
          if (content !== null) throw new DecodeError("bad-form", "EOF must hold null", where(at, field));
          return EOF;
      }
      throw new DecodeError(
        "bad-form",
        `a ${tagName(item.tag)} form can only be a table object; refer to it with REF`,
        where(at, field),
      );
    }
    throw new DecodeError("bad-form", `${describeItem(item)} is not a value form`, where(at, field));
  };

  // #### Record types and code first: records and other objects need them to be made.
  for (let i = 0; i < n; i++) {
    const item = objects[i];
    if (!(item instanceof Tag)) continue;
    if (item.tag === Tags.RECORD_TYPE) values[i] = recordType(item.value, i, registry, options);
    else if (item.tag === Tags.CODE) values[i] = code.get(parsed.codeAt.get(i)!);
  }

  // #### Identities
  const oneShot: number[] = [];
  const twoPhase = new Map<number, TwoPhaseReviver>();
  for (let i = 0; i < n; i++) {
    const item = objects[i];
    if (typeof item === "string") {
      values[i] = string(item);
      continue;
    }
    if (item instanceof Uint8Array) {
      values[i] = item.slice();
      continue;
    }
    if (!(item instanceof Tag)) {
      throw new DecodeError("bad-form", `${describeItem(item)} cannot be a table object`, `object ${i}`);
    }
    const content = item.value;
    switch (item.tag) {
      case Tags.RECORD_TYPE:
      case Tags.CODE:
        break;
      case Tags.UNINTERNED:
        values[i] = uninternedSymbol(textOf(content, "UNINTERNED", i, -1));
        break;
      case Tags.LIST: {
        const items = arrayOf(content, i, "LIST", 2);
        const first = new Pair(undefined, null);
        let last = first;
        for (let k = 2; k < items.length; k++) {
          const next = new Pair(undefined, null);
          last.cdr = next;
          last = next;
        }
        values[i] = first;
        break;
      }
      case Tags.VECTOR:
        values[i] = new Array(arrayOf(content, i, "VECTOR", 0).length);
        break;
      case Tags.RECORD: {
        const items = arrayOf(content, i, "RECORD", 1);
        const ref = items[0];
        const target = ref instanceof Tag && ref.tag === Tags.REF ? ref.value : undefined;
        const type = typeof target === "number" ? values[target] : undefined;
        if (!(type instanceof RecordType) || !isTag(objects[target as number], Tags.RECORD_TYPE)) {
          throw new DecodeError(
            "bad-index",
            "a RECORD's first item must be a REF to a RECORD_TYPE object",
            `object ${i}`,
          );
        }
        if (items.length - 1 !== type.fieldNames.length) {
          throw new DecodeError(
            "bad-form",
            `a record of type ${type.name} has ${type.fieldNames.length} fields, not ${items.length - 1}`,
            `object ${i}`,
          );
        }
        values[i] = new Record(type, new Array(items.length - 1));
        break;
      }
      case Tags.ERROR: {
        const [kind, message, who, ...rest] = arrayOf(content, i, "ERROR", 3);
        if (typeof kind !== "string" || !ERROR_KINDS.has(kind)) {
          throw new DecodeError("bad-form", `ERROR kind must be "error", "file" or "read"`, `object ${i}`);
        }
        if (typeof message !== "string" || (who !== undefined && typeof who !== "string")) {
          throw new DecodeError(
            "bad-form",
            "ERROR needs [kind, message: text, who: text or undefined, …]",
            `object ${i}`,
          );
        }
        values[i] = new ErrorObject(kind as ErrorObject["kind"], message, new Array(rest.length), who);
        break;
      }
      case Tags.VALUES:
        values[i] = new MultipleValues(new Array(arrayOf(content, i, "VALUES", 0).length));
        break;
      case Tags.DESCRIBED: {
        const items = arrayOf(content, i, "DESCRIBED", 1);
        const tag = items[0];
        if (typeof tag !== "string" || tag === "") {
          throw new DecodeError("bad-form", "DESCRIBED needs a tag name as its first item", `object ${i}`);
        }
        const reviver = Object.hasOwn(revivers, tag) ? revivers[tag] : undefined;
        if (reviver === undefined) {
          if (options.unknownTags !== "keep") {
            throw new DecodeError(
              "no-reviver",
              `no reviver for described objects tagged "${tag}"`,
              `object ${i}`,
            );
          }
          values[i] = new Described(tag, new Array(items.length - 1));
        } else if (typeof reviver === "function") {
          oneShot.push(i);
        } else {
          twoPhase.set(i, reviver);
          values[i] = guarded(tag, i, () => reviver.create(items.length - 1));
        }
        break;
      }
      default:
        throw new DecodeError(
          "bad-form",
          `a ${tagName(item.tag)} form cannot be a table object`,
          `object ${i}`,
        );
    }
  }

  // #### One-phase revivers, each after the one-phase objects among its fields
  const fieldsOf = (i: number): unknown[] => {
    const items = (objects[i] as Tag).value as unknown[];
    const fields = new Array(items.length - 1);
    for (let k = 1; k < items.length; k++) fields[k - 1] = slot(items[k], i, k);
    return fields;
  };
  if (oneShot.length > 0) {
    const state = new Map<number, number>(oneShot.map((i) => [i, UNVISITED]));
    for (const start of oneShot) {
      const stack = [start];
      while (stack.length > 0) {
        const i = stack[stack.length - 1]!;
        const phase = state.get(i);
        if (phase === DONE) {
          stack.pop();
        } else if (phase === UNVISITED) {
          state.set(i, VISITING);
          const items = (objects[i] as Tag).value as unknown[];
          for (let k = 1; k < items.length; k++) {
            const f = items[k];
            if (!(f instanceof Tag) || f.tag !== Tags.REF) continue;
            const dep = state.get(f.value as number);
            if (dep === VISITING) {
              throw new DecodeError(
                "described-cycle",
                "described objects refer to each other in a cycle; give their tags two-phase revivers",
                `object ${i}`,
              );
            }
            if (dep === UNVISITED) stack.push(f.value as number);
          }
        } else {
          const tag = ((objects[i] as Tag).value as unknown[])[0] as string;
          const revive = revivers[tag] as (fields: unknown[]) => unknown;
          const fields = fieldsOf(i);
          values[i] = guarded(tag, i, () => revive(fields));
          state.set(i, DONE);
          stack.pop();
        }
      }
    }
  }

  // #### Contents
  for (let i = 0; i < n; i++) {
    const item = objects[i];
    if (!(item instanceof Tag)) continue;
    const items = item.value as unknown[];
    switch (item.tag) {
      case Tags.LIST: {
        let pair = values[i] as Pair;
        const last = items.length - 1;
        for (let k = 0; k < last; k++) {
          pair.car = slot(items[k], i, k);
          if (k < last - 1) pair = pair.cdr as Pair;
        }
        pair.cdr = slot(items[last], i, last);
        break;
      }
      case Tags.VECTOR: {
        const vector = values[i] as unknown[];
        for (let k = 0; k < items.length; k++) vector[k] = slot(items[k], i, k);
        break;
      }
      case Tags.RECORD:
        fillFrom((values[i] as Record).fields, items, 1, i, slot);
        break;
      case Tags.ERROR:
        fillFrom((values[i] as ErrorObject).irritants as unknown[], items, 3, i, slot);
        break;
      case Tags.VALUES:
        fillFrom((values[i] as MultipleValues).values as unknown[], items, 0, i, slot);
        break;
      case Tags.DESCRIBED:
        if (values[i] instanceof Described) fillFrom((values[i] as Described).fields, items, 1, i, slot);
        break;
    }
  }
  for (const [i, reviver] of twoPhase) {
    const fields = fieldsOf(i);
    guarded(((objects[i] as Tag).value as unknown[])[0] as string, i, () => reviver.fill(values[i], fields));
  }

  return slot(parsed.root, -1, -1);
}

function fillFrom(
  target: unknown[],
  items: unknown[],
  offset: number,
  at: number,
  slot: (item: unknown, at: number, field: number) => unknown,
): void {
  for (let k = offset; k < items.length; k++) target[k - offset] = slot(items[k], at, k);
}

function recordType(
  content: unknown,
  i: number,
  registry: RecordTypeRegistry,
  options: DecodeOptions,
): RecordType {
  const [name, uid, fieldNames] = arrayOf(content, i, "RECORD_TYPE", 3, 3);
  if (
    typeof name !== "string" ||
    typeof uid !== "string" ||
    !Array.isArray(fieldNames) ||
    !fieldNames.every((f) => typeof f === "string")
  ) {
    throw new DecodeError(
      "bad-form",
      "RECORD_TYPE needs [name: text, uid: text, [field name: text…]]",
      `object ${i}`,
    );
  }
  const known = registry.get(uid);
  if (known !== undefined) {
    if (
      known.fieldNames.length !== fieldNames.length ||
      known.fieldNames.some((f, k) => f !== fieldNames[k])
    ) {
      throw new DecodeError(
        "record-type",
        `record type ${name} (uid ${uid}) has fields (${fieldNames.join(" ")}) in the message but (${known.fieldNames.join(" ")}) here`,
        `object ${i}`,
      );
    }
    return known;
  }
  if (options.unknownRecordTypes === "refuse") {
    throw new DecodeError("record-type", `unknown record type ${name} (uid ${uid})`, `object ${i}`);
  }
  const made = new RecordType(name, uid, fieldNames as string[]);
  registry.set(uid, made);
  return made;
}

function guarded<T>(tag: string, i: number, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (DecodeError.isInstance(e)) throw e;
    throw new DecodeError(
      "reviver-failed",
      `the reviver of "${tag}" failed: ${(e as Error)?.message ?? e}`,
      `object ${i}`,
      {
        cause: e,
      },
    );
  }
}

function textOf(content: unknown, form: string, at: number, field: number): string {
  if (typeof content !== "string")
    throw new DecodeError("bad-form", `${form} must hold text`, where(at, field));
  return content;
}

function isInteger(v: unknown): v is number | bigint {
  return typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v));
}

function isTag(item: unknown, tag: number): boolean {
  return item instanceof Tag && item.tag === tag;
}

function where(at: number, field: number): string {
  if (at < 0) return "root";
  return field < 0 ? `object ${at}` : `object ${at}, field ${field}`;
}
