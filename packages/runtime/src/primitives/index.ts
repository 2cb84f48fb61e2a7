// ## The pure primitives: plain JS functions of their Scheme arguments
//
// `primitiveGroups` lists them by library for the machine to install. The binary fast paths are
// exported for the compiler to open-code: each takes Scheme values and returns one, and signals
// errors exactly as the corresponding procedure does.

export { bytevectorRef, bytevectorSet } from "./bytevectors.js";
export { caar, cadr, cdar, cddr } from "./cxr.js";
export { error } from "./errors.js";
export {
  primitiveGroups,
  schemeBase,
  schemeChar,
  schemeComplex,
  schemeCxr,
  schemeInexact,
  schemeR5rs,
  srfi1,
  termiteInternal,
} from "./groups.js";
export { assq, car, cdr, cons, length, memq, setCar, setCdr } from "./lists.js";
export { add2, div2, mul2, negate, sub2 } from "./numbers/arithmetic.js";
export { ge2, gt2, isZero, le2, lt2, numEq2 } from "./numbers/compare.js";
export { modulo, quotient, remainder } from "./numbers/integer-division.js";
export {
  type NamedProcedure,
  recordTypeDisplayName,
  remakeRecordProcedure,
} from "./records.js";
export { stringRef } from "./strings.js";
export { not } from "./symbols.js";
export { vectorRef, vectorSet } from "./vectors.js";
