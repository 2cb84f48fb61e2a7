// ## Which objects get a datum label
//
// Before printing, one pass over the value decides which objects will be written as `#n=` and
// referred to as `#n#`. `write` and `display` label only what is needed to break cycles;
// `write-shared` labels everything reached twice. All walks use an explicit stack, so depth costs
// heap, not JS stack.
//
// The result maps each object to label -1 ("not printed yet"); the printer numbers labels in the
// order it meets them.

import { ErrorObject, MString, MultipleValues, Pair, Record } from "./values.js";

/** Objects that need a label, each mapped to -1 until the printer numbers it. */
export type LabelPlan = Map<object, number>;

// Past this many nodes a plain tree walk stops and the exact (set-based) analysis takes over: a
// cyclic value is never finished by a tree walk, while acyclic values up to this size, nearly all
// values printed, never pay for a set. A tree walk step costs about a tenth of a set insertion,
// so the budget is large.
const TREE_WALK_BUDGET = 1 << 20;
// A tree walk whose stack holds more nodes than this gives up too: wide data, or a cycle with branches.
const TREE_WALK_WIDTH = 1 << 13;

/** Pushes the children of `node` that may contain or be shared structure. */
function pushChildren(node: object, stack: unknown[], withLeaves: boolean): void {
  if (node instanceof Pair) {
    pushIfNode(node.cdr, stack, withLeaves);
    pushIfNode(node.car, stack, withLeaves);
  } else if (Array.isArray(node)) {
    for (let i = node.length - 1; i >= 0; i--) pushIfNode(node[i], stack, withLeaves);
  } else if (node instanceof Record) {
    const f = node.fields;
    for (let i = f.length - 1; i >= 0; i--) pushIfNode(f[i], stack, withLeaves);
  } else if (node instanceof ErrorObject) {
    const f = node.irritants;
    for (let i = f.length - 1; i >= 0; i--) pushIfNode(f[i], stack, withLeaves);
  } else if (node instanceof MultipleValues) {
    const f = node.values;
    for (let i = f.length - 1; i >= 0; i--) pushIfNode(f[i], stack, withLeaves);
  }
}

/** True for values that can hold other values (and so take part in cycles). */
export function isContainer(v: unknown): boolean {
  return (
    v instanceof Pair ||
    Array.isArray(v) ||
    v instanceof Record ||
    v instanceof ErrorObject ||
    v instanceof MultipleValues
  );
}

function pushIfNode(v: unknown, stack: unknown[], withLeaves: boolean): void {
  if (typeof v !== "object" || v === null) return;
  if (isContainer(v) || (withLeaves && (v instanceof MString || v instanceof Uint8Array))) stack.push(v);
}

/**
 * True when walking `root` as a tree ends within the budget, which proves it has no cycle. Brent's
 * algorithm over the sequence of visited nodes notices at once a cycle walked round and round (a
 * circular list, a vector holding itself); a cycle with branches makes the stack grow. Either
 * sends the value to the exact analysis, which is also where shared (not cyclic) data may land.
 */
function isSmallTree(root: unknown): boolean {
  let budget = TREE_WALK_BUDGET;
  let tortoise: unknown = root;
  let power = 1;
  let steps = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    if (stack.length > TREE_WALK_WIDTH) return false;
    let node = stack.pop();
    for (;;) {
      if (--budget < 0) return false;
      if (++steps === power) {
        tortoise = node;
        power *= 2;
        steps = 0;
      } else if (node === tortoise) {
        return false;
      }
      if (!(node instanceof Pair)) {
        pushChildren(node as object, stack, false);
        break;
      }
      // Follow cdr chains in place: lists are the common shape.
      const car = node.car;
      if (typeof car === "object" && car !== null && isContainer(car)) stack.push(car);
      node = node.cdr;
      if (typeof node !== "object" || node === null || !isContainer(node)) break;
    }
  }
  return true;
}

const EXIT = Symbol("exit");
const ON_PATH = 1;
const DONE = 2;

/**
 * The objects reached more than once when walking `root` (each mapped to -1), or null if none.
 * With `withLeaves`, strings and bytevectors count too.
 */
function reachedTwice(root: object, withLeaves: boolean): LabelPlan | null {
  const seen = new Set<object>();
  let twice: LabelPlan | null = null;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    let node = stack.pop() as object;
    // Follow cdr chains in place: lists are the common shape.
    for (;;) {
      if (seen.has(node)) {
        (twice ??= new Map()).set(node, -1);
        break;
      }
      seen.add(node);
      if (!(node instanceof Pair)) {
        pushChildren(node, stack, withLeaves);
        break;
      }
      pushIfNode(node.car, stack, withLeaves);
      const rest = node.cdr;
      if (typeof rest !== "object" || rest === null || !isContainer(rest)) break;
      node = rest;
    }
  }
  return twice;
}

/**
 * Labels for `write`/`display`: the targets of back edges of a depth-first walk. Every cycle
 * contains a back edge, so every cycle passes through a labelled object and printing ends; an
 * acyclic value gets no labels at all (R7RS forbids them then). Returns null when none are needed.
 *
 * Only an object reached twice can be the target of a back edge, so a first pass finds those and
 * the depth-first walk keeps state for them alone: large unshared data costs one set.
 */
export function cycleLabels(root: unknown): LabelPlan | null {
  if (!isContainer(root) || isSmallTree(root)) return null;
  const candidates = reachedTwice(root as object, false);
  if (candidates === null) return null;
  const state = new Map<object, number>();
  let labels: LabelPlan | null = null;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const top = stack.pop();
    if (top === EXIT) {
      state.set(stack.pop() as object, DONE);
      continue;
    }
    const node = top as object;
    if (candidates.has(node)) {
      const s = state.get(node);
      if (s === ON_PATH) {
        (labels ??= new Map()).set(node, -1);
        continue;
      }
      if (s === DONE) continue;
      state.set(node, ON_PATH);
      stack.push(node, EXIT);
    }
    pushChildren(node, stack, false);
  }
  return labels;
}

/**
 * Labels for `write-shared`: every pair, vector, string, bytevector, record, error object reached
 * more than once. Returns null when nothing is shared.
 */
export function sharingLabels(root: unknown): LabelPlan | null {
  if (typeof root !== "object" || root === null || !isContainer(root)) return null;
  return reachedTwice(root, true);
}
