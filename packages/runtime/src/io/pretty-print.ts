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
  return layout(value, 0, width, 0);
}

function layout(v: unknown, col: number, width: number, depth: number): string {
  const flat = write(v);
  if (col + flat.length <= width || depth > MAX_DEPTH) return flat;
  if (Array.isArray(v)) {
    if (v.length === 0) return flat;
    return `#(${lines(v, col + 2, width, depth)})`;
  }
  if (!(v instanceof Pair)) return flat;
  const abbreviation = v.car instanceof Sym ? ABBREVIATIONS.get(v.car) : undefined;
  if (abbreviation !== undefined && v.cdr instanceof Pair && v.cdr.cdr === null) {
    return abbreviation + layout(v.cdr.car, col + abbreviation.length, width, depth + 1);
  }
  if (!isList(v)) return flat;
  const items: unknown[] = [];
  for (let p: unknown = v; p instanceof Pair; p = p.cdr) items.push(p.car);
  const head = items[0];
  if (head instanceof Sym && items.length > 1) {
    const headText = write(head);
    const afterHead = col + 1 + headText.length + 1;
    if (BODY_FORMS.has(head)) {
      const first = layout(items[1], afterHead, width, depth + 1);
      if (items.length === 2) return `(${headText} ${first})`;
      return `(${headText} ${first}\n${pad(col + 2)}${lines(items.slice(2), col + 2, width, depth)})`;
    }
    if (headText.length <= 12) return `(${headText} ${lines(items.slice(1), afterHead, width, depth)})`;
  }
  return `(${lines(items, col + 1, width, depth)})`;
}

/** The items one per line, each starting at column `col` (the first line is already there). */
function lines(items: readonly unknown[], col: number, width: number, depth: number): string {
  return items.map((item) => layout(item, col, width, depth + 1)).join(`\n${pad(col)}`);
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
