// ## The datum reader
//
// One pass over the text, one datum per `read()`. Nesting is kept on an explicit stack of frames
// (list, vector, bytevector, quote-like abbreviation, datum label, datum comment) instead of the JS
// call stack, so a 10^5-deep list reads like a flat one. Each scanner (string, char, number,
// symbol) builds its value directly from the text; there is no token object in between.
//
// Line numbers are kept up to date as newlines are passed (whitespace, comments, strings), so the
// position of a list or string costs only a few fields on its first pair (`SourcePair`) or on the
// string (`SourceString`); vectors and bytevectors, rarer, go in datum's weak table. Atoms
// (numbers, symbols, chars) get no position and pay nothing.

import {
  type Char,
  char,
  EOF,
  intern,
  Pair,
  type SourceLocation,
  SourcePair,
  SourceString,
  type Sym,
  setLocation,
  string,
} from "@termite/datum";
import { CHAR_NAMES } from "./char-names.js";
import { foldCase } from "./fold-case.js";
import { scanNumber, ZERO_DENOMINATOR } from "./number-syntax.js";
import { ReadError, type ReadErrorCode } from "./read-error.js";

/** How to read. */
export interface ReadOptions {
  /** Recorded in every source position and error message. */
  file?: string | undefined;
  /** Start as if `#!fold-case` had been read (symbols and char names folded to lower case). */
  foldCase?: boolean | undefined;
  /** Record source positions of lists, vectors, bytevectors and strings (default true). */
  positions?: boolean | undefined;
}

// ### Character classes
//
// Delimiters end a symbol or number: whitespace, ( ) " ; | and the brackets R7RS reserves.

const DELIMITER = new Uint8Array(128);
for (const c of ' \t\n\r\f\v()";|[]{}') DELIMITER[c.charCodeAt(0)] = 1;

function isDelimiter(c: number): boolean {
  return c < 128 && DELIMITER[c] === 1;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
}

// ### Frames
//
// What the reader is inside of. Frames are pooled by depth: a deep read allocates them once.

const LIST = 0;
const VECTOR = 1;
const BYTEVECTOR = 2;
const ABBREVIATION = 3;
const LABEL = 4;
const DATUM_COMMENT = 5;

// States of a list frame around the dot of `(a . b)`.
const ELEMENTS = 0;
const AFTER_DOT = 1;
const AFTER_TAIL = 2;

class Frame {
  kind = LIST;
  head: Pair | null = null;
  tail: Pair | null = null;
  items: unknown[] = [];
  dot = ELEMENTS;
  /** The symbol an abbreviation stands for (`quote` for `'`). */
  symbol: Sym | null = null;
  label = 0;
  /** Where the frame's opening token starts. */
  offset = 0;
  line = 0;
  column = 0;
}

/** Stands for a datum label's value while that value is still being read (`#0=(a . #0#)`). */
class Placeholder {
  used = false;
  constructor(readonly label: number) {}
}

const QUOTE = intern("quote");
const QUASIQUOTE = intern("quasiquote");
const UNQUOTE = intern("unquote");
const UNQUOTE_SPLICING = intern("unquote-splicing");

/** What `next()` returns at the end of the text (distinct from a read `#!eof`). */
export const END_OF_TEXT: unique symbol = Symbol("end of text");

/**
 * Reads datums one at a time from `text`; what a port's `read` and the REPL use.
 *
 * @example
 * const reader = new DatumReader("(a b) 42");
 * reader.read(); // (a b)
 * reader.read(); // 42
 * reader.read(); // EOF
 */
export class DatumReader {
  private readonly text: string;
  private readonly file: string | undefined;
  private readonly positions: boolean;
  private folding: boolean;
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private readonly stack: Frame[] = [];
  private labels: Map<number, unknown> | null = null;
  // First backslash at or after some offset ≤ the current one (-1: none): keeps string scanning linear.
  private nextBackslash = -2;

  constructor(text: string, options: ReadOptions = {}) {
    this.text = text;
    this.file = options.file;
    this.positions = options.positions !== false;
    this.folding = options.foldCase === true;
  }

  /** Offset (UTF-16 units) just after the last datum read: where the next read starts. */
  get offset(): number {
    return this.pos;
  }

  /** Whether symbols and char names are being case-folded (`#!fold-case` seen). */
  get foldCase(): boolean {
    return this.folding;
  }

  /** The next datum, or `EOF` when only whitespace and comments remain. Throws `ReadError`. */
  read(): unknown {
    const value = this.next();
    return value === END_OF_TEXT ? EOF : value;
  }

