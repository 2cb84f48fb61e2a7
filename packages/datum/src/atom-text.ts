// ## Strings, chars and symbols as text
//
// The written forms must read back as the same datum, so escapes follow R7RS §7.1.1 and a symbol
// gets `|bars|` exactly when its plain name would read back as something else.

import type { Char, Sym } from "./values.js";

// ### Strings

// Control chars, lone surrogates and the two chars that need a backslash. With the `u` flag a
// well-formed surrogate pair is one astral code point and is left alone.
const STRING_ESCAPE = /[\p{Cc}\p{Cs}"\\]/u;
const STRING_ESCAPE_ALL = /[\p{Cc}\p{Cs}"\\]/gu;

const MNEMONIC: Record<string, string> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\t": "\\t",
  "\n": "\\n",
  "\r": "\\r",
  '"': '\\"',
  "\\": "\\\\",
  "|": "\\|",
};

function hexEscape(ch: string): string {
  return `\\x${ch.codePointAt(0)!.toString(16)};`;
}

function escapeStringChar(ch: string): string {
  return MNEMONIC[ch] ?? hexEscape(ch);
}

/** `text` as a Scheme string literal, with R7RS escapes: `"a\nb"` → `"a\\nb"` in quotes. */
export function writeStringLiteral(text: string): string {
  if (!STRING_ESCAPE.test(text)) return `"${text}"`;
  return `"${text.replace(STRING_ESCAPE_ALL, escapeStringChar)}"`;
}

// ### Chars

const CHAR_NAMES = new Map<number, string>([
  [0x00, "null"],
  [0x07, "alarm"],
  [0x08, "backspace"],
  [0x09, "tab"],
  [0x0a, "newline"],
  [0x0d, "return"],
  [0x1b, "escape"],
  [0x20, "space"],
  [0x7f, "delete"],
]);

// Chars that would not show as themselves: controls, format chars, separators, unassigned.
const NON_GRAPHIC = /^[\p{C}\p{Z}]$/u;

/** The written form of a char: `#\a`, `#\space`, `#\x200b`. */
export function writeCharLiteral(c: Char): string {
  const cp = c.codePoint;
  if (cp > 0x20 && cp < 0x7f) return `#\\${String.fromCharCode(cp)}`;
  const name = CHAR_NAMES.get(cp);
  if (name !== undefined) return `#\\${name}`;
  const text = String.fromCodePoint(cp);
  return NON_GRAPHIC.test(text) ? `#\\x${cp.toString(16)}` : `#\\${text}`;
}

// ### Symbols

// Chars that end or change a token (delimiters, quote marks, the reserved brackets, backslash) and
// chars that would not show: any of them in a name calls for bars.
const NEEDS_BARS = /[\s()"';`,|\\[\]{}\p{C}\p{Z}]/u;
const BAR_ESCAPE_ALL = /[\p{C}\p{Z}|\\]/gu;

function escapeBarChar(ch: string): string {
  if (ch === " ") return ch;
  return MNEMONIC[ch] ?? hexEscape(ch);
}

/**
 * True when `name` read as plain text would not be the symbol `name`: it is empty, is `.`,
 * starts with `#`, contains a delimiter or a char that does not show, or looks like a number.
 */
export function symbolNeedsBars(name: string): boolean {
  if (name.length === 0) return true;
  const c0 = name.charCodeAt(0);
  if (c0 === 35 /* # */) return true;
  if (name === ".") return true;
  if (NEEDS_BARS.test(name)) return true;
  return looksNumeric(name, c0);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// Conservative: every name that R7RS number syntax (radix 10, no prefix) could start reading as a
// number gets bars — `1`, `1+`, `.5`, `+1`, `-.5e3`, `+i`, `+inf.0`, `-nan.0x` — while `+`, `-`,
// `...`, `->x`, `-a`, `+info` and `@2.0` stay plain.
const SIGNED_SPECIAL = /^[+-](?:i$|inf\.0|nan\.0)/i;

function looksNumeric(name: string, c0: number): boolean {
  if (isDigit(c0)) return true;
  if (c0 === 46 /* . */) return isDigit(name.charCodeAt(1));
  if (c0 !== 43 /* + */ && c0 !== 45 /* - */) return false;
  const c1 = name.charCodeAt(1);
  if (isDigit(c1)) return true;
  // `+.` alone is no identifier in R7RS, `+.5` is a number.
  if (c1 === 46) return name.length === 2 || isDigit(name.charCodeAt(2));
  return SIGNED_SPECIAL.test(name);
}

/** `name` between bars with `|`, `\` and chars that do not show escaped: `|a b|`, `|a\|b|`. */
export function barredSymbolName(name: string): string {
  return `|${name.replace(BAR_ESCAPE_ALL, escapeBarChar)}|`;
}

/** The written form of a symbol named `name`: `symbolNameText("a b")` → `|a b|`. */
export function symbolNameText(name: string): string {
  return symbolNeedsBars(name) ? barredSymbolName(name) : name;
}

const writtenSymbols = new WeakMap<Sym, string>();

/** The written form of a symbol (cached: symbols are printed far more often than made). */
export function writeSymbol(sym: Sym): string {
  let text = writtenSymbols.get(sym);
  if (text === undefined) {
    text = symbolNameText(sym.name);
    writtenSymbols.set(sym, text);
  }
  return text;
}
