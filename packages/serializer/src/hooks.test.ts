import { type CodeReference, cons, intern, list, type Pair, string } from "@termite/datum";
import { describe, expect, it } from "vitest";
import {
  CodeReferenceError,
  DecodeError,
  type Describe,
  Described,
  decode,
  decodeSync,
  encode,
  type Reviver,
  SerializeError,
} from "./index.js";

// A stand-in for the runtime's objects: compiled code, closures over it, and process ids.
class FakeCode {
  constructor(readonly ref: CodeReference) {}
}
class FakeClosure {
  constructor(
    readonly code: FakeCode,
    readonly free: unknown[],
    readonly name: string,
  ) {}
}
class FakePid {
  constructor(
    readonly node: string,
    readonly id: number,
  ) {}
}

const describeFake: Describe = (value) => {
  if (value instanceof FakeCode) return { code: value.ref };
  if (value instanceof FakeClosure) {
    return {
      tag: "closure",
      fields: [value.code, string(value.name), ...value.free],
      labels: ["code", "name", ...value.free.map((_, i) => `free variable ${i}`)],
    };
  }
  if (value instanceof FakePid) return { tag: "pid", fields: [value.node, value.id] };
  return undefined;
};

const closureReviver: Reviver = {
  create: () => Object.create(FakeClosure.prototype) as FakeClosure,
  fill: (target, [code, name, ...free]) => {
    Object.assign(target as object, { code, name: String(name), free });
  },
};
const revivers = {
  closure: closureReviver,
  pid: ([node, id]: unknown[]) => new FakePid(String(node), id as number),
};

const hello: CodeReference = { module: "github.com/fred/hello@2.0", id: "#hi/lambda1", hash: "3fa2" };
const localCode = new FakeCode(hello);

describe("described objects and code references", () => {
  it("round-trips closures through the hooks, sharing free variables and cycles", async () => {
    const counter = cons(0, null);
    const a = new FakeClosure(localCode, [counter, new FakePid(":7000", 12)], "a");
    const b = new FakeClosure(localCode, [counter], "b");
    a.free.push(a); // a closure among its own free variables (letrec)
    const asked: CodeReference[] = [];
    const resolver = {
      resolve: async (ref: CodeReference) => {
        asked.push(ref);
        return ref.module === hello.module && ref.hash === hello.hash ? localCode : undefined;
      },
    };
    const back = (await decode(encode(list([a, b]), { describe: describeFake }), {
      resolver,
      revivers,
    })) as Pair;
    const [a2, b2] = [back.car as FakeClosure, (back.cdr as Pair).car as FakeClosure];
    expect(a2).toBeInstanceOf(FakeClosure);
    expect(a2.name).toBe("a");
    expect(a2.code).toBe(localCode);
    expect(b2.code).toBe(localCode);
    expect(a2.free[0]).toBe(b2.free[0]);
    expect(a2.free[0]).not.toBe(counter);
    expect(a2.free[1]).toEqual(new FakePid(":7000", 12));
    expect(a2.free[2]).toBe(a2);
    expect(asked).toEqual([hello]); // one distinct reference, resolved once
  });

  it("refuses a refused reference, an unknown one, and a hash mismatch, naming the reference", async () => {
    const bytes = encode(new FakeClosure(localCode, [], "f"), { describe: describeFake });
    const attempt = (resolve: (ref: CodeReference) => unknown) =>
      decode(bytes, { resolver: { resolve }, revivers });
    await expect(
      attempt(async () => Promise.reject(new Error("not on the whitelist"))),
    ).rejects.toMatchObject({
      code: "refused",
      reference: hello,
      message: expect.stringContaining(
        "github.com/fred/hello@2.0 #hi/lambda1 (source hash 3fa2) refused: not on the whitelist",
      ),
    });
    await expect(attempt(() => undefined)).rejects.toMatchObject({
      code: "unknown",
      message: expect.stringContaining("github.com/fred/hello@2.0 #hi/lambda1"),
    });
    await expect(
      attempt((ref) => {
        throw CodeReferenceError.hashMismatch(ref, "77aa");
      }),
    ).rejects.toMatchObject({
      code: "hash-mismatch",
      message: expect.stringMatching(/module github.com\/fred\/hello@2.0 differs: .*3fa2.*77aa/),
    });
    await expect(decode(bytes, { revivers })).rejects.toMatchObject({ code: "unknown" });
    const error = await attempt(() => undefined).catch((e) => e);
    expect(CodeReferenceError.isInstance(error)).toBe(true);
  });

  it("decodes synchronously with a synchronous resolver, and refuses an asynchronous one", () => {
    const bytes = encode(new FakeClosure(localCode, [1], "f"), { describe: describeFake });
    const back = decodeSync(bytes, { resolver: { resolve: () => localCode }, revivers }) as FakeClosure;
    expect(back.code).toBe(localCode);
    expect(() => decodeSync(bytes, { resolver: { resolve: async () => localCode }, revivers })).toThrow(
      expect.objectContaining({ code: "needs-async" }),
    );
  });

  it("keeps described objects without a reviver only when asked to", () => {
    const bytes = encode(new FakePid("host:1", 3), { describe: describeFake });
    expect(() => decodeSync(bytes)).toThrow(expect.objectContaining({ code: "no-reviver" }));
    const kept = decodeSync(bytes, { unknownTags: "keep" }) as Described;
    expect(kept).toBeInstanceOf(Described);
    expect(kept.tag).toBe("pid");
    expect(String(kept.fields[0])).toBe("host:1");
    // and a Described object travels without any hook
    expect(decodeSync(encode(kept), { unknownTags: "keep" })).toMatchObject({
      tag: "pid",
      fields: [expect.anything(), 3],
    });
  });

  it("reports one-phase revivers in a cycle and wraps a reviver's failure", () => {
    const x = new Described("knot", []);
    const y = new Described("knot", [x]);
    x.fields.push(y);
    expect(() => decodeSync(encode(x), { revivers: { knot: (f: unknown[]) => f } })).toThrow(
      expect.objectContaining({ code: "described-cycle" }),
    );
    const bytes = encode(new FakePid("h:1", 1), { describe: describeFake });
    expect(() =>
      decodeSync(bytes, {
        revivers: {
          pid: () => {
            throw new Error("bad pid");
          },
        },
      }),
    ).toThrow(
      expect.objectContaining({ code: "reviver-failed", message: expect.stringContaining("bad pid") }),
    );
  });

  it("never looks revivers up on Object.prototype", () => {
    const bytes = encode(new Described("constructor", []));
    expect(() => decodeSync(bytes)).toThrow(expect.objectContaining({ code: "no-reviver" }));
  });
});

