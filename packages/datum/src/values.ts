// ## Scheme values in JavaScript
//
// The one declaration of how each Scheme type is represented. Choices, and why:
//
// | Scheme            | JavaScript                                                        |
// |-------------------|-------------------------------------------------------------------|
// | `()`              | `null` (fast to test, and cheap to hold at the end of every list)  |
// | `#t` `#f`         | `true` `false`                                                    |
// | unspecified       | `undefined` (what a JS function returns when it returns nothing)   |
// | pair              | `Pair` with mutable `car` / `cdr`                                  |
// | symbol            | `Sym`, interned: `eq?` is `===`                                   |
// | char              | `Char`, interned: `eq?` is `===`                                  |
// | string            | `MString`, a mutable sequence of code points                      |
// | exact integer     | a JS integer `number` while safe, a `bigint` beyond               |
// | exact rational    | `Ratio` (numerator and denominator are exact integers)            |
// | flonum            | a non-integral JS `number` (incl. NaN, ±inf), or `Flonum` when the |
// |                   | value is integral (2.0, -0.0), so `(exact? 2.0)` is `#f`          |
// | non-real complex  | `Complex` with two real parts, each exact or inexact (as Gambit)  |
// | vector            | a JS `Array`                                                      |
// | bytevector        | a `Uint8Array`                                                    |
// | procedure         | a JS `function` called with its Scheme arguments                  |
// | record            | `Record` whose `type` is a `RecordType`                           |
// | eof object        | the `EOF` singleton                                               |
// | multiple values   | `MultipleValues` (only ever seen by `call-with-values`)           |
//
// Integers stay unboxed because integer code is the common case; the price is paid by integral
// flonums only, which are boxed.

import { registry, sharedClass, sharedSingleton } from "./shared.js";

// ### Pairs

class PairImpl {
  constructor(
    public car: unknown,
    public cdr: unknown,
  ) {}
}
export const Pair = sharedClass("Pair", PairImpl);
export type Pair = PairImpl;

/** `(cons a d)`. */
export function cons(car: unknown, cdr: unknown): Pair {
  return new Pair(car, cdr);
}

/** Builds a proper list (or an improper one ending in `tail`). */
export function list(items: readonly unknown[], tail: unknown = null): unknown {
  let result = tail;
  for (let i = items.length - 1; i >= 0; i--) result = new Pair(items[i], result);
  return result;
}

/** The elements of a proper list, or throws if `value` is not one (cycles included). */
export function listToArray(value: unknown): unknown[] {
  const out: unknown[] = [];
  let slow = value;
  let node = value;
  while (node instanceof Pair) {
    out.push(node.car);
    node = node.cdr;
    if (out.length % 2 === 0) {
      slow = (slow as Pair).cdr;
      if (slow === node && node !== null) throw new TypeError("circular list");
    }
  }
  if (node !== null) throw new TypeError("not a proper list");
  return out;
}

/** `(list? value)`: a finite list ending in `()`. */
export function isList(value: unknown): boolean {
  let slow = value;
  let fast = value;
  for (;;) {
    if (fast === null) return true;
    if (!(fast instanceof Pair)) return false;
    fast = fast.cdr;
    if (fast === null) return true;
    if (!(fast instanceof Pair)) return false;
    fast = fast.cdr;
    slow = (slow as Pair).cdr;
    if (fast === slow) return false;
  }
}

// ### Symbols

class SymImpl {
  constructor(
    /** The symbol's name, as `symbol->string` gives it. */
    readonly name: string,
    /** False for symbols made by `generate-symbol`-like operations, never `eq?` to a read one. */
    readonly interned: boolean,
  ) {}
  toString(): string {
    return this.name;
  }
}
export const Sym = sharedClass("Sym", SymImpl);
export type Sym = SymImpl;

const symbolTable = registry.symbols as Map<string, Sym>;

/** The interned symbol named `name`: `intern("a") === intern("a")`. */
export function intern(name: string): Sym {
  let sym = symbolTable.get(name);
  if (sym === undefined) {
    sym = new Sym(name, true);
    symbolTable.set(name, sym);
  }
  return sym;
}

/** A fresh symbol that is not `eq?` to any other, printed with `name`. */
export function uninternedSymbol(name: string): Sym {
  return new Sym(name, false);
}

// ### Chars

class CharImpl {
  constructor(
    /** A Unicode scalar value (0..0x10FFFF, surrogates excluded). */
    readonly codePoint: number,
  ) {}
  toString(): string {
    return String.fromCodePoint(this.codePoint);
  }
}
export const Char = sharedClass("Char", CharImpl);
export type Char = CharImpl;

