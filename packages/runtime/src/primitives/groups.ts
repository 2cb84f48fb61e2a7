// ## Which library exports which primitive
//
// One `PrimitiveGroup` per R7RS (or SRFI, or Termite) library. A name exported by two libraries
// appears in both groups with the same spec, so both globals are the same procedure.

import type { PrimitiveGroup } from "../primitive.js";
import { bytevectorBaseBindings } from "./bytevectors.js";
import { charBaseBindings, charCharBindings } from "./chars.js";
import { cxrBaseBindings, cxrBindings } from "./cxr.js";
import { equivalenceBaseBindings } from "./equivalence.js";
import { errorBaseBindings } from "./errors.js";
import { listBaseBindings } from "./lists.js";
import {
  complexBindings,
  inexactBindings,
  numberBaseBindings,
  r5rsNumberBindings,
} from "./numbers/groups.js";
import { recordInternalBindings } from "./records.js";
import { srfi1Bindings } from "./srfi1.js";
import { stringBaseBindings, stringCharBindings } from "./strings.js";
import { symbolBaseBindings } from "./symbols.js";
import { vectorBaseBindings } from "./vectors.js";

export const schemeBase: PrimitiveGroup = {
  library: "scheme/base",
  bindings: {
    ...numberBaseBindings,
    ...equivalenceBaseBindings,
    ...symbolBaseBindings,
    ...charBaseBindings,
    ...stringBaseBindings,
    ...listBaseBindings,
    ...cxrBaseBindings,
    ...vectorBaseBindings,
    ...bytevectorBaseBindings,
    ...errorBaseBindings,
  },
};

export const schemeChar: PrimitiveGroup = {
  library: "scheme/char",
  bindings: { ...charCharBindings, ...stringCharBindings },
};

export const schemeCxr: PrimitiveGroup = { library: "scheme/cxr", bindings: cxrBindings };

export const schemeInexact: PrimitiveGroup = { library: "scheme/inexact", bindings: inexactBindings };

export const schemeComplex: PrimitiveGroup = { library: "scheme/complex", bindings: complexBindings };

/** Only the R5RS names that no R7RS library has; (scheme r5rs) re-exports the rest. */
export const schemeR5rs: PrimitiveGroup = { library: "scheme/r5rs", bindings: r5rsNumberBindings };

export const srfi1: PrimitiveGroup = { library: "srfi/1", bindings: srfi1Bindings };

export const termiteInternal: PrimitiveGroup = {
  library: "termite/internal",
  bindings: recordInternalBindings,
};

/** Every group of pure primitives. */
export const primitiveGroups: readonly PrimitiveGroup[] = [
  schemeBase,
  schemeChar,
  schemeCxr,
  schemeInexact,
  schemeComplex,
  schemeR5rs,
  srfi1,
  termiteInternal,
];
