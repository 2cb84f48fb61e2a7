// A compiled unit written to disk loads with Node's own `import` and runs like the in-memory one.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CoreModule, Node, Variable } from "@termite/core";
import { string } from "@termite/datum";
import {
  add2,
  defaultScheduler,
  GlobalEnvironment,
  lt2,
  SchemeThread,
  sub2,
} from "@termite/runtime/internal";
import { describe, expect, it } from "vitest";
import { compileToFiles, loadCompiledFile } from "./module-file.js";

const n: Variable = { name: "n", id: 1, assigned: false };
const g = (name: string): Node => ({ kind: "global", name });
const l: Node = { kind: "local", variable: n };
const q = (value: unknown): Node => ({ kind: "quote", value });
const call = (fn: Node, ...args: Node[]): Node => ({ kind: "call", fn, args });
const iff = (test: Node, then: Node, otherwise: Node): Node => ({ kind: "if", test, then, else: otherwise });

const library: CoreModule = {
  kind: "library",
  block: true,
  supplies: "github.com/fred/fib@1.0",
  demands: [],
  imports: ["scheme/base"],
  namespace: [],
  exports: new Map([["fib", "github.com/fred/fib@1.0#fib"]]),
  body: [
    {
      kind: "define",
      name: "github.com/fred/fib@1.0#fib",
      value: {
        kind: "lambda",
        name: "fib",
        params: [n],
        rest: null,
        body: iff(
          call(g("scheme/base#<"), l, q(2)),
          l,
          call(
            g("scheme/base#+"),
            call(g("github.com/fred/fib@1.0#fib"), call(g("scheme/base#-"), l, q(1))),
            call(g("github.com/fred/fib@1.0#fib"), call(g("scheme/base#-"), l, q(2))),
          ),
        ),
      },
    },
    { kind: "define", name: "github.com/fred/fib@1.0#greeting", value: q(string("hello")) },
  ],
};

describe("compiled units on disk", () => {
  it("writes the same files twice, with a manifest naming exports, dependencies and control points", () => {
    const a = compileToFiles(library, { source: "(define-library …)" });
    const b = compileToFiles(library, { source: "(define-library …)" });
    expect(a.js).toBe(b.js);
    expect(a.manifest).toEqual(b.manifest);
    expect(a.manifest.exports).toEqual({ fib: "github.com/fred/fib@1.0#fib" });
    expect(a.manifest.dependencies).toEqual(["scheme/base"]);
    expect(a.manifest.codes).toEqual([
      { id: "body", name: undefined, controlPoints: 0 },
      { id: "github.com/fred/fib@1.0#fib", name: "fib", controlPoints: 2 },
    ]);
  });

  it("loads the JavaScript file with import and runs it against a global environment", async () => {
    const dir = mkdtempSync(join(tmpdir(), "termite-compiled-"));
    const { js, manifest } = compileToFiles(library);
    writeFileSync(join(dir, "fib.mjs"), js);
    writeFileSync(join(dir, "fib.manifest.json"), JSON.stringify(manifest));
    const globals = new GlobalEnvironment();
    globals.define("scheme/base#+", add2);
    globals.define("scheme/base#-", sub2);
    globals.define("scheme/base#<", lt2);
    const unit = await loadCompiledFile(join(dir, "fib.mjs"), globals);
    expect(unit.codes.get("github.com/fred/fib@1.0#fib")?.ref.hash).toBe(manifest.hash);
    const result = await new Promise((resolve) => {
      const fib = () => (globals.lookup("github.com/fred/fib@1.0#fib") as (n: number) => unknown)(20);
      const t = new SchemeThread(
        () => {
          unit.run();
          return fib();
        },
        undefined,
        defaultScheduler,
      );
      t.onExit(resolve);
      t.start();
    });
    expect(result).toEqual({ normal: true, value: 6765 });
    expect(String(globals.lookup("github.com/fred/fib@1.0#greeting"))).toBe("hello");
  });
});