describe("refusing what cannot travel", () => {
  it("names the object and the path it was reached by", () => {
    const port = { close() {}, toString: () => "#<input-port /etc/passwd>" };
    const loop = new FakeClosure(localCode, [1, 2, port], "loop");
    const message = list([list([0, [1, 2, 3, loop]])]);
    let error: unknown;
    try {
      encode(message, {
        describe: describeFake,
        print: (v) => (v instanceof FakeClosure ? `#<procedure ${v.name}>` : undefined),
      });
    } catch (e) {
      error = e;
    }
    expect(SerializeError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: "unserializable",
      path: "message → car → cdr → car → vector[3] → free variable 2 of #<procedure loop>",
    });
    expect((error as Error).message).toContain("#<Object #<input-port /etc/passwd>>");
  });

  it("refuses functions, JS symbols, maps and dates without a hook", () => {
    for (const bad of [() => 1, Symbol("s"), new Map(), new Date(0), { a: 1 }, new Float64Array(1)]) {
      expect(() => encode(list([1, bad]))).toThrow(
        expect.objectContaining({ code: "unserializable", path: "message → cdr → car" }),
      );
    }
    expect(() => encode(function named() {})).toThrow(/#<procedure named>/);
  });

  it("refuses a describe hook's malformed answer", () => {
    expect(() => encode(new FakePid("h", 1), { describe: () => ({ tag: "", fields: [] }) })).toThrow(
      expect.objectContaining({ code: "bad-description" }),
    );
    expect(() => encode(new FakePid("h", 1), { describe: () => ({ code: { module: 1 } }) as never })).toThrow(
      expect.objectContaining({ code: "bad-description" }),
    );
  });

  it("keeps interned symbols as names in described fields", () => {
    const back = decodeSync(encode(new Described("tag", [intern("PING")])), {
      unknownTags: "keep",
    }) as Described;
    expect(back.fields[0]).toBe(intern("PING"));
    expect(DecodeError.isInstance(new DecodeError("limit", "x"))).toBe(true);
  });
});
