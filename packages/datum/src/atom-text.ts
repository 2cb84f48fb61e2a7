// ## Strings, chars and symbols as text
//
// The written forms must read back as the same datum, so escapes follow R7RS §7.1.1 and a symbol
// gets `|bars|` exactly when its plain name would read back as something else.

import type { Char, Sym } from "./values.js";

// ### Strings

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

/** The escape for UTF-16 unit `c` at `i` in a string literal, or undefined if it stands as is. */
function stringEscape(text: string, i: number, c: number): string | undefined {
  if (c === 34) return '\\"';
  if (c === 92) return "\\\\";
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
    const ch = String.fromCharCode(c);
    return MNEMONIC[ch] ?? hexEscape(ch);
  }
  if (c >= 0xd800 && c <= 0xdfff) {
    // A well-formed pair is an astral char and stays; a lone surrogate is escaped.
    const next = text.charCodeAt(i + 1);
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) return undefined;
    const prev = text.charCodeAt(i - 1);
    if (c >= 0xdc00 && prev >= 0xd800 && prev <= 0xdbff) return undefined;
    return `\\x${c.toString(16)};`;
  }
  return undefined;
}

/**
 * `text` as a Scheme string literal with R7RS escapes: `\"`, `\\`, `\a \b \t \n \r`, and
 * `\x<hex>;` for other control chars and lone surrogates.
 */
export function writeStringLiteral(text: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII other than `"` and `\`: the common case, decided by one test.
    if (c >= 0x20 && c < 0x7f && c !== 34 && c !== 92) continue;
    const replacement = stringEscape(text, i, c);
    if (replacement === undefined) continue;
    out += text.slice(start, i) + replacement;
    start = i + 1;
  }
  return start === 0 ? `"${text}"` : `${out}${text.slice(start)}"`;
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
