import { printCore } from "@termite/core";
import { describe, expect, it } from "vitest";
import { CoreEvaluator, testRegistry } from "../test/evaluate-core.js";
import { runModules } from "../test/run.js";
import { ExpandError, type ExpandWarning, expandLibrary, expandScript } from "./index.js";

const modules = new URL("../fixtures/modules", import.meta.url).pathname;

const CATS = `(define-library (gitlab.com/zoo cats)
  (import (only (scheme base) define)
          (github.com/fred hello @1.0))
  (begin
    (define (main)
      (hi "lion")
      (hi "tiger"))))`;

/** A registry whose files live in a map (for include tests). */
function virtualRegistry(files: Record<string, string>, warnings: ExpandWarning[] = []) {
  return testRegistry({
    readFile: (path) => files[path],
    loader: (name) => {
      const key = `/lib/${name.kind === "library" ? name.parts.join("/") : ""}.sld`;
      return files[key] === undefined ? undefined : { file: key, text: files[key]! };
    },
    onWarning: (w) => warnings.push(w),
  });
}

describe("the ELS'20 example: cats.sld and hello.sld", () => {
  it("expands cats.sld loaded as gitlab.com/zoo/cats@2.0 exactly as in the paper", () => {
    const registry = testRegistry({ searchPath: [modules] });
    const cats = expandLibrary(registry, CATS, { as: "gitlab.com/zoo/cats@2.0", file: "cats.sld" });
    expect(printCore(cats)).toBe(
      [
        "(declare (block))",
        "(supply-module gitlab.com/zoo/cats@2.0)",
        "(demand-module github.com/fred/hello@1.0)",
        '(namespace ("gitlab.com/zoo/cats@2.0#") ("" define) ("github.com/fred/hello@1.0#" hi))',
        '(define gitlab.com/zoo/cats@2.0#main (lambda () (github.com/fred/hello@1.0#hi "lion") (github.com/fred/hello@1.0#hi "tiger")))',
        "",
      ].join("\n"),
    );
    expect(cats.supplies).toBe("gitlab.com/zoo/cats@2.0");
    expect(cats.demands).toEqual(["github.com/fred/hello@1.0"]);
    expect(cats.imports).toEqual(["scheme/base", "github.com/fred/hello@1.0"]);
    // hello.sld was found in the search path's install layout and expanded under its versioned name.
    const hello = registry.module("github.com/fred/hello@1.0")!;
    expect(hello.file).toBe(`${modules}/github.com/fred/hello/@1.0/hello.sld`);
    expect(hello.exports.get("hi")).toBe("github.com/fred/hello@1.0#hi");
    const ev = new CoreEvaluator();
    ev.run(hello);
    ev.run(cats);
    expect((ev.globals.get("gitlab.com/zoo/cats@2.0#main") as () => unknown)()).toBeTruthy();
  });

  it("takes the namespace from the name the library is loaded under, not the written one", () => {
    const registry = testRegistry();
    const m = expandLibrary(
      registry,
      "(define-library (github.com/fred hello) (export hi) (import (scheme base)) (begin (define (hi) 1)))",
      {
        as: "github.com/fred/hello@2.0",
      },
    );
    expect(m.exports.get("hi")).toBe("github.com/fred/hello@2.0#hi");
    expect(printCore(m)).toContain("(define github.com/fred/hello@2.0#hi (lambda () 1))");
    expect(() =>
      expandLibrary(testRegistry(), "(define-library (github.com/fred other) (begin))", {
        as: "github.com/fred/hello@2.0",
      }),
    ).toThrow(expect.objectContaining({ code: "library-name-mismatch" }));
  });

  it("finds versionless (development), nested-path and non-hosted libraries in the install layout", () => {
    const registry = testRegistry({ searchPath: [modules] });
    const user = expandScript(
      registry,
      `(import (prefix (github.com/fred hello) dev:) (github.com/fred hello @1.0)
               (gitlab.com/zoo animals cats @1.2.3) (chibi test))
       (list (dev:hi 1) (hi 2) (meow) (check-helper 3))`,
    );
    expect(user.demands).toEqual([
      "github.com/fred/hello",
      "github.com/fred/hello@1.0",
      "gitlab.com/zoo/animals/cats@1.2.3",
    ]);
    expect(runModules(...registry.modules(), user)).toBe("((hello-dev 1) (hello 2) (meow woof) 3)");
    // The relative import (.. dogs) resolved against cats' own name, version included.
    expect(registry.module("gitlab.com/zoo/animals/cats@1.2.3")!.demands).toEqual([
      "gitlab.com/zoo/animals/dogs@1.2.3",
    ]);
    expect(registry.module("chibi/test")!.supplies).toBe("chibi/test");
  });

  it("finds a hosted module kept in a directory of its name (birds/birds.sld), includes beside it", () => {
    const registry = testRegistry({ searchPath: [modules] });
    const user = expandScript(registry, "(import (gitlab.com/zoo birds @1.0)) (tweet)");
    expect(runModules(...registry.modules(), user)).toBe("tweet");
    expect(registry.module("gitlab.com/zoo/birds@1.0")!.file).toBe(
      `${modules}/gitlab.com/zoo/birds/@1.0/birds/birds.sld`,
    );
  });
});

