import { formatModuleName } from "@termite/namespace";
import { describe, expect, it } from "vitest";
import { hostedImports } from "./imports.js";

const names = (text: string) => hostedImports(text, "t.scm").map((i) => formatModuleName(i.name));

describe("hostedImports", () => {
  it("finds hosted names in top-level imports, through only/except/prefix/rename, with positions", () => {
    const found = hostedImports(
      "(import (scheme base)\n  (prefix (only (github.com/fred hello @1.0) hi) h:))\n(import (rename (gitlab.com/zoo cats @^2.0) (main m)))",
      "t.scm",
    );
    expect(found.map((i) => formatModuleName(i.name))).toEqual([
      "github.com/fred/hello@1.0",
      "gitlab.com/zoo/cats@^2.0",
    ]);
    expect(found[0]!.location).toMatchObject({ file: "t.scm", line: 2, column: 17 });
  });

  it("reads a define-library's import declarations and every cond-expand clause, not its body", () => {
    expect(
      names(`(define-library (gitlab.com/zoo cats)
  (import (only (scheme base) define) (github.com/fred hello @1.0))
  (cond-expand (termite (import (github.com/a b @1))) (else (import (github.com/c d))))
  (begin (import (github.com/not inside-body @1))))`),
    ).toEqual(["github.com/fred/hello@1.0", "github.com/a/b@1", "github.com/c/d"]);
  });

  it("ignores ordinary libraries, malformed names and forms that are not imports", () => {
    expect(names("(import (scheme base) (srfi 1) (github.com/../x @1))\n(define (import x) x)")).toEqual([]);
  });
});
