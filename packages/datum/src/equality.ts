// ## `eq?`, `eqv?`, `equal?`
//
// `equal?` walks both values with an explicit stack, so depth costs heap, not JS stack. It first
// compares as trees within a budget (no bookkeeping: the common case, and ten times cheaper per
// node than a map); when the budget runs out, the stack grows too wide, or Brent's algorithm sees
// the walk come round to a node again (a cycle, or shared data), it starts again and merges the nodes it has begun to compare into classes with union-find (Adams and
// Dybvig, "Efficient nondestructive equality checking for trees and graphs", ICFP 2008), so a pair
// of nodes already assumed equal is not compared twice: that ends on cycles and keeps shared
// structure linear.

import { Complex, Flonum, MString, Pair, Ratio } from "./values.js";

/** `(eq? a b)`: the same object; the same exact integer; a NaN is `eq?` to a NaN. */
export function isEq(a: unknown, b: unknown): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/**
 * `(eqv? a b)`: `eq?`, or two numbers of the same exactness and value. Flonums compare like
 * `Object.is` (`(eqv? 0.0 -0.0)` is #f, `(eqv? +nan.0 +nan.0)` is #t); ratios by value; complex
 * numbers part by part (`(eqv? 1+2i 1+2.0i)` is #f); strings,
 * pairs, vectors, procedures and records by identity.
 */
export function isEqv(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number") {
    // Unboxed integral numbers are exact, and equal exact integers are `===`.
    if (Number.isInteger(a)) return false;
    if (typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
    return b instanceof Flonum && Object.is(a, b.value);
  }
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return false;
  if (a instanceof Flonum) {
    if (b instanceof Flonum) return Object.is(a.value, b.value);
    return false;
  }
  if (a instanceof Ratio) {
    return b instanceof Ratio && a.numerator === b.numerator && a.denominator === b.denominator;
  }
  if (a instanceof Complex) return b instanceof Complex && isEqv(a.real, b.real) && isEqv(a.imag, b.imag);
  return false;
}

// Pairs of nodes compared as plain trees before union-find takes over, and the widest stack allowed.
const TREE_BUDGET = 1 << 20;
const TREE_WIDTH = 1 << 14;

/** Union-find over objects, one node per object, merging by size with path halving. */
class Classes {
  private readonly parent = new Map<object, object>();
  private readonly size = new Map<object, number>();

  private find(x: object): object {
    let p = this.parent.get(x);
    if (p === undefined) return x;
    for (;;) {
      const gp = this.parent.get(p);
      if (gp === undefined) return p;
      this.parent.set(x, gp);
      x = gp;
      p = this.parent.get(x);
      if (p === undefined) return x;
    }
  }

  /** True when `a` and `b` were already in one class; otherwise merges them and returns false. */
  sameOrMerge(a: object, b: object): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const sa = this.size.get(ra) ?? 1;
    const sb = this.size.get(rb) ?? 1;
    if (sa < sb) {
      this.parent.set(ra, rb);
      this.size.set(rb, sa + sb);
    } else {
      this.parent.set(rb, ra);
      this.size.set(ra, sa + sb);
    }
    return false;
  }
}

const OVER_BUDGET = 2;

/** 1 = equal, 0 = not, OVER_BUDGET = gave up (only when `classes` is null). */
function compare(a: unknown, b: unknown, classes: Classes | null): number {
  let budget = TREE_BUDGET;
  let tortoise: unknown = a;
  let power = 1;
  let steps = 0;
  const stack: unknown[] = [a, b];
  while (stack.length > 0) {
    if (classes === null && stack.length > TREE_WIDTH) return OVER_BUDGET;
    let y = stack.pop();
    let x = stack.pop();
    // Loop along cdr chains without touching the stack.
    for (;;) {
      if (x === y) break;
      if (x instanceof Pair) {
        if (!(y instanceof Pair)) return 0;
        if (classes === null) {
          if (--budget < 0) return OVER_BUDGET;
          if (++steps === power) {
            tortoise = x;
            power *= 2;
            steps = 0;
          } else if (x === tortoise) {
            return OVER_BUDGET;
          }
        } else if (classes.sameOrMerge(x, y)) {
          break;
        }
        const xa = x.car;
        const ya = y.car;
        if (xa !== ya) {
          if (typeof xa === "object" && xa !== null) stack.push(xa, ya);
          else if (!isEqv(xa, ya)) return 0;
        }
        x = x.cdr;
        y = y.cdr;
        continue;
      }
      if (Array.isArray(x)) {
        if (!Array.isArray(y) || x.length !== y.length) return 0;
        if (classes === null) {
          if (--budget < 0) return OVER_BUDGET;
          if (++steps === power) {
            tortoise = x;
            power *= 2;
            steps = 0;
          } else if (x === tortoise) {
            return OVER_BUDGET;
          }
        } else if (classes.sameOrMerge(x, y)) {
          break;
        }
        for (let i = x.length - 1; i >= 0; i--) {
          const xi = x[i];
          const yi = y[i];
          if (xi === yi) continue;
          if (typeof xi === "object" && xi !== null) stack.push(xi, yi);
          else if (!isEqv(xi, yi)) return 0;
        }
        break;
      }
      if (x instanceof MString) {
        if (!(y instanceof MString) || x.length !== y.length || x.toString() !== y.toString()) return 0;
        break;
      }
      if (x instanceof Uint8Array) {
        if (!(y instanceof Uint8Array) || x.length !== y.length) return 0;
        for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return 0;
        break;
      }
      if (!isEqv(x, y)) return 0;
      break;
    }
  }
  return 1;
}

/**
 * `(equal? a b)`: pairs, vectors, strings and bytevectors compared by contents, recursively;
 * everything else by `eqv?`. Ends on cyclic data (two values are equal when no finite walk tells
 * them apart) and needs no JS stack for deep nesting.
 */
export function isEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const quick = compare(a, b, null);
  if (quick !== OVER_BUDGET) return quick === 1;
  return compare(a, b, new Classes()) === 1;
}
