// ## Characters: (scheme base) char procedures and (scheme char)
//
// Unicode properties come from the JS regexp engine (`\p{…}`), which follows the Unicode version
// of the running Node. Case mapping of a single char is the *simple* mapping: when the full
// mapping of a char is several chars (ß -> SS), the char maps to itself, as R7RS says.

import { Char, char } from "@termite/datum";
import { typeError } from "../errors.js";
import { type PrimitiveSpec, prim } from "../primitive.js";
import { charArg } from "./arguments.js";

// ### Case mapping

function single(text: string, fallback: number): number {
  const cp = text.codePointAt(0)!;
  return text.length === (cp > 0xffff ? 2 : 1) ? cp : fallback;
}

/** Simple uppercase mapping of a code point. */
export function upcaseCodePoint(cp: number): number {
  if (cp < 128) return cp >= 97 && cp <= 122 ? cp - 32 : cp;
  return single(String.fromCodePoint(cp).toUpperCase(), cp);
}

/** Simple lowercase mapping of a code point. */
export function downcaseCodePoint(cp: number): number {
  if (cp < 128) return cp >= 65 && cp <= 90 ? cp + 32 : cp;
  return single(String.fromCodePoint(cp).toLowerCase(), cp);
}

/**
 * Simple case folding of a code point. Folding is lowercase of uppercase (so ſ, K (Kelvin) and ς
 * fold like s, k and σ), except Cherokee, whose letters fold to their uppercase forms.
 */
export function foldcaseCodePoint(cp: number): number {
  if (cp < 128) return cp >= 65 && cp <= 90 ? cp + 32 : cp;
  if (cp >= 0x13f8 && cp <= 0x13fd) return cp - 8;
  if (cp >= 0xab70 && cp <= 0xabbf) return cp - 0xab70 + 0x13a0;
  if (cp >= 0x13a0 && cp <= 0x13f5) return cp;
  const up = upcaseCodePoint(cp);
  const folded = downcaseCodePoint(up);
  // A char whose uppercase has no single lowercase back (e.g. İ) folds to its own lowercase.
  return up === folded && up !== cp ? downcaseCodePoint(cp) : folded;
}

/**
 * Full case folding of a string (ß -> ss, ᾳ -> αι): lowercase of uppercase, char by char so that
 * no final-sigma context applies, with Cherokee and capital sharp s as exceptions.
 */
export function foldcaseText(text: string): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : ch;
    else if ((cp >= 0x13a0 && cp <= 0x13fd) || (cp >= 0xab70 && cp <= 0xabbf)) {
      out += String.fromCodePoint(foldcaseCodePoint(cp));
    } else if (cp === 0x1e9e) out += "ss";
    else out += ch.toUpperCase().toLowerCase();
  }
  return out;
}

// ### Properties

const ALPHABETIC = /^\p{Alphabetic}$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
const WHITE_SPACE = /^\p{White_Space}$/u;
const UPPERCASE = /^\p{Uppercase}$/u;
const LOWERCASE = /^\p{Lowercase}$/u;

function isAlphabetic(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return ALPHABETIC.test(String.fromCodePoint(cp));
}

function isDecimalDigit(cp: number): boolean {
  if (cp < 128) return cp >= 48 && cp <= 57;
  return DECIMAL_DIGIT.test(String.fromCodePoint(cp));
}

function isWhiteSpace(cp: number): boolean {
  if (cp < 128) return cp === 32 || (cp >= 9 && cp <= 13);
  return WHITE_SPACE.test(String.fromCodePoint(cp));
}

/**
 * The value of a decimal digit, or false. Unicode keeps every decimal digit set as ten
 * consecutive code points from 0 to 9, so the value is the distance to the run's start mod 10.
 */
export function digitValue(cp: number): number | false {
  if (cp < 128) return cp >= 48 && cp <= 57 ? cp - 48 : false;
  if (!isDecimalDigit(cp)) return false;
  let start = cp;
  while (isDecimalDigit(start - 1)) start--;
  return (cp - start) % 10;
}

