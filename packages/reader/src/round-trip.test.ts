// Property tests: what the printer writes, the reader reads back as the same datum.
import {
  Char,
  char,
  exactInteger,
  exactRational,
  flonum,
  intern,
  isEqual,
  isEqv,
  list,
  MString,
  Pair,
  type RealNumber,
  rectangular,
  type Sym,
  string,
  write,
  writeShared,
} from "@termite/datum";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readAll } from "./read-all.js";

// ### Readable data

const scalarValue = fc.integer({ min: 0, max: 0x10ffff - 0x800 }).map((n) => (n >= 0xd800 ? n + 0x800 : n)); // skip the surrogates, which no char or string holds

const anyText = fc.string({ unit: "binary", maxLength: 12 });
const oddText = fc.string({ unit: fc.constantFrom(..."a1.+-#|\\ ()\";'`,@λ😀\n\t\x00{}[]/:"), maxLength: 6 });

const exactIntegers = fc.oneof(
  fc.integer(),
  fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }).map((n) => exactInteger(n)),
);
const ratios = fc
  .tuple(fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }), fc.bigInt({ min: 1n, max: 2n ** 80n }))
  .map(([n, d]) => exactRational(n, d));
const flonums = fc.double().map(flonum); // NaN, ±inf, -0.0, subnormals included
const reals = fc.oneof(exactIntegers, ratios, flonums);
// Every pair of parts, exact or inexact, except an exact zero imaginary part (that is a real).
const complexes = fc
  .tuple(
    reals,
    reals.filter((im) => im !== 0),
  )
  .map(([re, im]) => rectangular(re as RealNumber, im as RealNumber));

const symbols = fc
  .oneof(
    fc.constantFrom(
      "a",
      "list->vector",
      "+",
      "-",
      "...",
      "->x",
      "@2.0",
      "github.com/fred/hello@2.0#hi",
      "1+",
      "+i",
      "-inf.0",
      ".",
      "..",
      "",
      "|",
      "a b",
      "#foo",
      "+.5",
    ),
    anyText,
    oddText,
  )
  .map((name) => intern(name));

const atoms = fc.oneof(
  exactIntegers,
  ratios,
  flonums,
  complexes,
  fc.oneof(anyText, oddText).map((text) => string(text)),
  symbols,
  scalarValue.map((cp) => char(cp)),
  fc.boolean(),
  fc.constant(null),
  fc.uint8Array({ maxLength: 8 }),
);

const data = fc.letrec<{ datum: unknown }>((tie) => ({
  datum: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    atoms,
    fc.array(tie("datum"), { maxLength: 5 }).map((items) => list(items)),
    fc
      .tuple(
        fc.array(tie("datum"), { minLength: 1, maxLength: 4 }),
        atoms.filter((a) => a !== null),
      )
      .map(([items, tail]) => list(items, tail)),
    fc.array(tie("datum"), { maxLength: 5 }),
  ),
})).datum;

function readBack(text: string): unknown {
  const result = readAll(text);
  expect(result).toHaveLength(1);
  return result[0];
}

describe("round trip through write", () => {
  it("reads what write writes as an equal? datum", () => {
    fc.assert(
      fc.property(data, (datum) => {
        const text = write(datum);
        expect(isEqual(readBack(text), datum), text).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it("reads every flonum back as the same double (NaN by eqv?)", () => {
    fc.assert(
      fc.property(flonums, (x) => {
        expect(isEqv(readBack(write(x)), x)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads every symbol back as the same interned symbol", () => {
    fc.assert(
      fc.property(symbols, (sym: Sym) => {
        expect(readBack(write(sym))).toBe(sym);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads every string and char back unchanged", () => {
    fc.assert(
      fc.property(anyText, scalarValue, (text, codePoint) => {
        expect(String(readBack(write(string(text))))).toBe(text);
        expect(readBack(write(char(codePoint)))).toBe(char(codePoint));
      }),
      { numRuns: 1000 },
    );
  });
});

// ### Cyclic and shared data
//
// A graph of pairs and vectors whose slots hold atoms or other nodes (any node, so cycles and
// sharing both occur); node 0 is the datum.

type Slot = { node: number } | { atom: unknown };
type NodeSpec = { vector: boolean; slots: Slot[] };

const graphs = fc
  .integer({ min: 1, max: 6 })
  .chain((count) =>
    fc.array(
      fc.record({
        vector: fc.boolean(),
        slots: fc.array(
          fc.oneof(
            fc.integer({ min: 0, max: count - 1 }).map((node): Slot => ({ node })),
            atoms.map((atom): Slot => ({ atom })),
          ),
          { minLength: 2, maxLength: 3 },
        ),
      }),
      { minLength: count, maxLength: count },
    ),
  )
  .map((specs) => build(specs));

function build(specs: NodeSpec[]): unknown {
  const nodes = specs.map((spec) =>
    spec.vector ? new Array<unknown>(spec.slots.length) : new Pair(null, null),
  );
  specs.forEach((spec, i) => {
    const values = spec.slots.map((slot) => ("node" in slot ? nodes[slot.node] : slot.atom));
    const node = nodes[i]!;
    if (Array.isArray(node)) node.splice(0, node.length, ...values);
    else [node.car, node.cdr] = [values[0], values[1]];
  });
  return nodes[0];
}

/** Same shape: a one-to-one map between the pairs, vectors and strings of `a` and of `b`. */
function sameShape(a: unknown, b: unknown): boolean {
  const mapped = new Map<object, object>();
  const taken = new Set<object>();
  const pending: [unknown, unknown][] = [[a, b]];
  while (pending.length > 0) {
    const [x, y] = pending.pop()!;
    const xIsNode = x instanceof Pair || Array.isArray(x) || x instanceof MString;
    if (!xIsNode) {
      if (!isEqual(x, y)) return false;
      continue;
    }
    const known = mapped.get(x as object);
    if (known !== undefined) {
      if (known !== y) return false;
      continue;
    }
    if (typeof y !== "object" || y === null || taken.has(y)) return false;
    mapped.set(x as object, y);
    taken.add(y);
    if (x instanceof Pair) {
      if (!(y instanceof Pair)) return false;
      pending.push([x.car, y.car], [x.cdr, y.cdr]);
    } else if (Array.isArray(x)) {
      if (!Array.isArray(y) || y.length !== x.length) return false;
      for (let i = 0; i < x.length; i++) pending.push([x[i], y[i]]);
    } else if (!(y instanceof MString) || String(x) !== String(y)) {
      return false;
    }
  }
  return true;
}

describe("round trip of cyclic and shared data", () => {
  it("reads what write-shared writes as a datum of the same shape", () => {
    fc.assert(
      fc.property(graphs, (datum) => {
        const text = writeShared(datum);
        expect(sameShape(datum, readBack(text)), text).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("reads what write writes (labels on cycles only) as an equal? datum", () => {
    fc.assert(
      fc.property(graphs, (datum) => {
        const text = write(datum);
        expect(isEqual(readBack(text), datum), text).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a cyclic list's shape through write-shared", () => {
    const cycle = list([intern("a"), char(0x3bb), string("s")]) as Pair;
    ((cycle.cdr as Pair).cdr as Pair).cdr = cycle;
    const back = readBack(writeShared(cycle));
    expect(sameShape(cycle, back)).toBe(true);
    expect((back as Pair).car).toBe(intern("a"));
    expect(((back as Pair).cdr as Pair).car).toBeInstanceOf(Char);
  });
});