describe("define-library declarations", () => {
  it("export with rename; import sets only, except, prefix, rename, nested", () => {
    const registry = testRegistry();
    expandLibrary(
      registry,
      `(define-library (my lib) (export (rename inner-name outer) two three)
         (import (scheme base))
         (begin (define (inner-name) 'one) (define two 2) (define three 3)))`,
    );
    const s = expandScript(
      registry,
      `(import (rename (prefix (except (my lib) three) p:) (p:outer first)))
       (list (first) p:two)`,
      { defaultLibraries: ["scheme/base"] },
    );
    expect(runModules(...registry.modules(), s)).toBe("(one 2)");
    expect(s.namespace).toEqual([
      { prefix: "#" },
      {
        prefix: "my/lib#",
        names: [
          ["first", "inner-name"],
          ["p:two", "two"],
        ],
      },
    ]);
    expect(() => expandScript(registry, "(import (only (my lib) nothing))")).toThrow(
      expect.objectContaining({ code: "unknown-import" }),
    );
    expect(() => expandScript(registry, "(import (except (my lib) nothing))")).toThrow(
      expect.objectContaining({ code: "unknown-import" }),
    );
  });

  it("include, include-ci and include-library-declarations, relative to the including file", () => {
    const registry = virtualRegistry({
      "/lib/inc.sld": `(define-library (inc) (include-library-declarations "decls.scm") (include "body.scm") (include-ci "upper.scm"))`,
      "/lib/decls.scm": "(export a b-value from-body) (import (scheme base))",
      "/lib/body.scm": "(define a 1)",
      "/lib/upper.scm": '(DEFINE B-VALUE (LIST \'X)) (Define From-Body (Begin (include "more.scm")))',
      "/lib/more.scm": "'included-twice",
      "/work/script-part.scm": "(define script-part 'sp)",
    });
    const s = expandScript(
      registry,
      `(import (inc)) (include "script-part.scm") (list a b-value from-body script-part)`,
      {
        file: "/work/main.scm",
        defaultLibraries: ["scheme/base"],
      },
    );
    expect(runModules(...registry.modules(), s)).toBe("(1 (x) included-twice sp)");
    expect(() => expandScript(registry, '(include "missing.scm")', { file: "/work/m.scm" })).toThrow(
      expect.objectContaining({ code: "include-failed" }),
    );
  });

  it("cond-expand with and, or, not, library, else in declarations and bodies", () => {
    const registry = testRegistry();
    const m = expandLibrary(
      registry,
      `(define-library (features)
         (export result)
         (import (scheme base))
         (cond-expand ((and r7rs termite (not gambit)) (begin (define a 'yes)))
                      (else (begin (define a 'no))))
         (cond-expand ((library (no such lib)) (begin (define b 'has)))
                      ((or full-unicode nothing) (begin (define b 'or-ok))))
         (begin
           (define result
             (list a b (cond-expand (javascript 'js) (else 'other))
                   (cond-expand ((library (scheme base)) 'base) (else 'nobase))
                   (cond-expand (exact-closed 'exact) (else #f))))))`,
    );
    expect(runModules(m, expandScript(registry, "(import (features)) result"))).toBe(
      "(yes or-ok js base exact)",
    );
    for (const f of [
      "r7rs",
      "termite",
      "exact-closed",
      "exact-complex",
      "ratios",
      "full-unicode",
      "full-continuations",
      "javascript",
    ])
      expect(registry.features.has(f)).toBe(true);
    expect(
      registry.features.has(
        process.platform === "darwin"
          ? "darwin"
          : process.platform === "win32"
            ? "windows"
            : process.platform,
      ),
    ).toBe(true);
  });

  it("keeps namespace and C build options as metadata, with one warning", () => {
    const warnings: ExpandWarning[] = [];
    const registry = testRegistry({ onWarning: (w) => warnings.push(w) });
    const m = expandLibrary(
      registry,
      `(define-library (native thing)
         (namespace "nt#")
         (export f)
         (import (scheme base))
         (cc-options "-O2" "-Wall") (ld-options "-lm") (ld-options-prelude "-L/x")
         (pkg-config "gtk+-3.0") (pkg-config-path "/opt/lib/pkgconfig")
         (begin (define (f) 1)))`,
      { file: "thing.sld" },
    );
    expect(m.metadata).toEqual({
      ccOptions: ["-O2", "-Wall"],
      ldOptions: ["-lm"],
      ldOptionsPrelude: ["-L/x"],
      pkgConfig: ["gtk+-3.0"],
      pkgConfigPath: ["/opt/lib/pkgconfig"],
      namespace: "nt#",
    });
    expect(warnings.map((w) => w.code)).toEqual(["no-c-back-end"]);
    expect(m.warnings?.map((w) => w.code)).toEqual(["no-c-back-end"]);
    // A non-hosted library's namespace declaration names its globals.
    expect(m.exports.get("f")).toBe("nt#f");
  });
});

