// Every message we write must be well-formed CBOR that a decoder written by someone else reads as
// the structure docs/wire-format.md describes.

import {
  cons,
  exactRational,
  flonum,
  intern,
  list,
  Record,
  RecordType,
  string,
  uninternedSymbol,
} from "@termite/datum";
import { decodeAllSync, Tagged } from "cbor";
import { describe, expect, it } from "vitest";
import { Described, encode } from "./index.js";

const read = (value: unknown): unknown => {
  const items = decodeAllSync(encode(value));
  expect(items).toHaveLength(1);
  return items[0];
};

describe("messages read by the cbor package", () => {
  it("has the documented layout for a small message", () => {
    const shared = string("s");
    const message = read(list([intern("a"), shared, shared, 2.5, flonum(2)])) as Tagged;
    expect(message).toBeInstanceOf(Tagged);
    expect(message.tag).toBe(40000);
    const [version, root, objects] = message.value as [number, Tagged, unknown[]];
    expect(version).toBe(1);
    expect(root.tag).toBe(40001);
    expect(root.value).toBe(0);
    const [listForm, sharedString] = objects as [Tagged, string];
    expect(listForm.tag).toBe(40008);
    const items = listForm.value as unknown[];
    expect(items).toHaveLength(6);
    expect(items[0]).toMatchObject({ tag: 40002, value: "a" });
    expect(items[1]).toMatchObject({ tag: 40001, value: 1 });
    expect(items[2]).toMatchObject({ tag: 40001, value: 1 });
    expect(items[3]).toBe(2.5);
    expect((items[4] as Tagged).tag).toBe(40005);
    expect([...((items[4] as Tagged).value as Uint8Array)]).toEqual([0x40, 0, 0, 0, 0, 0, 0, 0]);
    expect(items[5]).toBe(null);
    expect(sharedString).toBe("s");
  });

  it("reads every kind of form", () => {
    const type = new RecordType("point", "test:point-cbor", ["x", "y"]);
    const cyclic = cons(1, null);
    cyclic.cdr = cyclic;
    const value = [
      new Record(type, [exactRational(1, 3), 2n ** 100n]),
      uninternedSymbol("g"),
      new Described("pid", [":7000", 3]),
      cyclic,
      new Uint8Array([1, 2]),
      -(2n ** 64n),
      Number.NaN,
      flonum(-0),
    ];
    const [, , objects] = (read(value) as Tagged).value as [number, unknown, Tagged[]];
    expect(objects.map((o) => (o instanceof Tagged ? o.tag : typeof o)).sort()).toEqual([
      40008, 40009, 40010, 40011, 40014,
    ]);
  });

  it("reads a long list and a deep nest as one shallow document", () => {
    let deep: unknown = null;
    for (let i = 0; i < 10_000; i++) deep = cons(deep, null);
    const [, , objects] = (read(list([list(Array.from({ length: 10_000 }, (_, i) => i)), deep])) as Tagged)
      .value as [number, unknown, unknown[]];
    expect(objects.length).toBe(10_002);
  });
});
