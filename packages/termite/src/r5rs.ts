// ## (scheme r5rs): the R5RS names, and R5RS's environment specifiers
//
// R7RS Appendix A lists what (scheme r5rs) exports: R5RS's procedures and syntax, each the same
// binding as in the R7RS library that has it today, plus `null-environment` and
// `scheme-report-environment`, which only (scheme r5rs) has. The keywords come from the expander's
// built-ins; every procedure is re-exported from the first R7RS library below that exports it.

import { parseModulePath } from "@termite/namespace";
import { readAll } from "@termite/reader";
import { type PrimitiveSpec, prim, schemeError } from "@termite/runtime";
import type { TermiteSystem } from "./system.js";

/** R5RS's procedures, as R7RS Appendix A lists them under (scheme r5rs). */
export const R5RS_PROCEDURES: readonly string[] = `* + - / < <= = > >= abs acos angle append apply asin assoc
  assq assv atan boolean? caaaar caaadr caaar caadar caaddr caadr caar cadaar cadadr cadar caddar cadddr
  caddr cadr call-with-current-continuation call-with-input-file call-with-output-file call-with-values
  car cdaaar cdaadr cdaar cdadar cdaddr cdadr cdar cddaar cddadr cddar cdddar cddddr cdddr cddr cdr
  ceiling char->integer char-alphabetic? char-ci<=? char-ci<? char-ci=? char-ci>=? char-ci>?
  char-downcase char-lower-case? char-numeric? char-ready? char-upcase char-upper-case?
  char-whitespace? char<=? char<? char=? char>=? char>? char? close-input-port close-output-port
  complex? cons cos current-input-port current-output-port denominator display dynamic-wind
  eof-object? eq? equal? eqv? eval even? exact->inexact exact? exp expt floor for-each force gcd
  imag-part inexact->exact inexact? input-port? integer->char integer? interaction-environment lcm
  length list list->string list->vector list-ref list-tail list? load log magnitude make-polar
  make-rectangular make-string make-vector map max member memq memv min modulo negative? newline not
  null? number->string number? numerator odd? open-input-file open-output-file output-port? pair?
  peek-char positive? procedure? quotient rational? rationalize read read-char real-part real?
  remainder reverse round set-car! set-cdr! sin sqrt string string->list string->number
  string->symbol string-append string-ci<=? string-ci<? string-ci=? string-ci>=? string-ci>?
  string-copy string-fill! string-length string-ref string-set! string<=? string<? string=?
  string>=? string>? string? substring symbol->string symbol? tan truncate values vector
  vector->list vector-fill! vector-length vector-ref vector-set! vector? with-input-from-file
  with-output-to-file write write-char zero?`.split(/\s+/);

/** R5RS's syntactic keywords: all that `(null-environment 5)` binds. */
export const R5RS_SYNTAX: readonly string[] = `quote lambda if set! define let let* letrec begin do case
  cond and or delay quasiquote unquote unquote-splicing define-syntax let-syntax letrec-syntax
  syntax-rules else => ... _`.split(/\s+/);

/** Where the procedures are found, in order. */
const SOURCES = [
  "scheme/base",
  "scheme/char",
  "scheme/cxr",
  "scheme/inexact",
  "scheme/complex",
  "scheme/r5rs",
  "scheme/lazy",
  "scheme/file",
  "scheme/read",
  "scheme/write",
  "scheme/eval",
  "scheme/load",
  "scheme/repl",
];

/**
 * Completes (scheme r5rs) with every R5RS procedure and its two environment procedures, given how
 * `eval` makes an environment from import sets. Call after the standard libraries are defined.
 */
export function installR5rs(
  system: TermiteSystem,
  makeEnvironment: (who: string, importSets: readonly unknown[], description: string) => unknown,
): void {
  const registry = system.registry;
  const r5rs = parseModulePath("scheme/r5rs");
  for (const name of R5RS_PROCEDURES) {
    if (registry.library(r5rs)?.exports.has(name)) continue;
    const source = SOURCES.find((lib) => registry.library(parseModulePath(lib))?.exports.has(name));
    if (source === undefined) throw new Error(`internal: no library exports the R5RS procedure ${name}`);
    registry.reexport("scheme/r5rs", source, [name]);
  }
  // R5RS numbers its reports; version 5 is the only one there is to ask for.
  const versioned = (who: string, importSet: string, description: string): PrimitiveSpec =>
    prim(1, 1, (version: unknown) => {
      if (version !== 5) return schemeError(who, "only version 5 is available", version);
      return makeEnvironment(who, readAll(importSet), description);
    });
  system.installGroups([
    {
      library: "scheme/r5rs",
      bindings: {
        "scheme-report-environment": versioned(
          "scheme-report-environment",
          "(scheme r5rs)",
          "(scheme-report-environment 5)",
        ),
        "null-environment": versioned(
          "null-environment",
          `(only (scheme r5rs) ${R5RS_SYNTAX.join(" ")})`,
          "(null-environment 5)",
        ),
      },
    },
  ]);
}
