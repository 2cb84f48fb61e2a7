import { describe, expect, it } from "vitest";
import { testRegistry } from "../test/evaluate-core.js";
import { run, runModules } from "../test/run.js";
import { expandLibrary } from "./index.js";
import { expandScript } from "./units.js";

describe("hygiene of syntax-rules", () => {
  it("swap! works on a user variable named tmp", () => {
    expect(
      run(`(define-syntax swap! (syntax-rules () ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
           (let ((tmp 1) (other 2)) (swap! tmp other) (list tmp other))`),
    ).toBe("(2 1)");
  });

  it("my-or does not capture a user variable named temp", () => {
    expect(
      run(`(define-syntax my-or (syntax-rules () ((_) #f) ((_ e) e) ((_ e r ...) (let ((temp e)) (if temp temp (my-or r ...))))))
           (let ((temp 5)) (my-or #f temp))`),
    ).toBe("5");
  });

  it("a user-shadowed if or list around a macro use does not change the macro", () => {
    expect(
      run(`(define-syntax my-if (syntax-rules () ((_ c a b) (cond (c a) (else b)))))
           (define-syntax pair-up (syntax-rules () ((_ a b) (list a b))))
           (let ((if (lambda args 'user-if)) (list (lambda args 'user-list)) (cond 'user-cond))
             (pair-up (my-if #t 1 2) 3))`),
    ).toBe("(1 3)");
  });

  it("a macro's free identifier means what it meant at its definition, even if rebound later inside", () => {
    expect(
      run(`(define x 'outer)
           (define-syntax get-x (syntax-rules () ((_) x)))
           (let ((x 'inner)) (get-x))`),
    ).toBe("outer");
  });

  it("literals match by binding: a locally rebound else is not else", () => {
    expect(
      run(`(define-syntax kind (syntax-rules (else) ((_ else) 'the-else) ((_ x) 'something)))
           (list (kind else) (let ((else 1)) (kind else)))`),
    ).toBe("(the-else something)");
  });

  it("macros expand into definitions and into macro definitions", () => {
    expect(
      run(`(define-syntax def-getter (syntax-rules () ((_ name v) (define (name) v))))
           (def-getter get-five 5)
           (define-syntax def-macro
             (syntax-rules ()
               ((_ name val) (define-syntax name (syntax-rules () ((_) val))))))
           (def-macro seven 7)
           (list (get-five) (seven))`),
    ).toBe("(5 7)");
  });

  it("a macro-defining macro with (... ...) escapes", () => {
    expect(
      run(`(define-syntax def-lister
             (syntax-rules ()
               ((_ name) (define-syntax name (syntax-rules () ((_ x (... ...)) (list 'name x (... ...))))))))
           (def-lister show)
           (show 1 2 3)`),
    ).toBe("(show 1 2 3)");
  });

  it("let-syntax and letrec-syntax", () => {
    expect(
      run(`(let-syntax ((foo (syntax-rules () ((_ x) (list x x)))))
             (foo 1))`),
    ).toBe("(1 1)");
    expect(
      run(`(letrec-syntax ((my-and (syntax-rules () ((_) #t) ((_ e) e) ((_ e r ...) (if e (my-and r ...) #f)))))
             (my-and 1 2 3))`),
    ).toBe("3");
    expect(
      run(`(define x 'top)
           (let ((x 'outer))
             (let-syntax ((m (syntax-rules () ((_) x))))
               (let ((x 'inner)) (m))))`),
    ).toBe("outer");
  });

  it("a hygienic binding introduced at an internal definition stays invisible to the user", () => {
    expect(
      run(`(define-syntax with-helper (syntax-rules () ((_ e) (begin (define helper 10) (+ helper e)))))
           (define (f helper) (with-helper helper))
           (f 1)`),
    ).toBe("11");
  });
});

describe("syntax-rules patterns", () => {
  it("ellipsis after a subpattern, nested ellipses", () => {
    expect(
      run(`(define-syntax my-let (syntax-rules () ((_ ((n v) ...) b ...) ((lambda (n ...) b ...) v ...))))
           (my-let ((a 1) (b 2)) (+ a b))`),
    ).toBe("3");
    expect(
      run(`(define-syntax flat (syntax-rules () ((_ (a ...) ...) '(a ... ...))))
           (flat (1 2) (3) (4 5))`),
    ).toBe("(1 2 3 4 5)");
    expect(
      run(`(define-syntax pairs (syntax-rules () ((_ (k v ...) ...) '((k . (v ...)) ...))))
           (pairs (a 1 2) (b) (c 3))`),
    ).toBe("((a 1 2) (b) (c 3))");
  });

  it("tail patterns after an ellipsis, dotted patterns", () => {
    expect(run("(define-syntax lastof (syntax-rules () ((_ x ... y) 'y))) (lastof 1 2 3)")).toBe("3");
    expect(run("(define-syntax mid (syntax-rules () ((_ a b ... c d) '(b ...)))) (mid 1 2 3 4 5)")).toBe(
      "(2 3)",
    );
    expect(run("(define-syntax rest (syntax-rules () ((_ a . r) 'r))) (rest 1 2 3)")).toBe("(2 3)");
    expect(run("(define-syntax tl (syntax-rules () ((_ a ... . r) '(r a ...)))) (tl 1 2 . 3)")).toBe(
      "(3 1 2)",
    );
  });

  it("vector patterns and templates", () => {
    expect(run("(define-syntax v (syntax-rules () ((_ #(a b ...)) '(a #(b ...))))) (v #(1 2 3))")).toBe(
      "(1 #(2 3))",
    );
  });

  it("a custom ellipsis", () => {
    expect(
      run(`(define-syntax my-list (syntax-rules ::: () ((_ x :::) (list 'x ::: '...))))
           (my-list a b)`),
    ).toBe("(a b ...)");
  });

  it("underscore and constants in patterns", () => {
    expect(
      run(
        '(define-syntax f (syntax-rules () ((_ 1 _) \'one) ((_ "s" _) \'str) ((_ _ _) \'other))) (list (f 1 2) (f "s" 2) (f 3 4))',
      ),
    ).toBe("(one str other)");
  });
});

describe("referential transparency across libraries", () => {
  const modules = new URL("../fixtures/modules", import.meta.url).pathname;

  it("a library macro uses an unexported helper, even where the user shadows its names", () => {
    const registry = testRegistry({ searchPath: [modules] });
    const user = expandScript(
      registry,
      `(import (chibi test))
       (define (compare a b) 'user-compare)
       (let ((equal? (lambda (a b) #f)) (if 'user-if))
         (list (test 3 (+ 1 2)) (test 1 2)))`,
      { file: "user.scm" },
    );
    expect(runModules(...registry.modules(), user)).toBe("(pass (fail 1 2))");
  });

  it("a macro exported by a hosted library refers to that library's globals", () => {
    const registry = testRegistry();
    expandLibrary(
      registry,
      `(define-library (github.com/ann counter)
         (export bump! count)
         (import (scheme base))
         (begin
           (define counter 0)
           (define (count) counter)
           (define-syntax bump! (syntax-rules () ((_) (set! counter (+ counter 1)))))))`,
      { as: "github.com/ann/counter@1.0", file: "counter.sld" },
    );
    const user = expandScript(
      registry,
      "(import (github.com/ann counter @1.0)) (define counter 100) (bump!) (bump!) (list (count) counter)",
    );
    expect(runModules(...registry.modules(), user)).toBe("(2 100)");
  });
});
