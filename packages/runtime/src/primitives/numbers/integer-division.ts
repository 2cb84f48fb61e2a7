// ## Integer division: quotient remainder modulo, floor/ truncate/, gcd lcm, odd? even?
//
// Operands are integers, exact or inexact; an inexact operand makes the results inexact. Fixnum
// operands take a path without bigints: `a % b` is exact in IEEE arithmetic, and so is
// `(a - a % b) / b` since the difference is a multiple of b.

import { exactInteger, Flonum, flonum, values } from "@termite/datum";
import { typeError } from "../../errors.js";
import { checkInteger, divisionByZero, isIntegerValue, toDouble } from "./tower.js";

const TRUNCATE = 0;
const FLOOR = 1;

/** q and r of a/b (b non-zero) for doubles holding integers, rounding the quotient as `mode` says. */
function divideDoubles(mode: number, a: number, b: number): [number, number] {
  let r = a % b;
  if (mode === FLOOR && r !== 0 && r < 0 !== b < 0) r += b;
  return [(a - r) / b, r];
}

/** q and r of a/b (b non-zero) for bigints. */
function divideBigints(mode: number, a: bigint, b: bigint): [bigint, bigint] {
  let q = a / b;
  let r = a % b;
  if (mode === FLOOR && r !== 0n && r < 0n !== b < 0n) {
    q -= 1n;
    r += b;
  }
  return [q, r];
}

/** The quotient (`want` 0), remainder (1) or both (2) of a/b, checked for `who`. */
function divide(who: string, mode: number, want: number, a: unknown, b: unknown): unknown {
  if (typeof a === "number" && typeof b === "number" && Number.isInteger(a) && Number.isInteger(b)) {
    if (b === 0) divisionByZero(who, a, b);
    const [q, r] = divideDoubles(mode, a, b);
    // `+ 0` turns the -0 that IEEE gives for e.g. -4 % 2 into the exact 0.
    if (want === 0) return q + 0;
    if (want === 1) return r + 0;
    return values([q + 0, r + 0]);
  }
  checkInteger(who, a, 0);
  checkInteger(who, b, 1);
  if (a instanceof Flonum || b instanceof Flonum) {
    const y = toDouble(b);
    if (y === 0) divisionByZero(who, a, b);
    const [q, r] = divideDoubles(mode, toDouble(a), y);
    if (want === 0) return flonum(q);
    if (want === 1) return flonum(r);
    return values([flonum(q), flonum(r)]);
  }
  const y = BigInt(b as number | bigint);
  if (y === 0n) divisionByZero(who, a, b);
  const [q, r] = divideBigints(mode, BigInt(a as number | bigint), y);
  if (want === 0) return exactInteger(q);
  if (want === 1) return exactInteger(r);
  return values([exactInteger(q), exactInteger(r)]);
}

// Fast paths for 32-bit operands (the usual case), without the pair `divide` builds: a correctly
// rounded double quotient of two int32s never crosses an integer, so truncating or flooring it is
// exact. `+ 0` turns -0 into 0.
const int32 = (x: unknown): x is number => typeof x === "number" && (x | 0) === x;
const truncQ = (a: number, b: number): number => Math.trunc(a / b) + 0;
const floorQ = (a: number, b: number): number => Math.floor(a / b) + 0;
const floorR = (a: number, b: number): number => {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r + 0;
};

export const truncateQuotient = (a: unknown, b: unknown): unknown =>
  int32(a) && int32(b) && b !== 0 ? truncQ(a, b) : divide("truncate-quotient", TRUNCATE, 0, a, b);
export const truncateRemainder = (a: unknown, b: unknown): unknown =>
  int32(a) && int32(b) && b !== 0 ? (a % b) + 0 : divide("truncate-remainder", TRUNCATE, 1, a, b);
export const truncateDivide = (a: unknown, b: unknown): unknown => divide("truncate/", TRUNCATE, 2, a, b);
export const floorQuotient = (a: unknown, b: unknown): unknown =>
  int32(a) && int32(b) && b !== 0 ? floorQ(a, b) : divide("floor-quotient", FLOOR, 0, a, b);
export const floorRemainder = (a: unknown, b: unknown): unknown =>
  int32(a) && int32(b) && b !== 0 ? floorR(a, b) : divide("floor-remainder", FLOOR, 1, a, b);
export const floorDivide = (a: unknown, b: unknown): unknown => divide("floor/", FLOOR, 2, a, b);
export const quotient = (a: unknown, b: unknown): unknown =>
  int32(a) && int32(b) && b !== 0 ? truncQ(a, b) : divide("quotient", TRUNCATE, 0, a, b);
export const remainder = (a: unknown, b: unknown): unknown =>
  int32(a) && int32(b) && b !== 0 ? (a % b) + 0 : divide("remainder", TRUNCATE, 1, a, b);
export const modulo = (a: unknown, b: unknown): unknown =>
  int32(a) && int32(b) && b !== 0 ? floorR(a, b) : divide("modulo", FLOOR, 1, a, b);

// ### gcd and lcm

function gcdDoubles(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function gcdBigints(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** gcd (lcm when `isLcm`) of integers; exact unless an argument is inexact. */
function gcdOrLcm(who: string, isLcm: boolean, args: unknown[]): unknown {
  let inexact = false;
  let exact = true;
  for (let i = 0; i < args.length; i++) {
    checkInteger(who, args[i], i);
    if (args[i] instanceof Flonum) inexact = true;
    if (typeof args[i] === "bigint") exact = false;
  }
  if (inexact) {
    let acc = isLcm ? 1 : 0;
    for (const x of args) {
      const y = Math.abs(toDouble(x));
      acc = isLcm ? (acc === 0 || y === 0 ? 0 : (acc / gcdDoubles(acc, y)) * y) : gcdDoubles(acc, y);
    }
    return flonum(acc);
  }
  if (exact && !isLcm) {
    let acc = 0;
    for (const x of args) acc = gcdDoubles(acc, x as number);
    return acc;
  }
  let acc = isLcm ? 1n : 0n;
  for (const x of args) {
    let y = BigInt(x as number | bigint);
    if (y < 0n) y = -y;
    acc = isLcm ? (acc === 0n || y === 0n ? 0n : (acc / gcdBigints(acc, y)) * y) : gcdBigints(acc, y);
  }
  return exactInteger(acc);
}

/** `(gcd n ...)`. */
export function gcd(...args: unknown[]): unknown {
  return gcdOrLcm("gcd", false, args);
}

/** `(lcm n ...)`. */
export function lcm(...args: unknown[]): unknown {
  return gcdOrLcm("lcm", true, args);
}

// ### Parity

/** `(odd? n)`. */
export function isOdd(n: unknown): boolean {
  if (typeof n === "number" && Number.isInteger(n)) return n % 2 !== 0;
  if (!isIntegerValue(n)) typeError("odd?", "an integer", n, 0);
  if (typeof n === "bigint") return n % 2n !== 0n;
  return toDouble(n) % 2 !== 0;
}

/** `(even? n)`. */
export function isEven(n: unknown): boolean {
  if (typeof n === "number" && Number.isInteger(n)) return n % 2 === 0;
  if (!isIntegerValue(n)) typeError("even?", "an integer", n, 0);
  if (typeof n === "bigint") return n % 2n === 0n;
  return toDouble(n) % 2 === 0;
}
