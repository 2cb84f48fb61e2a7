// ## How an object was reached
//
// Only computed when encoding fails, so the encoder's walk stays lean: a breadth-first search from
// the root finds the shortest chain of fields leading to the offending object.

import { ErrorObject, MultipleValues, Pair, Record } from "@termite/datum";
import { type CodeDescription, type Describe, Described, type Description } from "./described.js";
import { printForError } from "./print.js";

type Edge = { readonly from: object | null; readonly label: string };

/** `message → car → cdr ×4 → vector[3] → free variable 2 of #<procedure loop>`. */
export function findPath(
  root: unknown,
  target: unknown,
  describe: Describe,
  print?: (value: unknown) => string | undefined,
): string {
  if (root === target) return "message";
  const seen = new Map<object, Edge>();
  const queue: object[] = [];
  let found: object | null = null;
  const visit = (child: unknown, from: object | null, label: string): boolean => {
    if (child === target) {
      found = from;
      labels.unshift(label);
      return true;
    }
    if (child === null || (typeof child !== "object" && typeof child !== "function") || seen.has(child))
      return false;
    seen.set(child, { from, label });
    queue.push(child);
    return false;
  };
  const labels: string[] = [];
  if (!visit(root, null, "message")) {
    search: for (let head = 0; head < queue.length; head++) {
      const obj = queue[head]!;
      for (const [label, child] of children(obj, describe, print)) {
        if (visit(child, obj, label)) break search;
      }
    }
  }
  if (labels.length === 0) return "message → …";
  for (let at: object | null = found; at !== null; ) {
    const edge: Edge = seen.get(at)!;
    labels.unshift(edge.label);
    at = edge.from;
  }
  return formatPath(labels);
}

function* children(
  obj: object,
  describe: Describe,
  print?: (value: unknown) => string | undefined,
): Iterable<[string, unknown]> {
  if (obj instanceof Pair) {
    yield ["car", obj.car];
    yield ["cdr", obj.cdr];
  } else if (Array.isArray(obj)) {
    for (let i = 0; i < obj.length; i++) yield [`vector[${i}]`, obj[i]];
  } else if (obj instanceof Record) {
    for (let i = 0; i < obj.fields.length; i++) {
      yield [`field ${obj.type.fieldNames[i] ?? i} of record ${obj.type.name}`, obj.fields[i]];
    }
  } else if (obj instanceof ErrorObject) {
    for (let i = 0; i < obj.irritants.length; i++) yield [`irritant ${i}`, obj.irritants[i]];
  } else if (obj instanceof MultipleValues) {
    for (let i = 0; i < obj.values.length; i++) yield [`value ${i}`, obj.values[i]];
  } else {
    let d: Description | CodeDescription | undefined;
    try {
      d = obj instanceof Described ? obj : describe(obj);
    } catch {
      return;
    }
    if (d === undefined || "code" in d || !Array.isArray(d.fields)) return;
    const owner = obj instanceof Described ? `#<${d.tag}>` : printForError(obj, print);
    for (let i = 0; i < d.fields.length; i++)
      yield [`${d.labels?.[i] ?? `field ${i}`} of ${owner}`, d.fields[i]];
  }
}

/** Joins labels with arrows, folding long runs of `cdr` and eliding the middle of long paths. */
function formatPath(labels: string[]): string {
  const folded: string[] = [];
  for (let i = 0; i < labels.length; ) {
    let j = i;
    while (j < labels.length && labels[j] === "cdr") j++;
    if (j - i >= 3) {
      folded.push(`cdr ×${j - i}`);
      i = j;
    } else {
      folded.push(labels[i]!);
      i++;
    }
  }
  const shown = folded.length > 16 ? [...folded.slice(0, 6), "…", ...folded.slice(-8)] : folded;
  return shown.join(" → ");
}