describe("errors carry the reader's positions", () => {
  function failure(f: () => unknown): ExpandError {
    try {
      f();
    } catch (e) {
      if (ExpandError.isInstance(e)) return e;
      throw e;
    }
    throw new Error("expected an ExpandError");
  }

  it("unknown library", () => {
    const e = failure(() =>
      expandLibrary(testRegistry(), "(define-library (a)\n  (import (scheme base)\n          (no such)))", {
        file: "a.sld",
      }),
    );
    expect(e.code).toBe("unknown-library");
    expect(e.message).toBe("a.sld:3:11: unknown library no/such: (no such)");
  });

  it("a hosted module not installed: says fetching is not there yet and where to put its files", () => {
    const e = failure(() =>
      expandLibrary(testRegistry(), "(define-library (a)\n  (import (github.com/fred hello @1.0)))", {
        file: "a.sld",
      }),
    );
    expect(e.code).toBe("unknown-library");
    expect(e.message).toContain("a.sld:2:11: hosted module github.com/fred/hello@1.0 is not installed");
    expect(e.message).toContain("not there yet");
    expect(e.message).toContain("DIR/github.com/fred/hello/@1.0/hello.sld");
  });

  it("unbound identifier in a library body", () => {
    const e = failure(() =>
      expandLibrary(
        testRegistry(),
        "(define-library (a) (import (scheme base))\n (begin (define (f) (g 1))))",
        { file: "a.sld" },
      ),
    );
    expect(e.code).toBe("unbound-identifier");
    expect(e.message).toBe("a.sld:2:21: unbound identifier 'g': g");
  });

  it("export of an undefined name", () => {
    const e = failure(() =>
      expandLibrary(testRegistry(), "(define-library (a)\n (export f)\n (begin))", { file: "a.sld" }),
    );
    expect(e.code).toBe("export-undefined");
    expect(e.message).toMatch(/^a\.sld:2:2: a exports 'f', which it neither defines nor imports: f$/);
  });

  it("malformed special form", () => {
    const e = failure(() => expandScript(testRegistry(), "(define x 1)\n(if)", { file: "s.scm" }));
    expect(e.code).toBe("malformed");
    expect(e.message).toMatch(/^s\.scm:2:1: .*: \(if\)$/);
    const l = failure(() => expandScript(testRegistry(), "(let ((x)) x)", { file: "s.scm" }));
    expect(l.code).toBe("malformed");
    expect(l.location).toEqual(expect.objectContaining({ file: "s.scm", line: 1 }));
  });

  it("a macro use that matches no rule", () => {
    const e = failure(() =>
      expandScript(testRegistry(), "(define-syntax two (syntax-rules () ((_ a b) 'ok)))\n(list\n  (two 1))", {
        file: "s.scm",
      }),
    );
    expect(e.code).toBe("no-matching-rule");
    expect(e.message).toBe("s.scm:3:3: no rule of the macro 'two' matches: (two 1)");
  });

  it("an import conflict", () => {
    const registry = testRegistry();
    expandLibrary(
      registry,
      "(define-library (x) (export car) (import (only (scheme base) define)) (begin (define car 1)))",
    );
    const e = failure(() =>
      expandLibrary(registry, "(define-library (y)\n  (import (scheme base)\n    (x)))", { file: "y.sld" }),
    );
    expect(e.code).toBe("import-conflict");
    expect(e.message).toBe("y.sld:3:5: 'car' is imported twice with different meanings (again from x): (x)");
  });

  it("syntax-error, assignment of an import, keyword as variable", () => {
    expect(failure(() => expandScript(testRegistry(), '(syntax-error "bad thing" 42)')).code).toBe(
      "syntax-error",
    );
    expect(
      failure(() =>
        expandLibrary(testRegistry(), "(define-library (z) (import (scheme base)) (begin (set! car 1)))"),
      ).code,
    ).toBe("assign-immutable");
    expect(failure(() => expandScript(testRegistry(), "(list if)")).code).toBe("keyword-as-variable");
  });
});
