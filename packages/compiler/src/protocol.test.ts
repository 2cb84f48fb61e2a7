// The frame protocol on both back ends, exercised on hand-built core trees (independent of the expander):
// tail calls in constant space, deep recursion, call/cc re-entry, dynamic-wind, frames as data.

import type { Lambda, Node, Variable } from "@termite/core";
import { continuationOf, type FrameStack, frameStack, isEqual, list } from "@termite/datum";
import {
  callCC,
  defaultScheduler,
  dynamicWind,
  GlobalEnvironment,
  isContinuation,
  makeContinuation,
  raise,
  SchemeThread,
  withExceptionHandler,
  withGuard,
} from "@termite/runtime/internal";
import { describe, expect, it } from "vitest";
import { interpret } from "./interpreter/interpret.js";
import { compileUnit } from "./js/compile.js";

let ids = 0;
const v = (name: string): Variable => ({ name, id: ids++, assigned: false });
const q = (value: unknown): Node => ({ kind: "quote", value });
const l = (variable: Variable): Node => ({ kind: "local", variable });
const g = (name: string): Node => ({ kind: "global", name });
const call = (fn: Node, ...args: Node[]): Node => ({ kind: "call", fn, args });
const lam = (params: Variable[], body: Node, name?: string): Lambda => ({
  kind: "lambda",
  params,
  rest: null,
  body,
  name,
});
const iff = (test: Node, then: Node, els: Node): Node => ({ kind: "if", test, then, else: els });
const def = (name: string, value: Node): Node => ({ kind: "define", name, value });
const seq = (...body: Node[]): Node => ({ kind: "begin", body });

function globals(): GlobalEnvironment {
  const env = new GlobalEnvironment();
  env.define("+", (a: number, b: number) => a + b);
  env.define("-", (a: number, b: number) => a - b);
  env.define("<", (a: number, b: number) => a < b);
  env.define("=", (a: number, b: number) => a === b);
  env.define("call/cc", callCC);
  env.define("dynamic-wind", dynamicWind);
  env.define("with-exception-handler", withExceptionHandler);
  env.define("raise", raise);
  env.define("with-guard", withGuard);
  env.define("cons", (a: unknown, b: unknown) => list([a], b));
  return env;
}

/** A runner for one back end: runs a core tree in a fresh green thread, resolves with its value. */
function runner(backend: "interpret" | "compile") {
  return (node: Node, env = globals()): Promise<unknown> => {
    const thunk =
      backend === "interpret"
        ? interpret({ module: "", id: "t", node }, env)
        : compileUnit([node], env, { unit: "t" }).run;
    return new Promise((resolve, reject) => {
      const t = new SchemeThread(thunk, undefined, defaultScheduler);
      t.onExit((r) => (r.normal ? resolve(r.value) : reject(r.condition)));
      t.start();
    });
  };
}

