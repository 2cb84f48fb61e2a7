// Properties of the printer and of equal? over generated data.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { symbolNeedsBars } from "./atom-text.js";
import { isEqual } from "./equality.js";
import { flonumToString } from "./number-text.js";
import { display, write, writeShared } from "./printer.js";
import {
  Char,
  char,
  exactInteger,
  exactRational,
  flonum,
  intern,
  list,
  MString,
  Pair,
  Sym,
  string,
} from "./values.js";

// ### Generated data

const exactInt = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.bigInt({ min: -(2n ** 100n), max: 2n ** 100n }).map((n) => exactInteger(n)),
);
const ratio = fc
  .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 50 }))
  .map(([n, d]) => exactRational(n, d));
const double = fc.double().map((x) => flonum(x));
const symbolName = fc.oneof(
  fc.constantFrom("a", "list", "+", "...", "@2.0", "github.com/fred/hello@2.0#hi"),
  fc.string(),
);
const plainSymbolName = fc.stringMatching(/^[a-z!$%&*/:<=>?^_~][a-z0-9!$%&*/:<=>?^_~+\-.@#]*$/);
const codePoint = fc.integer({ min: 0, max: 0x10ffff }).filter((cp) => cp < 0xd800 || cp > 0xdfff);
const atom = fc.oneof(
  exactInt,
  ratio,
  double,
  fc.boolean(),
  fc.constant(null),
  symbolName.map(intern),
  fc.string({ unit: "binary" }).map(string),
  codePoint.map(char),
  fc.uint8Array({ maxLength: 4 }),
);

interface Tree {
  datum: unknown;
}

function datumOf(leaf: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const { tree } = fc.letrec<Tree & { tree: unknown }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.array(tie("tree"), { maxLength: 5 }).map((items) => list(items)),
      fc
        .tuple(fc.array(tie("tree"), { minLength: 1, maxLength: 3 }), leaf)
        .map(([items, tail]) => list(items, tail)),
      fc.array(tie("tree"), { maxLength: 4 }),
    ),
    datum: tie("tree"),
  }));
  return tree;
}

const datum = datumOf(atom);

/** A structural copy sharing no pair, vector, string or bytevector with the original. */
function deepCopy(v: unknown): unknown {
  if (v instanceof Pair) return new Pair(deepCopy(v.car), deepCopy(v.cdr));
  if (Array.isArray(v)) return v.map(deepCopy);
  if (v instanceof MString) return string(v.toString());
  if (v instanceof Uint8Array) return new Uint8Array(v);
  return v;
}

function containsTextual(v: unknown): boolean {
  if (v instanceof Pair) return containsTextual(v.car) || containsTextual(v.cdr);
  if (Array.isArray(v)) return v.some(containsTextual);
  return v instanceof MString || v instanceof Char || (v instanceof Sym && symbolNeedsBars(v.name));
}

// ### Properties

describe("equal?", () => {
  it("is reflexive", () => {
    fc.assert(fc.property(datum, (x) => isEqual(x, x)));
  });

  it("holds between a value and its deep copy", () => {
    fc.assert(fc.property(datum, (x) => isEqual(x, deepCopy(x)) && isEqual(deepCopy(x), x)));
  });

  it("agrees with comparing written forms on acyclic data", () => {
    fc.assert(
      fc.property(datum, datum, (x, y) => {
        expect(isEqual(x, y)).toBe(write(x) === write(y));
      }),
    );
  });

  it("is symmetric", () => {
    fc.assert(fc.property(datum, datum, (x, y) => isEqual(x, y) === isEqual(y, x)));
  });
});

describe("write", () => {
  it("is deterministic and depends only on structure", () => {
    fc.assert(
      fc.property(datum, (x) => {
        const text = write(x);
        expect(write(x)).toBe(text);
        expect(write(deepCopy(x))).toBe(text);
      }),
    );
  });

  it("uses no label on acyclic data", () => {
    fc.assert(
      fc.property(datumOf(fc.oneof(exactInt, fc.boolean(), plainSymbolName.map(intern))), (x) => {
        expect(write(x)).not.toMatch(/(^|[\s(])#\d+[=#]/);
      }),
    );
  });

  it("ends on cyclic structures and writes a label", () => {
    fc.assert(
      fc.property(
        fc.array(datum, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.boolean(),
        (items, at, viaCar) => {
          const head = list(items) as Pair;
          const pairs: Pair[] = [];
          for (let p: unknown = head; p instanceof Pair; p = p.cdr) pairs.push(p);
          const target = pairs[at % pairs.length]!;
          // Close the cycle through the last cdr, or through a car.
          if (viaCar) pairs[pairs.length - 1]!.car = target;
          else pairs[pairs.length - 1]!.cdr = target;
          for (const text of [write(head), writeShared(head), display(head)]) {
            expect(text).toContain("#0=");
            expect(text).toContain("#0#");
          }
          expect(isEqual(head, head)).toBe(true);
        },
      ),
    );
  });
});

describe("display", () => {
  it("equals write when there are no strings, chars or barred symbols", () => {
    fc.assert(
      fc.property(datum, (x) => {
        if (!containsTextual(x)) expect(display(x)).toBe(write(x));
      }),
    );
  });

  it("differs from write when a string or char is present", () => {
    fc.assert(
      fc.property(datum, fc.oneof(fc.string().map(string), codePoint.map(char)), (x, textual) => {
        const withText = list([x, textual]);
        if (textual instanceof MString || textual.codePoint !== 0x20 || !containsTextual(x)) {
          expect(display(withText)).not.toBe(write(withText));
        }
      }),
    );
  });
});

describe("atoms", () => {
  it("bars every name that JavaScript would read as a finite number", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double().map(String), fc.integer().map(String)), (name) => {
        if (Number.isFinite(Number(name))) expect(symbolNeedsBars(name)).toBe(true);
      }),
    );
  });

  it("writes doubles that read back exactly and look inexact", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = flonumToString(x);
        expect(text).toMatch(/[.e]/);
        expect(Object.is(Number(text), x)).toBe(true);
      }),
    );
  });
});
