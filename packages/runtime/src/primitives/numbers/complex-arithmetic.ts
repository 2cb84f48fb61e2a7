// ## + - * / and = when an operand is a non-real complex number
//
// Reached only from the slow paths of arithmetic.ts and compare.ts, once both operands are known
// to be numbers and one is a `Complex`. Each part is computed with the real operations, so exact
// parts stay exact (`(* 1+2i 3-i)` is 5+5i) and a result whose imaginary part is exact zero is a
// real (`(* +i +i)` is -1), as in Gambit.

import { Complex, flonum, type RealNumber, rectangular } from "@termite/datum";
import { divisionByZero, FLO, kindOf, toDouble } from "./tower.js";

/**
 * The real operations complex arithmetic is made of: arithmetic.ts's, handed in by its caller so
 * that this file does not import arithmetic.ts, whose slow path calls back here.
 */
export interface RealField {
  add(a: unknown, b: unknown): unknown;
  sub(a: unknown, b: unknown): unknown;
  mul(a: unknown, b: unknown): unknown;
  div(a: unknown, b: unknown): unknown;
}

/** The operation codes of arithmetic.ts's slow path. */
export const ADD = 0;
export const SUB = 1;
export const MUL = 2;
export const DIV = 3;

/** The real part of any number. */
export function realPartOf(z: unknown): RealNumber {
  return z instanceof Complex ? z.real : (z as RealNumber);
}

/** The imaginary part of any number: exact 0 for a real. */
export function imagPartOf(z: unknown): RealNumber {
  return z instanceof Complex ? z.imag : 0;
}

/** True when both parts of `z` are exact (a real's imaginary part is exact zero). */
export function isExactComplex(z: Complex): boolean {
  return kindOf(z.real) !== FLO && kindOf(z.imag) !== FLO;
}

/** `op` (`ADD`…`DIV`) on two numbers of which at least one is a `Complex`; `who` names errors. */
export function complexArith(op: number, a: unknown, b: unknown, who: string, real: RealField): unknown {
  const { add: add2, sub: sub2, mul: mul2, div: div2 } = real;
  const ar = realPartOf(a);
  const ai = imagPartOf(a);
  const br = realPartOf(b);
  const bi = imagPartOf(b);
  if (op === ADD) return rectangular(add2(ar, br) as RealNumber, add2(ai, bi) as RealNumber);
  if (op === SUB) return rectangular(sub2(ar, br) as RealNumber, sub2(ai, bi) as RealNumber);
  if (op === MUL) {
    // A real factor scales both parts; the full product would add inexact zeros to exact parts.
    if (bi === 0) return rectangular(mul2(ar, br) as RealNumber, mul2(ai, br) as RealNumber);
    if (ai === 0) return rectangular(mul2(ar, br) as RealNumber, mul2(ar, bi) as RealNumber);
    return rectangular(
      sub2(mul2(ar, br), mul2(ai, bi)) as RealNumber,
      add2(mul2(ar, bi), mul2(ai, br)) as RealNumber,
    );
  }
  if (bi === 0) {
    if (br === 0) divisionByZero(who, a, b);
    return rectangular(div2(ar, br) as RealNumber, div2(ai, br) as RealNumber);
  }
  const exact = kindOf(ar) !== FLO && kindOf(ai) !== FLO && kindOf(br) !== FLO && kindOf(bi) !== FLO;
  if (exact) {
    // (a+bi)/(c+di) = ((ac+bd) + (bc-ad)i) / (c²+d²), exactly.
    const d = add2(mul2(br, br), mul2(bi, bi));
    return rectangular(
      div2(add2(mul2(ar, br), mul2(ai, bi)), d) as RealNumber,
      div2(sub2(mul2(ai, br), mul2(ar, bi)), d) as RealNumber,
    );
  }
  const [re, im] = divideDoubles(toDouble(ar), toDouble(ai), toDouble(br), toDouble(bi));
  return new Complex(flonum(re), flonum(im));
}

/** (a+bi)/(c+di) in doubles by Smith's method, which avoids needless overflow in c²+d². */
export function divideDoubles(a: number, b: number, c: number, d: number): [number, number] {
  if (Math.abs(c) >= Math.abs(d)) {
    const r = d / c;
    const den = c + d * r;
    return [(a + b * r) / den, (b - a * r) / den];
  }
  const r = c / d;
  const den = c * r + d;
  return [(a * r + b) / den, (b * r - a) / den];
}
