// ## A small pretty printer for `pp`
//
// A list or vector that fits in the remaining width prints on one line, as `write` would. A list
// that does not is broken: a special form keeps its head and first operand on the first line and
// indents the body by two; a call aligns its arguments under the first one; a list of data puts
// one element per line. Cyclic data prints as `write` prints it (with labels), on one line.

import { intern, isList, Pair, Sym, write } from "@termite/datum";

const DEFAULT_WIDTH = 79;
/** Nesting beyond this prints flat: keeps the JS stack bounded on deep data. */
const MAX_DEPTH = 200;

const BODY_FORMS = new Set(
  [
    "define",
    "define-syntax",
    "define-record-type",
    "define-library",
    "define-values",
    "lambda",
    "case-lambda",
    "let",
    "let*",
    "letrec",
    "letrec*",
    "let-values",
    "let*-values",
    "let-syntax",
    "letrec-syntax",
    "syntax-rules",
    "when",
    "unless",
    "do",
    "case",
    "parameterize",
    "guard",
    "with-exception-handler",
    "dynamic-wind",
    "receive",
  ].map(intern),
);

const ABBREVIATIONS = new Map<Sym, string>([
  [intern("quote"), "'"],
  [intern("quasiquote"), "`"],
  [intern("unquote"), ","],
  [intern("unquote-splicing"), ",@"],
]);

/** `value` laid out in `width` columns, without a final newline. */
export function prettyText(value: unknown, width = DEFAULT_WIDTH): string {
  if (hasCycle(value)) return write(value);
  return layout(value, 0, width, 0, false);
}

/** Inside a quotation (`data`), lists are data: never laid out as forms or calls. */
function layout(v: unknown, col: number, width: number, depth: number, data: boolean): string {
  if (depth > MAX_DEPTH || !(v instanceof Pair || Array.isArray(v)) || fits(v, width - col)) return write(v);
  if (Array.isArray(v)) return `#(${lines(v, col + 2, width, depth, true)})`;
  const abbreviation = abbreviationOf(v);
  if (abbreviation !== undefined) {
    const quoted = data || abbreviation === "'" || abbreviation === "`";
    return abbreviation + layout((v.cdr as Pair).car, col + abbreviation.length, width, depth + 1, quoted);
  }
  if (!isList(v)) return write(v);
  const items: unknown[] = [];
  for (let p: unknown = v; p instanceof Pair; p = p.cdr) items.push(p.car);
  const head = items[0];
  if (!data && head instanceof Sym && items.length > 1) {
    const headText = write(head);
    const afterHead = col + 1 + headText.length + 1;
    if (BODY_FORMS.has(head)) {
      const first = layout(items[1], afterHead, width, depth + 1, false);
      if (items.length === 2) return `(${headText} ${first})`;
      return `(${headText} ${first}\n${pad(col + 2)}${lines(items.slice(2), col + 2, width, depth, false)})`;
    }
    if (headText.length <= 12)
      return `(${headText} ${lines(items.slice(1), afterHead, width, depth, false)})`;
  }
  return `(${lines(items, col + 1, width, depth, data)})`;
}

/** The items one per line, each starting at column `col` (the first line is already there). */
function lines(items: readonly unknown[], col: number, width: number, depth: number, data: boolean): string {
  return items.map((item) => layout(item, col, width, depth + 1, data)).join(`\n${pad(col)}`);
}

function abbreviationOf(v: Pair): string | undefined {
  const abbreviation = v.car instanceof Sym ? ABBREVIATIONS.get(v.car) : undefined;
  return abbreviation !== undefined && v.cdr instanceof Pair && v.cdr.cdr === null ? abbreviation : undefined;
}

/**
 * Whether `write(root)` takes at most `limit` columns. Stops counting as soon as it does not, so
 * asking at every level of a large value costs O(width) per level, not a whole `write`.
 */
function fits(root: unknown, limit: number): boolean {
  let size = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v instanceof Pair) {
      const abbreviation = abbreviationOf(v);
      if (abbreviation !== undefined) {
        size += abbreviation.length;
        stack.push((v.cdr as Pair).car);
        continue;
      }
      size += 1;
      let p: unknown = v;
      for (; p instanceof Pair && size <= limit; p = p.cdr) {
        size += 1; // the space before the element, or the closing parenthesis
        stack.push(p.car);
      }
      if (p !== null && !(p instanceof Pair)) {
        size += 3;
        stack.push(p);
      }
    } else if (Array.isArray(v)) {
      size += 2 + Math.max(1, v.length);
      for (let i = 0; i < v.length && size <= limit; i++) stack.push(v[i]);
    } else {
      size += write(v).length;
    }
    if (size > limit) return false;
  }
  return true;
}

function pad(n: number): string {
  return " ".repeat(n);
}

/** True when a pair or vector contains itself. Iterative, with the path kept on an explicit stack. */
function hasCycle(root: unknown): boolean {
  const onPath = new Set<unknown>();
  const done = new Set<unknown>();
  const stack: { node: unknown; children: unknown[]; next: number }[] = [];
  const enter = (node: unknown): boolean => {
    if (!(node instanceof Pair || Array.isArray(node))) return false;
    if (onPath.has(node)) return true;
    if (done.has(node)) return false;
    onPath.add(node);
    stack.push({ node, children: node instanceof Pair ? [node.car, node.cdr] : node, next: 0 });
    return false;
  };
  if (enter(root)) return true;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      if (enter(top.children[top.next++])) return true;
    } else {
      stack.pop();
      onPath.delete(top.node);
      done.add(top.node);
    }
  }
  return false;
}
