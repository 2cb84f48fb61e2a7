import { Record, RecordType } from "@termite/datum";
import { describe, expect, it } from "vitest";
import type { NamedProcedure } from "./records.js";
import { call, callError, raised, str, sym, write } from "./test-helpers.js";

function pointType(): RecordType {
  return call("make-record-type", sym("<point>"), [sym("x"), sym("y")], str("geo#point@test")) as RecordType;
}

describe("record types", () => {
  it("make-record-type builds a RecordType", () => {
    const rtd = pointType();
    expect(rtd).toBeInstanceOf(RecordType);
    expect(rtd.name).toBe("<point>");
    expect(rtd.fieldNames).toEqual(["x", "y"]);
    expect(rtd.uid).toBe("geo#point@test");
    expect(call("record-type-descriptor?", rtd)).toBe(true);
    expect(call("record-type-descriptor?", sym("x"))).toBe(false);
    expect(callError("make-record-type", str("p"), [], str("u")).message).toContain("a symbol");
    expect(callError("make-record-type", sym("p"), [1], str("u")).who).toBe("make-record-type");
    expect(callError("make-record-type", sym("p"), [], sym("u")).message).toContain("a string");
  });

  it("constructor, predicate, accessors and modifiers", () => {
    const rtd = pointType();
    const make = call("record-constructor", rtd, [1, 0]) as NamedProcedure<(...a: unknown[]) => Record>;
    expect(make.schemeName).toBe("make-point");
    const p = make(2, 1);
    expect(p).toBeInstanceOf(Record);
    expect(p.fields).toEqual([1, 2]);
    expect(call("record?", p)).toBe(true);
    expect(call("record?", [1, 2])).toBe(false);

    const isPoint = call("record-predicate", rtd) as NamedProcedure<(x: unknown) => boolean>;
    expect(isPoint.schemeName).toBe("point?");
    expect(isPoint(p)).toBe(true);
    expect(isPoint(5)).toBe(false);

    const x = call("record-accessor", rtd, 0) as NamedProcedure<(r: unknown) => unknown>;
    const setX = call("record-modifier", rtd, 0) as NamedProcedure<(r: unknown, v: unknown) => unknown>;
    expect(x.schemeName).toBe("point-x");
    expect(setX.schemeName).toBe("point-x-set!");
    expect(x(p)).toBe(1);
    setX(p, 10);
    expect(x(p)).toBe(10);
    expect(write(p)).toContain("point");
  });

  it("take the user's names and check types with them", () => {
    const rtd = pointType();
    const y = call("record-accessor", rtd, 1, sym("point-y")) as (r: unknown) => unknown;
    const e = raised(() => y(5));
    expect(e.who).toBe("point-y");
    expect(e.message).toBe("expected a point (argument 1)");
    const setY = call("record-modifier", rtd, 1, sym("set-point-y!")) as (r: unknown, v: unknown) => unknown;
    expect(raised(() => setY(null, 1)).who).toBe("set-point-y!");
    const make = call("record-constructor", rtd, [0], sym("point")) as (...a: unknown[]) => Record;
    expect(make(1).fields).toEqual([1, false]);
    expect(raised(() => make(1, 2)).message).toBe("expected 1 arguments, got 2");
    const isPoint = call("record-predicate", rtd, sym("is-point?")) as NamedProcedure<
      (x: unknown) => boolean
    >;
    expect(isPoint.schemeName).toBe("is-point?");
  });

  it("distinguish types, but accept a copy of the type with the same uid", () => {
    const rtd = pointType();
    const other = call(
      "make-record-type",
      sym("<point>"),
      [sym("x"), sym("y")],
      str("elsewhere"),
    ) as RecordType;
    const copy = pointType();
    const isPoint = call("record-predicate", rtd) as (x: unknown) => boolean;
    expect(isPoint(new Record(other, [1, 2]))).toBe(false);
    expect(isPoint(new Record(copy, [1, 2]))).toBe(true);
  });

  it("reject bad descriptors and field indices", () => {
    const rtd = pointType();
    expect(callError("record-constructor", 5, []).message).toContain("a record type");
    expect(callError("record-constructor", rtd, [2]).message).toContain("no field 2");
    expect(callError("record-predicate", null).who).toBe("record-predicate");
    expect(callError("record-accessor", rtd, 2).who).toBe("record-accessor");
    expect(callError("record-modifier", rtd, -1).who).toBe("record-modifier");
  });
});
