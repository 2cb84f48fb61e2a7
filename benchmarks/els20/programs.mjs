// ## The three programs of the ELS'20 evaluation, as scripts and as hosted modules
//
// Each program is a file of benchmarks/programs whose last line is the expression that runs it.
// As a hosted module it becomes a repository holding NAME.sld (the `define-library`: it exports
// `run` and includes the body) and NAME.scm (the definitions, then `(define (run) LAST-LINE)`).
// As a script (the INTERPRETED scenario) it is that same body, loaded with `load`-like
// `runScript`, so the two scenarios run identical code.
import { readFileSync } from "node:fs";
import { generateMosaic, MOSAIC_OPTIONS } from "./mosaic-generator.mjs";

const here = new URL("../programs/", import.meta.url).pathname;

/** The host part of the programs' module names; served by the local git daemon. */
export const MODULE_HOST = "els20.test";
/** The tag each repository carries, and the version imports name. */
export const MODULE_VERSION = "1.0";

/**
 * The three programs: `name` (file and module name), `size` (as the paper labels it),
 * `expected` (what `(run)` writes).
 */
export const PROGRAMS = [
  { name: "puzzle", size: "4 KB", expected: () => "(63 580)" },
  {
    name: "scheme",
    size: "40 KB",
    expected: () =>
      String.raw`"(2584 5 #t 38 #t 693 120 ((2 . 4) (3 . 6) (4 . 22) (5 . 68) (6 . 20)) done 71 4 114 42 (1 5 8 \"OK\"))"`,
  },
  // The answer of the generated program comes from its JavaScript twin, not from a Scheme run.
  { name: "mosaic", size: "400 KB", expected: () => generateMosaic(MOSAIC_OPTIONS).expected() },
];

/** The program's file text (benchmarks/programs/NAME.scm). */
export function programText(name) {
  return readFileSync(`${here}${name}.scm`, "utf8");
}

/** The body: every definition, then `(define (run) …)` around the file's last expression. */
export function programBody(name) {
  const text = programText(name).trimEnd();
  const cut = text.lastIndexOf("\n");
  return `${text.slice(0, cut)}\n\n;; The entry point the RPC calls.\n(define (run)\n  ${text.slice(cut + 1)})\n`;
}

/** The module's name as an import set writes it: `(els20.test puzzle @1.0)`. */
export function importSet(name) {
  return `(${MODULE_HOST} ${name} @${MODULE_VERSION})`;
}

/** The module's flat name: `els20.test/puzzle@1.0`. */
export function flatModuleName(name) {
  return `${MODULE_HOST}/${name}@${MODULE_VERSION}`;
}

/** The files of the program's repository. */
export function repositoryFiles(name) {
  const imports =
    "(scheme base) (scheme char) (scheme cxr) (scheme inexact) (scheme write) (termite extras)\n          (except (srfi 1) member assoc map for-each)";
  return {
    [`${name}.sld`]: `(define-library (${MODULE_HOST} ${name})\n  (export run)\n  (import ${imports})\n  (include "${name}.scm"))\n`,
    [`${name}.scm`]: programBody(name),
  };
}
