// A tiny reader for tests only: lists, symbols, exact integers and "strings", enough to write
// module names and namespace rules as Scheme text. `|..|` symbols are supported for odd names.

import { intern, list, string } from "@termite/datum";

export function read(text: string): unknown {
  let at = 0;
  const skip = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  const datum = (): unknown => {
    skip();
    const c = text[at];
    if (c === "(") {
      at++;
      const items: unknown[] = [];
      for (;;) {
        skip();
        if (text[at] === ")") {
          at++;
          return list(items);
        }
        if (at >= text.length) throw new Error(`unclosed list in ${text}`);
        items.push(datum());
      }
    }
    if (c === '"') {
      const end = text.indexOf('"', at + 1);
      const s = text.slice(at + 1, end);
      at = end + 1;
      return string(s);
    }
    if (c === "|") {
      const end = text.indexOf("|", at + 1);
      const s = text.slice(at + 1, end);
      at = end + 1;
      return intern(s);
    }
    const start = at;
    while (at < text.length && !/[\s()]/.test(text[at]!)) at++;
    const token = text.slice(start, at);
    if (/^-?[0-9]+$/.test(token)) return Number(token);
    if (/^-?[0-9]*\.[0-9]+$/.test(token)) return Number(token);
    return intern(token);
  };
  const result = datum();
  skip();
  if (at !== text.length) throw new Error(`trailing text in ${text}`);
  return result;
}

/** Prints lists of symbols, numbers and strings back (enough to compare list forms). */
export function show(value: unknown): string {
  if (value === null) return "()";
  if (typeof value === "object" && value !== null && "car" in value) {
    const items: string[] = [];
    let node: any = value;
    while (node !== null) {
      items.push(show(node.car));
      node = node.cdr;
    }
    return `(${items.join(" ")})`;
  }
  return String(value);
}