const charTable = registry.chars as Map<number, Char>;

/** The char with code point `codePoint`; chars are interned so that `eq?` works on them. */
export function char(codePoint: number): Char {
  let c = charTable.get(codePoint);
  if (c === undefined) {
    c = new Char(codePoint);
    charTable.set(codePoint, c);
  }
  return c;
}

// ### Strings
//
// Held as a JS string while it has no astral code point (then JS indices are code point
// indices); as an array of code points once it has one. Mutation keeps the cheaper form when it can.

class MStringImpl {
  private text: string | null;
  private points: number[] | null;

  constructor(text: string) {
    if (hasAstral(text)) {
      this.text = null;
      this.points = Array.from(text, (ch) => ch.codePointAt(0)!);
    } else {
      this.text = text;
      this.points = null;
    }
  }

  /** Number of code points. */
  get length(): number {
    return this.text !== null ? this.text.length : this.points!.length;
  }

  /** The code point at index `i` (no bounds check: the caller checks). */
  codePointAt(i: number): number {
    return this.text !== null ? this.text.charCodeAt(i) : this.points![i]!;
  }

  /** Replaces the code point at index `i`. */
  setCodePointAt(i: number, codePoint: number): void {
    if (this.text !== null) {
      if (codePoint < 0x10000) {
        const t = this.text;
        this.text = t.slice(0, i) + String.fromCharCode(codePoint) + t.slice(i + 1);
        return;
      }
      this.points = Array.from(this.text, (ch) => ch.charCodeAt(0));
      this.text = null;
    }
    this.points![i] = codePoint;
  }

  /** Code points `start` (inclusive) to `end` (exclusive) as a JS string. */
  slice(start: number, end: number): string {
    if (this.text !== null) return this.text.slice(start, end);
    return String.fromCodePoint(...this.points!.slice(start, end));
  }

  /** Replaces the whole contents (used by `string-fill!`, `string-copy!`). */
  setText(text: string): void {
    if (hasAstral(text)) {
      this.text = null;
      this.points = Array.from(text, (ch) => ch.codePointAt(0)!);
    } else {
      this.text = text;
      this.points = null;
    }
  }

  /** The contents as a JS string. */
  toString(): string {
    if (this.text !== null) return this.text;
    let out = "";
    const pts = this.points!;
    for (let i = 0; i < pts.length; i += 4096) out += String.fromCodePoint(...pts.slice(i, i + 4096));
    return out;
  }
}
export const MString = sharedClass("MString", MStringImpl);
export type MString = MStringImpl;

