// ## Which library exports which numeric procedure
//
// R7RS splits the numeric procedures between (scheme base), (scheme inexact) and
// (scheme complex); the R5RS names live in (scheme r5rs).

import { type PrimitiveSpec, prim } from "../../primitive.js";
import { abs, add, add2, div, div2, mul, mul2, square, sub, sub2 } from "./arithmetic.js";
import {
  ge,
  ge2,
  gt,
  gt2,
  isNegative,
  isPositive,
  isZero,
  le,
  le2,
  lt,
  lt2,
  max,
  min,
  numEq,
  numEq2,
} from "./compare.js";
import { angle, imagPart, magnitude, makePolar, makeRectangular, realPart } from "./complex.js";
import { exact, exactToInexact, inexact, inexactToExact } from "./conversion.js";
import {
  floorDivide,
  floorQuotient,
  floorRemainder,
  gcd,
  isEven,
  isOdd,
  lcm,
  modulo,
  quotient,
  remainder,
  truncateDivide,
  truncateQuotient,
  truncateRemainder,
} from "./integer-division.js";
import { numberToStringPrimitive, stringToNumber } from "./number-text.js";
import {
  isExact,
  isExactIntegerPredicate,
  isFiniteNumber,
  isInexact,
  isInfinite,
  isInteger,
  isNan,
  isNumberPredicate,
  isRational,
  isReal,
} from "./predicates.js";
import { ceiling, denominator, floor, numerator, rationalize, round, truncate } from "./rounding.js";
import { acos, asin, atan, cos, exactIntegerSqrt, exp, expt, log, sin, sqrt, tan } from "./transcendental.js";

export const numberBaseBindings: Record<string, PrimitiveSpec> = {
  "number?": prim(1, 1, isNumberPredicate),
  "complex?": prim(1, 1, isNumberPredicate),
  "real?": prim(1, 1, isReal),
  "rational?": prim(1, 1, isRational),
  "integer?": prim(1, 1, isInteger),
  "exact?": prim(1, 1, isExact),
  "inexact?": prim(1, 1, isInexact),
  "exact-integer?": prim(1, 1, isExactIntegerPredicate),
  "=": prim(1, -1, numEq, numEq2),
  "<": prim(1, -1, lt, lt2),
  ">": prim(1, -1, gt, gt2),
  "<=": prim(1, -1, le, le2),
  ">=": prim(1, -1, ge, ge2),
  "zero?": prim(1, 1, isZero),
  "positive?": prim(1, 1, isPositive),
  "negative?": prim(1, 1, isNegative),
  "odd?": prim(1, 1, isOdd),
  "even?": prim(1, 1, isEven),
  max: prim(1, -1, max),
  min: prim(1, -1, min),
  "+": prim(0, -1, add, add2),
  "*": prim(0, -1, mul, mul2),
  "-": prim(1, -1, sub, sub2),
  "/": prim(1, -1, div, div2),
  abs: prim(1, 1, abs),
  quotient: prim(2, 2, quotient),
  remainder: prim(2, 2, remainder),
  modulo: prim(2, 2, modulo),
  "floor/": prim(2, 2, floorDivide),
  "floor-quotient": prim(2, 2, floorQuotient),
  "floor-remainder": prim(2, 2, floorRemainder),
  "truncate/": prim(2, 2, truncateDivide),
  "truncate-quotient": prim(2, 2, truncateQuotient),
  "truncate-remainder": prim(2, 2, truncateRemainder),
  gcd: prim(0, -1, gcd),
  lcm: prim(0, -1, lcm),
  numerator: prim(1, 1, numerator),
  denominator: prim(1, 1, denominator),
  floor: prim(1, 1, floor),
  ceiling: prim(1, 1, ceiling),
  truncate: prim(1, 1, truncate),
  round: prim(1, 1, round),
  rationalize: prim(2, 2, rationalize),
  square: prim(1, 1, square),
  "exact-integer-sqrt": prim(1, 1, exactIntegerSqrt),
  expt: prim(2, 2, expt),
  exact: prim(1, 1, exact),
  inexact: prim(1, 1, inexact),
  "number->string": prim(1, 2, numberToStringPrimitive),
  "string->number": prim(1, 2, stringToNumber),
};

export const inexactBindings: Record<string, PrimitiveSpec> = {
  exp: prim(1, 1, exp),
  log: prim(1, 2, log),
  sin: prim(1, 1, sin),
  cos: prim(1, 1, cos),
  tan: prim(1, 1, tan),
  asin: prim(1, 1, asin),
  acos: prim(1, 1, acos),
  atan: prim(1, 2, atan),
  sqrt: prim(1, 1, sqrt),
  "finite?": prim(1, 1, isFiniteNumber),
  "infinite?": prim(1, 1, isInfinite),
  "nan?": prim(1, 1, isNan),
};

export const complexBindings: Record<string, PrimitiveSpec> = {
  "real-part": prim(1, 1, realPart),
  "imag-part": prim(1, 1, imagPart),
  magnitude: prim(1, 1, magnitude),
  angle: prim(1, 1, angle),
  "make-rectangular": prim(2, 2, makeRectangular),
  "make-polar": prim(2, 2, makePolar),
};

export const r5rsNumberBindings: Record<string, PrimitiveSpec> = {
  "exact->inexact": prim(1, 1, exactToInexact),
  "inexact->exact": prim(1, 1, inexactToExact),
};
