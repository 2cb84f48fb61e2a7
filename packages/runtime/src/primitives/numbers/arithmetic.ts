// ## + - * /
//
// Each operation has a fast path for two JS numbers (fixnums and unboxed flonums) that allocates
// nothing, and one shared slow path that lifts both operands to their common level. The binary
// functions (`add2`, `sub2`, `mul2`, `div2`) are exported so the compiler can open-code them.

import { Complex, exactInteger, exactRational, Flonum, flonum, Ratio, type RealNumber } from "@termite/datum";
import { typeError } from "../../errors.js";
import { complexArith, type RealField } from "./complex-arithmetic.js";
import {
  BIG,
  CPX,
  denominatorOf,
  divisionByZero,
  FIX,
  FLO,
  kindOf,
  NOT_NUMBER,
  numberKind,
  numeratorOf,
  RAT,
  toDouble,
} from "./tower.js";

const ADD = 0;
const SUB = 1;
const MUL = 2;
const DIV = 3;
const NAMES = ["+", "-", "*", "/"] as const;

/** The two-argument real operations, for complex arithmetic built on them. */
export const REAL_FIELD: RealField = { add: add2, sub: sub2, mul: mul2, div: div2 };

/** The shared slow path; `ib` is the argument index of `b`, for error messages. */
function arith(op: number, a: unknown, b: unknown, ib: number): unknown {
  const who = NAMES[op]!;
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === NOT_NUMBER) typeError(who, "a number", a, ib - 1);
  if (kb === NOT_NUMBER) typeError(who, "a number", b, ib);
  if (ka === CPX || kb === CPX) return complexArith(op, a, b, who, REAL_FIELD);
  if (ka === FLO || kb === FLO) {
    const x = toDouble(a);
    const y = toDouble(b);
    if (op === ADD) return flonum(x + y);
    if (op === SUB) return flonum(x - y);
    if (op === MUL) return flonum(x * y);
    return flonum(x / y);
  }
  if (ka === RAT || kb === RAT) {
    const n1 = numeratorOf(a);
    const d1 = denominatorOf(a);
    const n2 = numeratorOf(b);
    const d2 = denominatorOf(b);
    if (op === ADD) return exactRational(n1 * d2 + n2 * d1, d1 * d2);
    if (op === SUB) return exactRational(n1 * d2 - n2 * d1, d1 * d2);
    if (op === MUL) return exactRational(n1 * n2, d1 * d2);
    if (n2 === 0n) divisionByZero(who, a, b);
    return exactRational(n1 * d2, d1 * n2);
  }
  const x = ka === FIX ? BigInt(a as number) : (a as bigint);
  const y = kb === FIX ? BigInt(b as number) : (b as bigint);
  if (op === ADD) return exactInteger(x + y);
  if (op === SUB) return exactInteger(x - y);
  if (op === MUL) return exactInteger(x * y);
  if (y === 0n) divisionByZero(who, a, b);
  return exactRational(x, y);
}