function hasAstral(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** A new mutable Scheme string with the contents of `text`. */
export function string(text: string): MString {
  return new MString(text);
}

// ### Numbers
//
// See the table above. The arithmetic lives in the runtime; here are the representations and
// the normalising constructors every package must use.

class FlonumImpl {
  constructor(
    /** An integral double (including -0); non-integral doubles are never boxed. */
    readonly value: number,
  ) {}
}
export const Flonum = sharedClass("Flonum", FlonumImpl);
export type Flonum = FlonumImpl;

/** The Scheme flonum for the double `x`: unboxed unless integral. */
export function flonum(x: number): number | Flonum {
  return Number.isInteger(x) || Object.is(x, -0) ? new Flonum(x) : x;
}

class RatioImpl {
  constructor(
    /** Numerator, an exact integer, carrying the sign. */
    readonly numerator: number | bigint,
    /** Denominator, an exact integer > 1, coprime with the numerator. */
    readonly denominator: number | bigint,
  ) {}
}
export const Ratio = sharedClass("Ratio", RatioImpl);
export type Ratio = RatioImpl;

/** An exact integer in its canonical form: a JS number when safe, otherwise a bigint. */
export function exactInteger(n: bigint | number): number | bigint {
  if (typeof n === "number") {
    if (Number.isSafeInteger(n)) return n === 0 ? 0 : n;
    return BigInt(n);
  }
  return n >= -9007199254740991n && n <= 9007199254740991n ? Number(n) : n;
}

function bigAbs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

function bigGcd(a: bigint, b: bigint): bigint {
  a = bigAbs(a);
  b = bigAbs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The exact rational n/d in canonical form (an exact integer when d divides n). */
export function exactRational(n: bigint | number, d: bigint | number): number | bigint | Ratio {
  let bn = BigInt(n);
  let bd = BigInt(d);
  if (bd === 0n) throw new RangeError("division by zero");
  if (bd < 0n) {
    bn = -bn;
    bd = -bd;
  }
  const g = bigGcd(bn, bd);
  if (g !== 1n) {
    bn /= g;
    bd /= g;
  }
  if (bd === 1n) return exactInteger(bn);
  return new Ratio(exactInteger(bn), exactInteger(bd));
}

/** True for exact integers in canonical form. */
export function isExactInteger(v: unknown): v is number | bigint {
  return (typeof v === "number" && Number.isInteger(v) && !Object.is(v, -0)) || typeof v === "bigint";
}

/** True for flonums, boxed or not. */
export function isFlonum(v: unknown): v is number | Flonum {
  return (typeof v === "number" && !Number.isInteger(v)) || v instanceof Flonum;
}

/** The double held by a flonum. */
export function flonumValue(v: number | Flonum): number {
  return typeof v === "number" ? v : v.value;
}

/** A real Scheme number: an exact integer, a `Ratio` or a flonum. */
export type RealNumber = number | bigint | Ratio | Flonum;

class ComplexImpl {
  constructor(
    /** The real part, exact or inexact. */
    readonly real: RealNumber,
    /** The imaginary part, never exact zero (that number is the real part alone). */
    readonly imag: RealNumber,
  ) {}
}
export const Complex = sharedClass("Complex", ComplexImpl);
export type Complex = ComplexImpl;

/**
 * The number `re + im·i` in canonical form: `re` itself when `im` is exact zero (so
 * `(real? 1+0i)` is #t), a `Complex` otherwise (`1+0.0i` stays complex, as R7RS allows).
 */
export function rectangular(re: RealNumber, im: RealNumber): RealNumber | Complex {
  return im === 0 ? re : new Complex(re, im);
}

/** True for real numbers: exact integers, rationals and flonums. */
export function isRealNumber(v: unknown): v is RealNumber {
  return typeof v === "number" || typeof v === "bigint" || v instanceof Flonum || v instanceof Ratio;
}

/** True for every Scheme number: exact integers, rationals, flonums and non-real complex numbers. */
export function isNumber(v: unknown): boolean {
  return (
    typeof v === "number" ||
    typeof v === "bigint" ||
    v instanceof Flonum ||
    v instanceof Ratio ||
    v instanceof Complex
  );
}

// ### Records

class RecordTypeImpl {
  constructor(
    /** The type's name as written, e.g. `point` or a qualified `github.com/fred/geo@1.0#point`. */
    readonly name: string,
    /** Identifies the type across nodes: the qualified name plus the definition site. */
    readonly uid: string,
    /** Field names in order. */
    readonly fieldNames: readonly string[],
  ) {}
}
export const RecordType = sharedClass("RecordType", RecordTypeImpl);
export type RecordType = RecordTypeImpl;

class RecordImpl {
  constructor(
    readonly type: RecordType,
    /** Field values in the order of `type.fieldNames`. */
    readonly fields: unknown[],
  ) {}
}
export const Record = sharedClass("Record", RecordImpl);
export type Record = RecordImpl;

// ### Error objects
//
// What `raise` carries when the runtime or `error` signals: a value like any other, so it can be
// printed, caught by `guard`, and sent to another node (a process's exit reason).

class ErrorObjectImpl {
  constructor(
    /** `error` for `(error ...)` and run-time errors; `file` and `read` as R7RS distinguishes. */
    readonly kind: "error" | "file" | "read",
    readonly message: string,
    readonly irritants: readonly unknown[],
    /** The procedure or form that signalled, when known (`car`, `vector-ref`, `my-proc`). */
    readonly who?: string | undefined,
  ) {}
}
export const ErrorObject = sharedClass("ErrorObject", ErrorObjectImpl);
export type ErrorObject = ErrorObjectImpl;

// ### Other singletons and wrappers

class EofObjectImpl {
  toString(): string {
    return "#<eof>";
  }
}
export const EofObject = sharedClass("EofObject", EofObjectImpl);
export type EofObject = EofObjectImpl;
/** The eof object. */
export const EOF: EofObject = sharedSingleton("EOF", () => new EofObject());

class MultipleValuesImpl {
  constructor(readonly values: readonly unknown[]) {}
}
export const MultipleValues = sharedClass("MultipleValues", MultipleValuesImpl);
export type MultipleValues = MultipleValuesImpl;

/** `(values v ...)`: a single value stands for itself; any other count is wrapped. */
export function values(vs: readonly unknown[]): unknown {
  return vs.length === 1 ? vs[0] : new MultipleValues(vs);
}

/**
 * Any Scheme value. Kept as `unknown` on purpose: every consumer must test with the guards of
 * this package before use, which is what a dynamically typed language asks anyway.
 */
export type Datum = unknown;