describe.each(["interpret", "compile"] as const)("frame protocol, %s", (backend) => {
  const run = runner(backend);
  it("computes fib 20 with non-tail recursion", async () => {
    const n = v("n");
    const fib = def(
      "#fib",
      lam(
        [n],
        iff(
          call(g("<"), l(n), q(2)),
          l(n),
          call(g("+"), call(g("#fib"), call(g("-"), l(n), q(1))), call(g("#fib"), call(g("-"), l(n), q(2)))),
        ),
        "fib",
      ),
    );
    expect(await run(seq(fib, call(g("#fib"), q(20))))).toBe(6765);
  });

  it("runs a 10^7-step mutual tail recursion (constant JS stack)", async () => {
    const n = v("n");
    const m = v("m");
    const even = def(
      "#ev?",
      lam([n], iff(call(g("="), l(n), q(0)), q(true), call(g("#od?"), call(g("-"), l(n), q(1))))),
    );
    const odd = def(
      "#od?",
      lam([m], iff(call(g("="), l(m), q(0)), q(false), call(g("#ev?"), call(g("-"), l(m), q(1))))),
    );
    expect(await run(seq(even, odd, call(g("#ev?"), q(10_000_000))))).toBe(true);
  }, 60_000);

  it("runs a 10^6-deep non-tail recursion", async () => {
    const n = v("n");
    const count = def(
      "#count",
      lam(
        [n],
        iff(call(g("="), l(n), q(0)), q(0), call(g("+"), q(1), call(g("#count"), call(g("-"), l(n), q(1))))),
      ),
    );
    expect(await run(seq(count, call(g("#count"), q(1_000_000))))).toBe(1_000_000);
  }, 60_000);

  it("re-enters a continuation many times", async () => {
    // (define k #f) (define n 0)
    // (+ 100 (call/cc (lambda (c) (set! k c) 0)))  -> re-entered with 1..5 through k
    const c = v("c");
    const x = v("x");
    const env = globals();
    const results: unknown[] = [];
    env.define("#record", (value: unknown) => {
      results.push(value);
      return value;
    });
    env.define("#k", false);
    env.define("#n", 0);
    const prog = seq(
      call(
        g("#record"),
        call(
          g("+"),
          q(100),
          call(
            g("call/cc"),
            lam([c], seq({ kind: "set", target: { kind: "global", name: "#k" }, value: l(c) }, q(0))),
          ),
        ),
      ),
      { kind: "set", target: { kind: "global", name: "#n" }, value: call(g("+"), g("#n"), q(1)) },
      {
        kind: "let",
        bindings: [[x, g("#n")]],
        body: iff(call(g("<"), l(x), q(5)), call(g("#k"), l(x)), q("done")),
      },
    );
    expect(await run(prog, env)).toBe("done");
    expect(results).toEqual([100, 101, 102, 103, 104]);
  });

  it("runs dynamic-wind befores and afters on escape and re-entry", async () => {
    const env = globals();
    const log: string[] = [];
    env.define("#log", (s: string) => {
      log.push(s);
    });
    env.define("#k", false);
    env.define("#count", 0);
    const c = v("c");
    const prog = seq(
      call(
        g("dynamic-wind"),
        lam([], call(g("#log"), q("before"))),
        lam(
          [],
          call(
            g("call/cc"),
            lam([c], seq({ kind: "set", target: { kind: "global", name: "#k" }, value: l(c) }, q(0))),
          ),
        ),
        lam([], call(g("#log"), q("after"))),
      ),
      { kind: "set", target: { kind: "global", name: "#count" }, value: call(g("+"), g("#count"), q(1)) },
      iff(call(g("<"), g("#count"), q(3)), call(g("#k"), q(1)), q("end")),
    );
    expect(await run(prog, env)).toBe("end");
    expect(log).toEqual(["before", "after", "before", "after", "before", "after"]);
  });

  it("resumes from a deep copy of a continuation's frames", async () => {
    // (+ 1 (+ 10 (call/cc (lambda (k) (stash k) 0)))) then resume a plain-data copy with 5 -> 16
    const env = globals();
    let captured: unknown;
    env.define("#stash", (k: unknown) => {
      captured = k;
      return 0;
    });
    const k = v("k");
    const prog = call(
      g("+"),
      q(1),
      call(g("+"), q(10), call(g("call/cc"), lam([k], call(g("#stash"), l(k))))),
    );
    expect(await run(prog, env)).toBe(11);
    expect(isContinuation(captured)).toBe(true);
    const original = captured as ReturnType<typeof makeContinuation>;
    // Copy every frame as data: new frame objects, new value arrays (code stays code).
    const copyFrames = (s: FrameStack | null): FrameStack | null =>
      s === null
        ? null
        : frameStack(
            { code: s.frame.code, cp: s.frame.cp, values: structuredCloneValues(s.frame.values) },
            copyFrames(s.next),
          );
    const copy = makeContinuation(
      copyFrames(continuationOf(original)!.frames),
      continuationOf(original)!.dynamic,
    );
    expect(continuationOf(copy)!.frames).not.toBe(continuationOf(original)!.frames);
    expect(await run(call(q(copy), q(5)), env)).toBe(16);
  });

  it("catches a raise with a guard-style handler and continues", async () => {
    const e = v("e");
    const re = v("re");
    const prog = call(
      g("with-guard"),
      lam([], call(g("+"), q(1), call(g("raise"), q("boom")))),
      lam([e, re], call(g("cons"), q("caught"), l(e))),
    );
    const result = await run(prog);
    expect(isEqual(result, list(["caught"], "boom"))).toBe(true);
  });
});

function structuredCloneValues(values: readonly unknown[]): unknown[] {
  return values.map((x) => (Array.isArray(x) ? x.slice() : x));
}