// ### The procedures

function charPredicate(who: string, test: (cp: number) => boolean): PrimitiveSpec {
  return prim(1, 1, (c: unknown) => test(charArg(who, c, 0)));
}

function charMapping(who: string, map: (cp: number) => number): PrimitiveSpec {
  return prim(1, 1, (c: unknown) => char(map(charArg(who, c, 0))));
}

/** A variadic char comparison; `key` maps code points before comparing (identity or folding). */
function charComparison(who: string, test: (a: number, b: number) => boolean, key?: (cp: number) => number) {
  return prim(1, -1, (...args: unknown[]): boolean => {
    let previous = charArg(who, args[0], 0);
    if (key) previous = key(previous);
    let result = true;
    for (let i = 1; i < args.length; i++) {
      let next = charArg(who, args[i], i);
      if (key) next = key(next);
      if (result && !test(previous, next)) result = false;
      previous = next;
    }
    return result;
  });
}

const eq = (a: number, b: number) => a === b;
const lt = (a: number, b: number) => a < b;
const gt = (a: number, b: number) => a > b;
const le = (a: number, b: number) => a <= b;
const ge = (a: number, b: number) => a >= b;

/** `(integer->char n)`: n must be a Unicode scalar value. */
function integerToChar(n: unknown): Char {
  if (
    typeof n === "number" &&
    Number.isInteger(n) &&
    n >= 0 &&
    n <= 0x10ffff &&
    !(n >= 0xd800 && n <= 0xdfff)
  ) {
    return char(n);
  }
  return typeError("integer->char", "a Unicode scalar value (0 to #x10FFFF, not a surrogate)", n, 0);
}

/** Char procedures of (scheme base). */
export const charBaseBindings: Record<string, PrimitiveSpec> = {
  "char?": prim(1, 1, (x: unknown) => x instanceof Char),
  "char->integer": prim(1, 1, (c: unknown) => charArg("char->integer", c, 0)),
  "integer->char": prim(1, 1, integerToChar),
  "char=?": charComparison("char=?", eq),
  "char<?": charComparison("char<?", lt),
  "char>?": charComparison("char>?", gt),
  "char<=?": charComparison("char<=?", le),
  "char>=?": charComparison("char>=?", ge),
};

/** Char procedures of (scheme char). */
export const charCharBindings: Record<string, PrimitiveSpec> = {
  "char-ci=?": charComparison("char-ci=?", eq, foldcaseCodePoint),
  "char-ci<?": charComparison("char-ci<?", lt, foldcaseCodePoint),
  "char-ci>?": charComparison("char-ci>?", gt, foldcaseCodePoint),
  "char-ci<=?": charComparison("char-ci<=?", le, foldcaseCodePoint),
  "char-ci>=?": charComparison("char-ci>=?", ge, foldcaseCodePoint),
  "char-alphabetic?": charPredicate("char-alphabetic?", isAlphabetic),
  "char-numeric?": charPredicate("char-numeric?", isDecimalDigit),
  "char-whitespace?": charPredicate("char-whitespace?", isWhiteSpace),
  "char-upper-case?": charPredicate("char-upper-case?", (cp) =>
    cp < 128 ? cp >= 65 && cp <= 90 : UPPERCASE.test(String.fromCodePoint(cp)),
  ),
  "char-lower-case?": charPredicate("char-lower-case?", (cp) =>
    cp < 128 ? cp >= 97 && cp <= 122 : LOWERCASE.test(String.fromCodePoint(cp)),
  ),
  "digit-value": prim(1, 1, (c: unknown) => digitValue(charArg("digit-value", c, 0))),
  "char-upcase": charMapping("char-upcase", upcaseCodePoint),
  "char-downcase": charMapping("char-downcase", downcaseCodePoint),
  "char-foldcase": charMapping("char-foldcase", foldcaseCodePoint),
};