/** `(+ a b)`. */
export function add2(a: unknown, b: unknown): unknown {
  if (typeof a === "number" && typeof b === "number") {
    if (!(Number.isInteger(a) && Number.isInteger(b))) return flonum(a + b);
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return arith(ADD, a, b, 1);
}

/** `(- a b)`. */
export function sub2(a: unknown, b: unknown): unknown {
  if (typeof a === "number" && typeof b === "number") {
    if (!(Number.isInteger(a) && Number.isInteger(b))) return flonum(a - b);
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return arith(SUB, a, b, 1);
}

/** `(* a b)`. */
export function mul2(a: unknown, b: unknown): unknown {
  if (typeof a === "number" && typeof b === "number") {
    if (!(Number.isInteger(a) && Number.isInteger(b))) return flonum(a * b);
    // A true product beyond 2^53 never rounds back into the safe range, so this test is exact.
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return arith(MUL, a, b, 1);
}

/** Exact a/b for two fixnums, b non-zero: a fixnum or a `Ratio` built without bigints. */
function fixnumQuotient(a: number, b: number): unknown {
  if (a % b === 0) return a / b + 0;
  let x = a < 0 ? -a : a;
  let y = b < 0 ? -b : b;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  const n = a / x;
  const d = b / x;
  return d < 0 ? new Ratio(-n, -d) : new Ratio(n, d);
}

/** `(/ a b)`. Exact division by exact zero is an error; inexact division follows IEEE. */
export function div2(a: unknown, b: unknown): unknown {
  if (typeof a === "number" && typeof b === "number") {
    if (!(Number.isInteger(a) && Number.isInteger(b))) return flonum(a / b);
    if (b === 0) divisionByZero("/", a, b);
    return fixnumQuotient(a, b);
  }
  return arith(DIV, a, b, 1);
}

/** `(- x)`. */
export function negate(x: unknown): unknown {
  if (typeof x === "number") return Number.isInteger(x) ? 0 - x : -x;
  if (x instanceof Flonum) return new Flonum(-x.value);
  if (typeof x === "bigint") return exactInteger(-x);
  if (x instanceof Ratio) return new Ratio(exactInteger(-BigInt(x.numerator)), x.denominator);
  if (x instanceof Complex) return new Complex(negate(x.real) as RealNumber, negate(x.imag) as RealNumber);
  return typeError("-", "a number", x, 0);
}

// ### The variadic procedures

/** `(+ z ...)`. */
export function add(...args: unknown[]): unknown {
  const n = args.length;
  if (n === 0) return 0;
  let acc = args[0];
  if (n === 1) numberKind("+", acc, 0);
  for (let i = 1; i < n; i++) {
    const b = args[i];
    if (typeof acc === "number" && typeof b === "number" && Number.isInteger(acc) && Number.isInteger(b)) {
      const r = acc + b;
      if (Number.isSafeInteger(r)) {
        acc = r;
        continue;
      }
    }
    acc = arith(ADD, acc, b, i);
  }
  return acc;
}

/** `(* z ...)`. */
export function mul(...args: unknown[]): unknown {
  const n = args.length;
  if (n === 0) return 1;
  let acc = args[0];
  if (n === 1) numberKind("*", acc, 0);
  for (let i = 1; i < n; i++) {
    const b = args[i];
    if (typeof acc === "number" && typeof b === "number" && Number.isInteger(acc) && Number.isInteger(b)) {
      const r = acc * b;
      if (Number.isSafeInteger(r)) {
        acc = r === 0 ? 0 : r;
        continue;
      }
    }
    acc = arith(MUL, acc, b, i);
  }
  return acc;
}

/** `(- z)` and `(- z1 z2 ...)`. */
export function sub(...args: unknown[]): unknown {
  const n = args.length;
  if (n === 1) return negate(args[0]);
  let acc = args[0];
  for (let i = 1; i < n; i++) {
    const b = args[i];
    if (typeof acc === "number" && typeof b === "number" && Number.isInteger(acc) && Number.isInteger(b)) {
      const r = acc - b;
      if (Number.isSafeInteger(r)) {
        acc = r;
        continue;
      }
    }
    acc = arith(SUB, acc, b, i);
  }
  return acc;
}

/** `(/ z)` and `(/ z1 z2 ...)`. */
export function div(...args: unknown[]): unknown {
  const n = args.length;
  if (n === 1) {
    numberKind("/", args[0], 0);
    return arith(DIV, 1, args[0], 0);
  }
  let acc = args[0];
  for (let i = 1; i < n; i++) {
    const b = args[i];
    if (
      typeof acc === "number" &&
      typeof b === "number" &&
      Number.isInteger(acc) &&
      Number.isInteger(b) &&
      b !== 0
    ) {
      acc = fixnumQuotient(acc, b);
      continue;
    }
    acc = arith(DIV, acc, b, i);
  }
  return acc;
}

/** `(abs x)`. */
export function abs(x: unknown): unknown {
  if (typeof x === "number") return x < 0 ? -x : x;
  const k = kindOf(x);
  if (k === FLO) return new Flonum(Math.abs((x as Flonum).value));
  if (k === BIG) return (x as bigint) < 0n ? exactInteger(-(x as bigint)) : x;
  if (k === RAT) {
    const r = x as Ratio;
    return numeratorOf(r) < 0n ? negate(r) : r;
  }
  return typeError("abs", "a real number", x, 0);
}

/** `(square z)`. */
export function square(x: unknown): unknown {
  numberKind("square", x, 0);
  return mul2(x, x);
}
