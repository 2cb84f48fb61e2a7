// ## Random Scheme data for property tests
//
// Every type of the data model that `equal?` compares by contents, nested to a few levels, with
// the edge numbers (-0.0, NaN, ±inf, bignums) generated on purpose rather than by luck.

import {
  char,
  EOF,
  exactInteger,
  exactRational,
  flonum,
  intern,
  list,
  type RealNumber,
  rectangular,
  string,
} from "@termite/datum";
import fc from "fast-check";

const edgeFlonums = fc.constantFrom(
  0,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2,
  1e300,
  0.1,
);

const bigIntegers = fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }).map((n) => exactInteger(n));

const scalarValue = fc.integer({ min: 0, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff);

const ratios = fc
  .tuple(bigIntegers, fc.bigInt({ min: 1n, max: 2n ** 100n }))
  .map(([n, d]) => exactRational(BigInt(n as number | bigint), d));

const reals = fc.oneof(fc.integer(), bigIntegers, ratios, fc.double().map(flonum), edgeFlonums.map(flonum));

/** Non-real complex numbers: any two real parts, the imaginary one not exact zero. */
const complexes = fc
  .tuple(
    reals,
    reals.filter((im) => im !== 0),
  )
  .map(([re, im]) => rectangular(re as RealNumber, im as RealNumber));

/** Leaves: every atom of the data model. */
export const atomArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  bigIntegers,
  ratios,
  fc.double().map(flonum),
  edgeFlonums.map(flonum),
  complexes,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(EOF),
  fc.string({ unit: "binary", maxLength: 12 }).map(string),
  fc.string({ maxLength: 8 }).map(intern),
  scalarValue.map(char),
  fc.uint8Array({ maxLength: 12 }),
);

/** Trees of lists (proper and improper) and vectors: what `equal?` compares by contents. */
export const datumArbitrary: fc.Arbitrary<unknown> = fc.letrec<{ datum: unknown }>((tie) => ({
  datum: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    atomArbitrary,
    fc
      .tuple(fc.array(tie("datum"), { maxLength: 5 }), fc.oneof(fc.constant(null), atomArbitrary))
      .map(([items, tail]) => list(items, tail)),
    fc.array(tie("datum"), { maxLength: 5 }),
  ),
})).datum;
