// The `termite` command as a user runs it: a real Node process, its output and exit code.

import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { COMPILER_ABI } from "@termite/compiler";
import { describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));

function termite(args: string[], input?: string, env?: Record<string, string>) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    input,
    encoding: "utf8",
    timeout: 30_000,
    env: env === undefined ? process.env : { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("termite CLI", () => {
  it("runs a script with its command line, and reports an uncaught error with a Scheme backtrace", () => {
    const r = termite(["run", fixture("error-in-procedure.scm"), "a", "b"]);
    expect(r.stdout).toBe(`hello, world\n(${fixture("error-in-procedure.scm")} a b)\n`);
    expect(r.stderr).toContain("error: car: expected a pair (argument 1) 5");
    expect(r.stderr).toMatch(/in f \(.*error-in-procedure\.scm:4:15\)/);
    expect(r.stderr).not.toMatch(/\.js:\d+/);
    expect(r.code).toBe(70);
  });

  it("runs the hot-code-update example of the README, compiled and interpreted", () => {
    const example = fileURLToPath(new URL("../../../examples/hot-update.scm", import.meta.url));
    expect(termite(["run", example])).toMatchObject({ code: 0, stdout: "PONG\nHELLO\n" });
    expect(termite(["run", "--interpret", example])).toMatchObject({ code: 0, stdout: "PONG\nHELLO\n" });
  });

  it("ends a runaway recursion with an error and exit 70, at the depth --max-frames gives", () => {
    const dir = mkdtempSync(join(tmpdir(), "termite-cli-"));
    const file = join(dir, "runaway.scm");
    writeFileSync(file, "(define (forever n) (+ 1 (forever (+ n 1))))\n(forever 0)\n");
    const r = termite(["run", "--max-frames", "50000", file]);
    expect(r.code).toBe(70);
    expect(r.stderr).toContain("recursion too deep: more than 50000 pending frames");
    expect(termite(["run", "--max-frames", "lots", file]).code).toBe(64);
  });

  it("finds libraries beside the script, in --search directories and in TERMITE_PATH", () => {
    const dir = mkdtempSync(join(tmpdir(), "termite-cli-"));
    const library = (base: string, name: string, text: string) => {
      mkdirSync(join(base, "app"), { recursive: true });
      writeFileSync(
        join(base, "app", `${name}.sld`),
        `(define-library (app ${name}) (export ${name}) (import (scheme base)) (begin (define (${name}) "${text}")))`,
      );
    };
    const other = mkdtempSync(join(tmpdir(), "termite-cli-"));
    const env = mkdtempSync(join(tmpdir(), "termite-cli-"));
    library(dir, "beside", "beside the script");
    library(other, "searched", "from --search");
    library(env, "environment", "from TERMITE_PATH");
    const file = join(dir, "main.scm");
    writeFileSync(
      file,
      "(import (app beside) (app searched) (app environment))\n(display (list (beside) (searched) (environment)))\n",
    );
    expect(termite(["run", "--search", other, file], undefined, { TERMITE_PATH: env })).toMatchObject({
      code: 0,
      stdout: "(beside the script from --search from TERMITE_PATH)",
    });
    const missing = termite(["run", file]);
    expect(missing.code).toBe(65);
    expect(missing.stderr).toContain("unknown library app/searched");
  });

  it("follows CLI conventions: --version, help, --help per command, unknown commands refused", () => {
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(termite(["--version"])).toMatchObject({ code: 0, stdout: `termite ${version}\n` });
    const help = termite(["help"]);
    expect(help.code).toBe(0);
    for (const command of ["run", "expand", "compile", "help", "-e", "--version"])
      expect(help.stdout).toContain(command);
    for (const command of ["run", "expand", "compile"]) {
      const own = termite(["help", command]);
      expect(own.code).toBe(0);
      expect(own.stdout).toMatch(new RegExp(`^usage: termite ${command} `));
      expect(termite([command, "--help"])).toEqual(own);
    }
    const bogus = termite(["bogus"]);
    expect(bogus.code).toBe(64);
    expect(bogus.stderr).toContain("unknown command 'bogus'");
    expect(termite(["help", "bogus"]).code).toBe(64);
  });

  it("accepts FILE without `run`", () => {
    expect(termite([fixture("error-in-procedure.scm")]).code).toBe(70);
  });

  it("evaluates -e and writes the value", () => {
    expect(termite(["-e", '(list 1 2.5 "s" \'sym)'])).toMatchObject({ code: 0, stdout: '(1 2.5 "s" sym)\n' });
    expect(termite(["-e", "(if #f #f)"])).toMatchObject({ code: 0, stdout: "" });
    expect(termite(["-e", "(eval '(* 6 7) (environment '(scheme base)))"])).toMatchObject({
      code: 0,
      stdout: "42\n",
    });
  });

  it("maps (exit ...) to the process exit code", () => {
    expect(termite(["-e", "(exit 3)"]).code).toBe(3);
    expect(termite(["-e", "(exit #t)"]).code).toBe(0);
    expect(termite(["-e", "(exit #f)"]).code).toBe(1);
  });

  it("runs the afters of active dynamic-winds on exit, but not on emergency-exit", () => {
    const wind = (exit: string) =>
      `(dynamic-wind (lambda () #f) (lambda () (dynamic-wind (lambda () #f) (lambda () ${exit}) (lambda () (display "inner ")))) (lambda () (display "outer")))`;
    expect(termite(["-e", wind("(exit 4)")])).toMatchObject({ code: 4, stdout: "inner outer" });
    expect(termite(["-e", wind("(emergency-exit 5)")])).toMatchObject({ code: 5, stdout: "" });
  });

  it("gives 64 for a missing file or bad usage, 65 for a read error with its position", () => {
    expect(termite(["run", "no-such-file.scm"]).code).toBe(64);
    expect(termite(["--bogus"]).code).toBe(64);
    const r = termite(["run", fixture("unterminated.scm")]);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/unterminated\.scm:1:10: /);
  });

  it("runs compiled by default, and the same under --compile and --interpret", () => {
    const file = fixture("error-in-procedure.scm");
    const compiled = termite(["run", "--compile", file]);
    const interpreted = termite(["run", "--interpret", file]);
    expect(compiled).toEqual(termite(["run", file]));
    expect(interpreted).toEqual(compiled);
    expect(compiled.stderr).toMatch(/in f \(.*error-in-procedure\.scm:4:15\)/);
    expect(termite(["run", "--compile", "--interpret", file]).code).toBe(64);
  });

  it("writes a library's JavaScript and manifest with `compile -o DIR`, the same each time", () => {
    const dir = mkdtempSync(join(tmpdir(), "termite-cli-"));
    const args = ["compile", "-o", dir, "--search", fixture("modules"), fixture("modules/cats.sld")];
    expect(termite(args)).toMatchObject({ code: 0, stderr: "" });
    const js = readFileSync(join(dir, "cats.mjs"), "utf8");
    const manifest = JSON.parse(readFileSync(join(dir, "cats.manifest.json"), "utf8"));
    expect(js).toMatch(/^export default function/);
    expect(manifest).toMatchObject({ format: "termite-compiled-unit", abi: COMPILER_ABI });
    expect(manifest.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(termite(args).code).toBe(0);
    expect(readFileSync(join(dir, "cats.mjs"), "utf8")).toBe(js);
  });

  it("writes the compiled files beside the source when no -o is given", () => {
    const dir = mkdtempSync(join(tmpdir(), "termite-cli-"));
    copyFileSync(fixture("modules/cats.sld"), join(dir, "cats.sld"));
    const r = termite(["compile", "--search", fixture("modules"), join(dir, "cats.sld")]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(readFileSync(join(dir, "cats.mjs"), "utf8")).toMatch(/^export default function/);
    expect(JSON.parse(readFileSync(join(dir, "cats.manifest.json"), "utf8")).format).toBe(
      "termite-compiled-unit",
    );
  });

  it("REPL on a pipe: multi-line forms, values written, survives errors", () => {
    const r = termite([], '(define x 10)\n(* x\n 2)\n(car 1)\n(undefined-thing)\n"still here"\n,q\n');
    expect(r.stdout).toContain("20\n");
    expect(r.stdout).toContain('"still here"\n');
    expect(r.stdout).toContain("error: car: expected a pair");
    expect(r.stdout).toContain("unbound");
    expect(r.code).toBe(0);
  });

  it("prints the ELS'20 expansion of a hosted library with `expand --as`", () => {
    const r = termite([
      "expand",
      "--as",
      "gitlab.com/zoo/cats@2.0",
      "--search",
      fixture("modules"),
      fixture("modules/cats.sld"),
    ]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("(supply-module gitlab.com/zoo/cats@2.0)");
    expect(r.stdout).toContain("(demand-module github.com/fred/hello@1.0)");
    expect(r.stdout).toContain("gitlab.com/zoo/cats@2.0#main");
    expect(r.stdout).toContain("github.com/fred/hello@1.0#hi");
  });
});
