import { printCore } from "@termite/core";
import { intern, list, listToArray, Pair } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { CoreEvaluator, testRegistry } from "../test/evaluate-core.js";
import { run, runModules } from "../test/run.js";
import { expandProgram, expandScript, type Identifier, ScriptSession, type TransformerApi } from "./index.js";

describe("scripts", () => {
  it("start with the default environment; their globals live in the empty namespace", () => {
    const registry = testRegistry();
    const m = expandScript(registry, "(define (twice x) (* 2 x)) (twice 21)");
    expect(m.kind).toBe("script");
    expect(m.supplies).toBeNull();
    expect(printCore(m)).toBe(
      '(namespace ("#"))\n(define #twice (lambda (x) (scheme/base#* 2 x)))\n(#twice 21)\n',
    );
    expect(m.imports).toContain("scheme/base");
    expect(runModules(m)).toBe("42");
  });

  it("may redefine a default binding, and an unknown name is a global of the script", () => {
    expect(run("(define (list . xs) 'mine) (list 1 2)")).toBe("mine");
    const m = expandScript(testRegistry(), "(define (f) (later 1))");
    expect(printCore(m)).toContain("(#later 1)");
  });

  it("top-level import adds bindings, and the default environment list is configurable", () => {
    const registry = testRegistry();
    registry.defineNativeLibrary(["termite", "extras"], ["println", "pp", "void"]);
    const m = expandScript(registry, "(println (pp 1))");
    expect(printCore(m)).toContain("(termite/extras#println (termite/extras#pp 1))");
    const bare = expandScript(registry, "(import (only (scheme base) car)) (car x)", {
      defaultLibraries: [],
    });
    expect(printCore(bare)).toContain("(scheme/base#car #x)");
  });
});

describe("bodies", () => {
  it("put definitions before expressions: a later definition is an error at its position", () => {
    const registry = testRegistry();
    const text = "(define (f)\n  (display 1)\n  (define x 2)\n  x)";
    expect(() => expandScript(registry, text, { file: "b.scm" })).toThrow(
      expect.objectContaining({
        code: "definition-after-expression",
        location: expect.objectContaining({ file: "b.scm", line: 3, column: 3 }),
      }),
    );
    // begin splices definitions; define-values and define-record-type are definitions too.
    expect(
      run(
        "(let () (begin (define a 1) (define-values (b c) (values 2 3))) (define-record-type p (mk x) p? (x px)) (define d (px (mk 4))) (list a b c d))",
      ),
    ).toBe("(1 2 3 4)");
    expect(() => expandScript(registry, "(let () 1 (define-values (b c) (values 2 3)) b)")).toThrow(
      expect.objectContaining({ code: "definition-after-expression" }),
    );
    // At top level, definitions and expressions mix freely.
    expect(run("(define a 1) (set! a 2) (define b (+ a 1)) b")).toBe("3");
  });
});

describe("R7RS programs", () => {
  it("see only what they import", () => {
    const registry = testRegistry();
    const m = expandProgram(registry, "(import (scheme base))\n(define x (list 1 2))\n(car x)", {
      file: "p.scm",
    });
    expect(m.kind).toBe("program");
    expect(runModules(m)).toBe("1");
    expect(() =>
      expandProgram(registry, "(import (only (scheme base) define))\n(define x (car 1))", { file: "p.scm" }),
    ).toThrow("p.scm:2:11: unbound identifier 'car': car");
    expect(() => expandProgram(registry, "(define x 1)")).toThrow(
      expect.objectContaining({ code: "malformed" }),
    );
  });
});

describe("REPL sessions", () => {
  it("keep definitions, imports and macros between inputs", () => {
    const registry = testRegistry();
    const session = new ScriptSession(registry, { defaultLibraries: [] });
    const ev = new CoreEvaluator();
    const step = (text: string) => ev.run(session.expandText(text));
    step("(import (scheme base))");
    step("(define x 40)");
    step("(define-syntax add2 (syntax-rules () ((_ e) (+ e 2))))");
    expect(step("(add2 x)")).toBe(42);
    expect(session.defines("x")).toBe(true);
    step("(define (car p) 'shadowed)");
    expect(step("(car (cons 1 2))")).toBe(intern("shadowed"));
  });
});

describe("transformers written in TypeScript", () => {
  // A small `recv`-like matcher: (match-list e ((a b ...) body) ...) where a variable repeated in
  // a pattern must match equal values, which syntax-rules cannot express.
  function matchList(form: unknown, api: TransformerApi): unknown {
    const [, subject, ...clauses] = listToArray(form);
    const m = api.fresh("m");
    const base = (n: string) => api.ref(["scheme", "base"], n);
    let acc: unknown = list([api.keyword("quote"), null]);
    for (const clause of clauses.reverse()) {
      const [pattern, ...body] = listToArray(clause);
      const vars = listToArray(pattern) as Identifier[];
      const tests: unknown[] = [list([base("="), list([base("length"), m]), vars.length])];
      const seen = new Map<string, number>();
      const bindings: unknown[] = [];
      vars.forEach((v, i) => {
        const item = list([base("list-ref"), m, i]);
        const first = seen.get(api.nameOf(v));
        if (first !== undefined) tests.push(list([base("equal?"), item, list([base("list-ref"), m, first])]));
        else {
          seen.set(api.nameOf(v), i);
          bindings.push(list([v, item]));
        }
      });
      const test = new Pair(api.keyword("and"), list(tests));
      acc = list([
        api.keyword("if"),
        test,
        new Pair(api.keyword("let"), new Pair(list(bindings), list(body))),
        acc,
      ]);
    }
    return list([api.keyword("let"), list([list([m, subject])]), acc]);
  }

  it("are registered in a library and stay hygienic", () => {
    const registry = testRegistry();
    registry.defineSyntax(["termite", "test"], "match-list", matchList);
    const out = run(
      `(import (termite test))
       (define (classify msg)
         (match-list msg
           ((a a) (list 'same a))
           ((a b) (list 'different a b))))
       (let ((equal? 'user) (m 'user-m) (length 'user-length))
         (list (classify '(1 1)) (classify '((x) (x))) (classify '(1 2)) (classify '(1 2 3)) m))`,
      registry,
    );
    expect(out).toBe("((same 1) (same (x)) (different 1 2) () user-m)");
  });
});

describe("printCore", () => {
  it("prints locals with their id only where two share a name", () => {
    const m = expandScript(testRegistry(), "(lambda (x) (lambda (x y) (list x y)))");
    expect(printCore(m.body[0]!)).toMatch(
      /^\(lambda \(x\.\d+\) \(lambda \(x\.\d+ y\) \(scheme\/base#list x\.\d+ y\)\)\)$/,
    );
  });

  it("names procedures bound by define and let, and marks assigned locals", () => {
    const m = expandScript(testRegistry(), "(define (f) (let ((g (lambda () 1)) (n 0)) (set! n 1) g))");
    const def = m.body[0]!;
    expect(def.kind === "define" && def.value.kind === "lambda" && def.value.name).toBe("f");
    const let_ = def.kind === "define" && def.value.kind === "lambda" ? def.value.body : undefined;
    expect(let_?.kind).toBe("let");
    if (let_?.kind === "let") {
      expect(let_.bindings[0]![1].kind === "lambda" && let_.bindings[0]![1].name).toBe("g");
      expect(let_.bindings[1]![0].assigned).toBe(true);
      expect(let_.bindings[0]![0].assigned).toBe(false);
    }
    expect(def.loc).toEqual(expect.objectContaining({ line: 1, column: 1 }));
  });
});
