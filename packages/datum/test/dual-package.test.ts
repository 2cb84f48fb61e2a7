// Both builds of the package in one process (the dual-package hazard): they must share one value
// model. Only the built files are loaded here, never the sources.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

type Datum = typeof import("../src/index.js");

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const esmPath = `${packageDir}dist/index.js`;
const cjsPath = `${packageDir}dist/index.cjs`;

let esm: Datum;
let cjs: Datum;

beforeAll(async () => {
  // turbo builds before testing; a bare `vitest run` in a fresh checkout builds here.
  if (!existsSync(esmPath) || !existsSync(cjsPath))
    execSync("npx tsup", { cwd: packageDir, stdio: "ignore" });
  esm = (await import(pathToFileURL(esmPath).href)) as Datum;
  cjs = createRequire(import.meta.url)(cjsPath) as Datum;
}, 60_000);

describe("ESM and CJS builds in one process", () => {
  it("are two distinct module instances", () => {
    expect(esm.write).not.toBe(cjs.write);
  });

  it("share interned symbols, chars and the eof object", () => {
    expect(esm.intern("a")).toBe(cjs.intern("a"));
    expect(cjs.intern("github.com/fred/hello@2.0#hi")).toBe(esm.intern("github.com/fred/hello@2.0#hi"));
    expect(esm.char(0x3bb)).toBe(cjs.char(0x3bb));
    expect(esm.EOF).toBe(cjs.EOF);
  });

  it("share the classes behind instanceof", () => {
    expect(new esm.Pair(1, 2)).toBeInstanceOf(cjs.Pair);
    expect(cjs.cons(1, 2)).toBeInstanceOf(esm.Pair);
    expect(esm.string("s")).toBeInstanceOf(cjs.MString);
    expect(cjs.flonum(2)).toBeInstanceOf(esm.Flonum);
    expect(esm.exactRational(1, 3)).toBeInstanceOf(cjs.Ratio);
    expect(esm.isFlonum(cjs.flonum(2))).toBe(true);
  });

  it("read each other's procedure records, boxes and dynamic environments", () => {
    const k = esm.carry(() => 1, {
      kind: "continuation",
      frames: null,
      dynamic: new cjs.DynamicEnvironment(null, null, null),
    });
    expect(cjs.continuationOf(k)?.dynamic).toBeInstanceOf(esm.DynamicEnvironment);
    const f = cjs.carryCompiled(() => 2, { ref: undefined }, [new esm.Box(3)]);
    expect(esm.compiledClosure(f)?.free[0]).toBeInstanceOf(cjs.Box);
    expect(esm.PROCEDURE_SLOT).toBe(cjs.PROCEDURE_SLOT);
  });

  it("compare each other's data with equal?", () => {
    const fromEsm = esm.list([esm.intern("a"), esm.string("b"), [esm.flonum(2)], esm.char(99)]);
    const fromCjs = cjs.list([cjs.intern("a"), cjs.string("b"), [cjs.flonum(2)], cjs.char(99)]);
    expect(esm.isEqual(fromEsm, fromCjs)).toBe(true);
    expect(cjs.isEqual(fromCjs, fromEsm)).toBe(true);
    expect(cjs.isEqv(esm.flonum(2), cjs.flonum(2))).toBe(true);
    expect(esm.isEqual(fromEsm, cjs.list([cjs.intern("a")]))).toBe(false);
  });

  it("print each other's data", () => {
    const quoted = cjs.list([cjs.intern("quote"), cjs.list([cjs.string("x"), cjs.char(32), cjs.flonum(2)])]);
    expect(esm.write(quoted)).toBe(`'("x" #\\space 2.0)`);
    expect(esm.display(quoted)).toBe("'(x   2.0)");
    const cycle = esm.list([1, 2]) as InstanceType<Datum["Pair"]>;
    (cycle.cdr as InstanceType<Datum["Pair"]>).cdr = cycle;
    expect(cjs.write(cycle)).toBe("#0=(1 2 . #0#)");
    expect(cjs.writeShared(esm.list([cycle, cycle]))).toBe("(#0=(1 2 . #0#) #0#)");
  });

  it("see each other's source positions", () => {
    const form = new esm.SourcePair(1, null, "a.scm", 2, 3, 10);
    expect(form).toBeInstanceOf(cjs.SourcePair);
    expect(cjs.locationOf(form)).toEqual({ file: "a.scm", line: 2, column: 3, offset: 10 });
    const literal = new cjs.SourceString("s", { line: 4, column: 1 });
    expect(esm.locationOf(literal)).toEqual({ line: 4, column: 1 });
    const vector = [1];
    cjs.setLocation(vector, { file: "v.scm", line: 5, column: 6 });
    expect(esm.formatLocation(esm.locationOf(vector)!)).toBe("v.scm:5:6");
  });
});