  /**
   * The next datum, or `END_OF_TEXT`. After a `ReadError` the reader is back where that datum
   * started, so `offset` tells where the bad datum begins.
   */
  next(): unknown {
    const pos = this.pos;
    const line = this.line;
    const lineStart = this.lineStart;
    try {
      return this.readDatum();
    } catch (error) {
      this.pos = pos;
      this.line = line;
      this.lineStart = lineStart;
      throw error;
    }
  }

  // ### The main loop
  //
  // Reads one token; an opening token pushes a frame, a complete datum is handed to the frame
  // on top, which may complete in turn (an abbreviation, a label) and hand its datum further down.

  private readDatum(): unknown {
    const text = this.text;
    const stack = this.stack;
    let depth = 0;
    this.labels = null;
    let value: unknown;
    next: for (;;) {
      const c = this.skipSpace();
      const start = this.pos;
      // Where the datum handed down below begins (a closed list begins at its "(").
      let datumStart = start;
      switch (c) {
        case 40 /* ( */:
          this.push(depth++, LIST);
          this.pos++;
          continue;
        case 41 /* ) */:
          {
            if (depth === 0) this.fail("unexpected-close", start, '")" with no list open', "a datum");
            const frame = stack[depth - 1]!;
            value = this.close(frame, start);
            datumStart = frame.offset;
            depth--;
            this.pos++;
            break;
          }
        case 34 /* " */:
          value = this.readString();
          break;
        case 39 /* ' */:
          this.push(depth++, ABBREVIATION).symbol = QUOTE;
          this.pos++;
          continue;
        case 96 /* ` */:
          this.push(depth++, ABBREVIATION).symbol = QUASIQUOTE;
          this.pos++;
          continue;
        case 44 /* , */:
          if (text.charCodeAt(start + 1) === 64 /* @ */) {
            this.push(depth++, ABBREVIATION).symbol = UNQUOTE_SPLICING;
            this.pos += 2;
          } else {
            this.push(depth++, ABBREVIATION).symbol = UNQUOTE;
            this.pos++;
          }
          continue;
        case 35 /* # */:
          {
            const d = text.charCodeAt(start + 1);
            if (d === 40 /* ( */) {
              this.push(depth++, VECTOR).items = [];
              this.pos += 2;
              continue;
            }
            if (d === 92 /* \ */) {
              value = this.readChar();
              break;
            }
            if (d === 59 /* ; */) {
              this.push(depth++, DATUM_COMMENT);
              this.pos += 2;
              continue;
            }
            if (d === 124 /* | */) {
              this.skipBlockComment();
              continue;
            }
            if ((d | 0x20) === 117 /* u */ && text.startsWith("8(", start + 2)) {
              this.push(depth++, BYTEVECTOR).items = [];
              this.pos += 4;
              continue;
            }
            if (d >= 48 && d <= 57) {
              const labelled = this.readLabel(depth);
              if (labelled === LABEL_PUSHED) {
                depth++;
                continue;
              }
              value = labelled;
              break;
            }
            if (d === 33 /* ! */) {
              const directive = this.readDirective();
              if (directive === NO_DATUM) continue;
              value = directive;
              break;
            }
            value = this.readHashAtom();
            break;
          }
        case 124 /* | */:
          value = this.readBarSymbol();
          break;
        case -1:
          if (depth === 0) return END_OF_TEXT;
          this.failUnterminated(stack[depth - 1]!);
          break;
        case 91 /* [ */:
        case 93 /* ] */:
        case 123 /* { */:
        case 125 /* } */:
          this.fail(
            "reserved-char",
            start,
            `"${text[start]}", which R7RS reserves`,
            'a datum (write lists with "(" and ")")',
          );
          break;
        case 46 /* . */:
          if (this.pos + 1 >= text.length || isDelimiter(text.charCodeAt(this.pos + 1))) {
            this.readDot(depth, start);
            this.pos++;
            continue;
          }
          value = this.readAtom();
          break;
        default:
          value = this.readAtom();
      }

      // Hand the datum to the frames below it.
      for (;;) {
        if (depth === 0) return value;
        const frame = stack[depth - 1]!;
        switch (frame.kind) {
          case LIST: {
            if (frame.dot === ELEMENTS) {
              if (frame.tail === null) {
                const pair = this.positions
                  ? new SourcePair(value, null, this.file, frame.line, frame.column, frame.offset)
                  : new Pair(value, null);
                frame.head = pair;
                frame.tail = pair;
              } else {
                const pair = new Pair(value, null);
                frame.tail.cdr = pair;
                frame.tail = pair;
              }
            } else if (frame.dot === AFTER_DOT) {
              frame.tail!.cdr = value;
              frame.dot = AFTER_TAIL;
            } else {
              this.fail("bad-dotted-list", datumStart, "a second datum after the dot of a list", '")"');
            }
            continue next;
          }
          case VECTOR:
            frame.items.push(value);
            continue next;
          case BYTEVECTOR:
            if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 255) {
              this.fail(
                "bad-bytevector-element",
                datumStart,
                `${text.slice(datumStart, this.pos)} in a bytevector`,
                "an exact integer from 0 to 255",
              );
            }
            frame.items.push(value);
            continue next;
          case ABBREVIATION: {
            depth--;
            const rest = new Pair(value, null);
            value = this.positions
              ? new SourcePair(frame.symbol, rest, this.file, frame.line, frame.column, frame.offset)
              : new Pair(frame.symbol, rest);
            datumStart = frame.offset;
            continue;
          }
          case LABEL:
            depth--;
            value = this.defineLabel(frame, value);
            datumStart = frame.offset;
            continue;
          default:
            depth--;
            continue next;
        }
      }
    }
  }

  private push(depth: number, kind: number): Frame {
    let frame = this.stack[depth];
    if (frame === undefined) {
      frame = new Frame();
      this.stack[depth] = frame;
    }
    frame.kind = kind;
    frame.head = null;
    frame.tail = null;
    frame.dot = ELEMENTS;
    frame.offset = this.pos;
    frame.line = this.line;
    frame.column = this.pos - this.lineStart + 1;
    return frame;
  }

  private frameLocation(frame: Frame): SourceLocation {
    return { file: this.file, line: frame.line, column: frame.column, offset: frame.offset };
  }

  // `)` ends the frame on top: the datum it built.
  private close(frame: Frame, at: number): unknown {
    switch (frame.kind) {
      case LIST:
        if (frame.dot === AFTER_DOT)
          this.fail("bad-dotted-list", at, '")" right after a dot', "a datum after the dot");
        return frame.head;
      case VECTOR: {
        const vector = frame.items;
        if (this.positions) setLocation(vector, this.frameLocation(frame));
        return vector;
      }
      case BYTEVECTOR: {
        const bytes = Uint8Array.from(frame.items as number[]);
        if (this.positions) setLocation(bytes, this.frameLocation(frame));
        return bytes;
      }
      default:
        return this.fail("missing-datum", at, `")" right after ${frameName(frame)}`, "a datum");
    }
  }

  private readDot(depth: number, at: number): void {
    const frame = depth > 0 ? this.stack[depth - 1]! : null;
    if (frame === null || frame.kind !== LIST) {
      this.fail("unexpected-dot", at, '"." outside a list', "a datum");
    }
    if (frame.tail === null)
      this.fail("bad-dotted-list", at, '"." before any element of the list', "a datum");
    if (frame.dot !== ELEMENTS) this.fail("bad-dotted-list", at, 'a second "." in a list', '")"');
    frame.dot = AFTER_DOT;
  }

  // ### Whitespace and comments

  /** Skips whitespace and `;` comments; returns the code at the new position, -1 at the end. */
  private skipSpace(): number {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9) {
        pos++;
      } else if (c === 10) {
        pos++;
        this.line++;
        this.lineStart = pos;
      } else if (c === 59 /* ; */) {
        const newline = text.indexOf("\n", pos);
        pos = newline < 0 ? text.length : newline;
      } else if (c === 13 || c === 12 || c === 11) {
        pos++;
      } else {
        this.pos = pos;
        return pos < text.length ? c : -1;
      }
    }
  }

  //     #| outer #| nested |# still a comment |#
  //     ^ pos
  private skipBlockComment(): void {
    const text = this.text;
    const open = this.pos;
    let i = open + 2;
    let nesting = 1;
    while (nesting > 0) {
      if (i >= text.length) {
        this.fail("unterminated-comment", open, "end of input inside this #| comment", '"|#"', true);
      }
      const c = text.charCodeAt(i);
      if (c === 124 /* | */ && text.charCodeAt(i + 1) === 35 /* # */) {
        nesting--;
        i += 2;
      } else if (c === 35 && text.charCodeAt(i + 1) === 124) {
        nesting++;
        i += 2;
      } else {
        if (c === 10) {
          this.line++;
          this.lineStart = i + 1;
        }
        i++;
      }
    }
    this.pos = i;
  }

  // ### Atoms

  private scanToken(from: number): number {
    const text = this.text;
    const length = text.length;
    let i = from;
    while (i < length && !isDelimiter(text.charCodeAt(i))) i++;
    return i;
  }

  /** A number or a symbol: anything not a number is a symbol (`1+`, `->x`, `@2.0`, `a#b`). */
  private readAtom(): unknown {
    const start = this.pos;
    const end = this.scanToken(start);
    this.pos = end;
    const token = this.text.slice(start, end);
    const c = token.charCodeAt(0);
    if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
      const number = scanNumber(token, 10);
      if (number !== false) return this.checkNumber(number, token, start);
    }
    return intern(this.folding ? foldCase(token) : token);
  }

  private checkNumber(number: unknown, token: string, at: number): unknown {
    if (number === ZERO_DENOMINATOR) {
      this.fail("bad-number", at, `the fraction ${token} with a zero denominator`, "a nonzero denominator");
    }
    return number;
  }

  // `#t`, `#false`, `#x1F`, `#e1.5`…: the `#` forms that are one token.
  private readHashAtom(): unknown {
    const text = this.text;
    const start = this.pos;
    const end = this.scanToken(start + 1);
    const token = text.slice(start, end);
    if (token.length === 1) {
      const incomplete = end >= text.length;
      const found = incomplete ? 'end of input after "#"' : `"#" followed by ${JSON.stringify(text[end])}`;
      this.fail("bad-hash-syntax", start, found, "a datum such as #t, #(…) or #\\a", incomplete);
    }
    this.pos = end;
    switch (token.toLowerCase()) {
      case "#t":
      case "#true":
        return true;
      case "#f":
      case "#false":
        return false;
    }
    if ("xbodei".includes(token[1]!.toLowerCase())) {
      const number = scanNumber(token, 10);
      if (number === false) {
        this.fail("bad-number", start, `the malformed number ${token}`, "digits valid after its prefix");
      }
      return this.checkNumber(number, token, start);
    }
    return this.fail(
      "bad-hash-syntax",
      start,
      `the unknown syntax ${token}`,
      "a datum such as #t, #(…) or #\\a",
    );
  }

  //     #\a  #\space  #\x3bb  #\(
  //     ^ pos
  private readChar(): Char {
    const text = this.text;
    const at = this.pos;
    const first = at + 2;
    if (first >= text.length) {
      this.fail("missing-char", at, 'end of input after "#\\"', "a character", true);
    }
    const codePoint = text.codePointAt(first)!;
    const afterFirst = first + (codePoint > 0xffff ? 2 : 1);
    const end = this.scanToken(afterFirst);
    this.pos = end;
    if (end === afterFirst) return char(codePoint);
    const name = text.slice(first, end);
    const named = CHAR_NAMES.get(this.folding ? foldCase(name) : name);
    if (named !== undefined) return char(named);
    if ((codePoint | 0x20) === 120 /* x */ && end - afterFirst <= 8) {
      let hex = 0;
      let i = afterFirst;
      for (; i < end && isHexDigit(text.charCodeAt(i)); i++) hex = hex * 16 + Number.parseInt(text[i]!, 16);
      if (i === end) {
        if (hex > 0x10ffff || (hex >= 0xd800 && hex <= 0xdfff)) {
          this.fail(
            "bad-char-name",
            at,
            `#\\${name}, which is not a Unicode scalar value`,
            "a code point below #x110000 that is not a surrogate",
          );
        }
        return char(hex);
      }
    }
    return this.fail(
      "bad-char-name",
      at,
      `the unknown character name #\\${name}`,
      "one character, a name such as #\\space or #\\newline, or #\\x<hex digits>",
    );
  }

  // `#!fold-case`, `#!no-fold-case`, `#!eof`, `#!void`, and a `#!/…` or `#! ` script line at the
  // very start of the text.
  private readDirective(): unknown {
    const text = this.text;
    const at = this.pos;
    if (at === 0 && (text[2] === "/" || text[2] === " ")) {
      const newline = text.indexOf("\n");
      this.pos = newline < 0 ? text.length : newline;
      return NO_DATUM;
    }
    const end = this.scanToken(at + 2);
    const name = text.slice(at + 2, end);
    this.pos = end;
    switch (name) {
      case "fold-case":
        this.folding = true;
        return NO_DATUM;
      case "no-fold-case":
        this.folding = false;
        return NO_DATUM;
      case "eof":
        return EOF;
      case "void":
        return undefined;
    }
    return this.fail(
      "bad-directive",
      at,
      `the unknown directive #!${name}`,
      "#!fold-case, #!no-fold-case, #!eof or #!void",
    );
  }

  // ### Strings and |symbols|

  //     "a \"quoted\" word\x3bb;"
  //     ^ pos
  private readString(): unknown {
    const text = this.text;
    const open = this.pos;
    const line = this.line;
    const column = open - this.lineStart + 1;
    const close = text.indexOf('"', open + 1);
    let backslash = this.nextBackslash;
    if (backslash !== -1 && backslash <= open) backslash = this.nextBackslash = text.indexOf("\\", open + 1);
    let content: string;
    if (close >= 0 && (backslash < 0 || backslash > close)) {
      content = text.slice(open + 1, close);
      for (let i = open + 1; i < close; i++) {
        if (text.charCodeAt(i) === 10) {
          this.line++;
          this.lineStart = i + 1;
        }
      }
      this.pos = close + 1;
    } else {
      content = this.readEscaped(open, 34);
    }
    return this.positions
      ? new SourceString(content, { file: this.file, line, column, offset: open })
      : string(content);
  }

  //     |hello world|
  //     ^ pos
  private readBarSymbol(): Sym {
    return intern(this.readEscaped(this.pos, 124));
  }

  // The body of a string (`quote` is ") or |symbol| (`quote` is |), escapes decoded.
  private readEscaped(open: number, quote: number): string {
    const text = this.text;
    const length = text.length;
    let out = "";
    let chunk = open + 1;
    let i = chunk;
    for (;;) {
      if (i >= length) this.failUnterminatedText(open, quote);
      const c = text.charCodeAt(i);
      if (c === quote) break;
      if (c === 10) {
        this.line++;
        this.lineStart = i + 1;
        i++;
      } else if (c === 92 /* \ */) {
        out += text.slice(chunk, i);
        const [decoded, after] = this.readEscape(i, open, quote);
        out += decoded;
        i = chunk = after;
      } else {
        i++;
      }
    }
    this.pos = i + 1;
    return out + text.slice(chunk, i);
  }

  private readEscape(at: number, open: number, quote: number): [string, number] {
    const text = this.text;
    const e = text.charCodeAt(at + 1);
    switch (e) {
      case 97 /* a */:
        return ["\x07", at + 2];
      case 98 /* b */:
        return ["\b", at + 2];
      case 116 /* t */:
        return ["\t", at + 2];
      case 110 /* n */:
        return ["\n", at + 2];
      case 114 /* r */:
        return ["\r", at + 2];
      case 34 /* " */:
        return ['"', at + 2];
      case 92 /* \ */:
        return ["\\", at + 2];
      case 124 /* | */:
        return ["|", at + 2];
      case 120 /* x */:
      case 88 /* X */:
        {
          let i = at + 2;
          while (i < text.length && isHexDigit(text.charCodeAt(i))) i++;
          if (i >= text.length) this.failUnterminatedText(open, quote);
          const digits = text.slice(at + 2, i);
          if (text.charCodeAt(i) !== 59 /* ; */ || digits.length === 0 || digits.length > 8) {
            this.fail(
              "bad-escape",
              at,
              `the escape \\${text.slice(at + 1, i + 1)}`,
              "\\x<hex digits>; ended by a semicolon",
            );
          }
          const codePoint = Number.parseInt(digits, 16);
          if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
            this.fail(
              "bad-escape",
              at,
              `the escape \\x${digits}; (not a Unicode scalar value)`,
              "a code point below #x110000 that is not a surrogate",
            );
          }
          return [String.fromCodePoint(codePoint), i + 1];
        }
    }
    if (Number.isNaN(e)) this.failUnterminatedText(open, quote);
    // Line continuation: \ <spaces> newline <spaces>, strings only.
    if (quote === 34) {
      let i = at + 1;
      while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
      if (text.charCodeAt(i) === 13) i++;
      if (text.charCodeAt(i) === 10) {
        i++;
        this.line++;
        this.lineStart = i;
        while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
        return ["", i];
      }
    }
    const shown = JSON.stringify(text.slice(at, at + 2));
    return this.fail(
      "bad-escape",
      at,
      `the unknown escape ${shown}`,
      quote === 34
        ? 'one of \\a \\b \\t \\n \\r \\" \\\\ \\| \\x<hex>; or a line continuation'
        : 'one of \\a \\b \\t \\n \\r \\" \\\\ \\| \\x<hex>;',
    );
  }

  // ### Datum labels

  // `#12=` (pushes a label frame) or `#12#` (the labelled datum).
  private readLabel(depth: number): unknown {
    const text = this.text;
    const at = this.pos;
    let i = at + 1;
    while (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    const label = Number(text.slice(at + 1, i));
    const mark = text.charCodeAt(i);
    if (mark === 61 /* = */) {
      this.labels ??= new Map();
      if (this.labels.has(label)) {
        this.fail(
          "duplicate-label",
          at,
          `a second definition of label #${label}=`,
          "each label defined once per datum",
        );
      }
      this.labels.set(label, new Placeholder(label));
      this.push(depth, LABEL).label = label;
      this.pos = i + 1;
      return LABEL_PUSHED;
    }
    if (mark === 35 /* # */) {
      if (this.labels === null || !this.labels.has(label)) {
        this.fail(
          "undefined-label",
          at,
          `#${label}# before any #${label}=`,
          `#${label}= to be defined earlier in the same datum`,
        );
      }
      const value = this.labels.get(label);
      if (value instanceof Placeholder) value.used = true;
      this.pos = i + 1;
      return value;
    }
    const incomplete = i >= text.length;
    return this.fail(
      "bad-hash-syntax",
      at,
      incomplete ? `end of input after ${text.slice(at, i)}` : `${text.slice(at, i + 1)}`,
      `#${label}= or #${label}#`,
      incomplete,
    );
  }

  private defineLabel(frame: Frame, value: unknown): unknown {
    const placeholder = this.labels!.get(frame.label) as Placeholder;
    if (value === placeholder) {
      this.fail(
        "bad-label",
        frame.offset,
        `#${frame.label}= labelling only itself`,
        "a datum after the label",
      );
    }
    this.labels!.set(frame.label, value);
    if (placeholder.used) replacePlaceholder(value, placeholder, value);
    return value;
  }

  // ### Errors

  private fail(
    code: ReadErrorCode,
    offset: number,
    found: string,
    expected: string,
    incomplete = false,
  ): never {
    throw new ReadError(code, this.locationAt(offset), found, expected, incomplete);
  }

  // Errors are rare: counting lines from the start keeps the fast path free of bookkeeping.
  private locationAt(offset: number): SourceLocation {
    const text = this.text;
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { file: this.file, line, column: offset - lineStart + 1, offset };
  }

  private failUnterminated(frame: Frame): never {
    const code: ReadErrorCode =
      frame.kind === LIST
        ? "unterminated-list"
        : frame.kind === VECTOR
          ? "unterminated-vector"
          : frame.kind === BYTEVECTOR
            ? "unterminated-bytevector"
            : "missing-datum";
    const expected = code === "missing-datum" ? "a datum" : '")"';
    this.fail(code, frame.offset, `end of input inside ${frameName(frame)} that starts here`, expected, true);
  }

  private failUnterminatedText(open: number, quote: number): never {
    if (quote === 34)
      this.fail("unterminated-string", open, "end of input inside this string", "a closing '\"'", true);
    this.fail("unterminated-symbol", open, "end of input inside this |symbol|", 'a closing "|"', true);
  }
}

const LABEL_PUSHED: unique symbol = Symbol("label pushed");
const NO_DATUM: unique symbol = Symbol("no datum");

function frameName(frame: Frame): string {
  switch (frame.kind) {
    case LIST:
      return "the list";
    case VECTOR:
      return "the vector";
    case BYTEVECTOR:
      return "the bytevector";
    case ABBREVIATION:
      return `the abbreviation for ${frame.symbol!.name}`;
    case LABEL:
      return `the label #${frame.label}=`;
    default:
      return 'the datum comment "#;"';
  }
}

// Ties the knot of `#n=`: every reference to the placeholder inside `root` becomes `value`.
// Iterative, and each pair or vector visited once, so cycles and deep data are fine.
function replacePlaceholder(root: unknown, placeholder: Placeholder, value: unknown): void {
  const seen = new Set<object>();
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    if (node instanceof Pair) {
      seen.add(node);
      if (node.car === placeholder) node.car = value;
      else pending.push(node.car);
      if (node.cdr === placeholder) node.cdr = value;
      else pending.push(node.cdr);
    } else if (Array.isArray(node)) {
      seen.add(node);
      for (let i = 0; i < node.length; i++) {
        if (node[i] === placeholder) node[i] = value;
        else pending.push(node[i]);
      }
    }
  }
}
