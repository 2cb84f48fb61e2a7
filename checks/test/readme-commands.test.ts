// The root README's shell lines, run as a newcomer runs them: every line of its ```sh blocks,
// taken from the README itself (not a copy), from the repository root, with real files in place of
// its placeholders (app.scm, libs, lib.sld, out, DIR, cats.sld, PACKS). The REPL line runs at a
// pseudo-terminal. A README line without a check here, or a check without its line, fails.

import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { hasScript, openTerminal, type Terminal } from "../../packages/termite/test/terminal.js";
import { userEnvironment } from "./user-environment.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = (name: string) => join(root, "packages", "termite", "test", "fixtures", name);
const version: string = JSON.parse(
  readFileSync(join(root, "packages", "termite", "package.json"), "utf8"),
).version;

/** The commands of the README's ```sh blocks, each without its trailing `# comment`. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  return [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((m) => m[1]!.split("\n"))
    .map((line) => line.replace(/\s+#\s.*$/, "").trim())
    .filter((line) => line !== "");
}

const work = mkdtempSync(join(tmpdir(), "termite-readme-"));
/** Shared by the pack line and the install line after it. */
const packs = join(work, "packs");
const project = join(work, "project");

const TERMITE = "npx pnpm@10.34.9 exec termite";
const APP_ARGS = "(write (command-line)) (newline)\n";

type Ran = { code: number | null; stdout: string; stderr: string; dir: string };

interface Check {
  /** Files to make in the line's own directory, by placeholder-relative path. */
  readonly files?: Readonly<Record<string, string>>;
  /** Placeholders that stand for an existing path rather than a file made here. */
  readonly paths?: Readonly<Record<string, string>>;
  /** Where the line runs: the repository root (the default) or the user's project. */
  readonly cwd?: "project";
  readonly expect: (ran: Ran) => void;
}

const CHECKS: Readonly<Record<string, Check>> = {
  [`${TERMITE} run examples/hot-update.scm`]: {
    expect: (r) => expect(r).toMatchObject({ code: 0, stdout: "PONG\nHELLO\n" }),
  },
  [`${TERMITE} run app.scm a b`]: {
    files: { "app.scm": APP_ARGS },
    expect: (r) =>
      expect(r).toMatchObject({ code: 0, stdout: `(${JSON.stringify(join(r.dir, "app.scm"))} "a" "b")\n` }),
  },
  [`${TERMITE} run --interpret app.scm`]: {
    files: { "app.scm": APP_ARGS },
    expect: (r) =>
      expect(r).toMatchObject({ code: 0, stdout: `(${JSON.stringify(join(r.dir, "app.scm"))})\n` }),
  },
  [`${TERMITE} run --search libs app.scm`]: {
    files: {
      "app.scm": '(import (fred greet))\n(greet "newcomer")\n',
      "libs/fred/greet.sld":
        '(define-library (fred greet) (export greet) (import (scheme base) (scheme write))\n  (begin (define (greet who) (display (string-append "hello, " who)) (newline))))\n',
    },
    expect: (r) => expect(r).toMatchObject({ code: 0, stdout: "hello, newcomer\n" }),
  },
  [`${TERMITE} compile -o out lib.sld`]: {
    files: {
      "lib.sld":
        "(define-library (demo lib) (export twice) (import (scheme base)) (begin (define (twice x) (* 2 x))))\n",
    },
    expect: (r) => {
      expect(r).toMatchObject({ code: 0, stderr: "" });
      expect(readFileSync(join(r.dir, "out", "lib.mjs"), "utf8")).toMatch(/^export default function/);
      expect(JSON.parse(readFileSync(join(r.dir, "out", "lib.manifest.json"), "utf8")).format).toBe(
        "termite-compiled-unit",
      );
    },
  },
  [`${TERMITE} -e '(+ 1 2)'`]: {
    expect: (r) => expect(r).toMatchObject({ code: 0, stdout: "3\n" }),
  },
  [`${TERMITE} expand --as gitlab.com/zoo/cats@2.0 --search DIR cats.sld`]: {
    paths: { DIR: fixture("modules"), "cats.sld": fixture("modules/cats.sld") },
    expect: (r) => {
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("(supply-module gitlab.com/zoo/cats@2.0)");
      expect(r.stdout).toContain("(demand-module github.com/fred/hello@1.0)");
    },
  },
  [`${TERMITE} help run`]: {
    expect: (r) => {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^usage: termite run /);
      expect(r.stdout).toContain("--interpret");
    },
  },
  [`${TERMITE} --version`]: {
    expect: (r) => expect(r).toMatchObject({ code: 0, stdout: `termite ${version}\n` }),
  },
  [`npx pnpm@10.34.9 -r --filter "./packages/*" pack --pack-destination PACKS`]: {
    paths: { PACKS: packs },
    expect: (r) => {
      expect(r.code).toBe(0);
      // Every package that is to be published (its tarball is named after it: termite-datum-0.1.0.tgz).
      const names = readdirSync(join(root, "packages")).filter((d) => {
        const manifest = join(root, "packages", d, "package.json");
        return existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).private !== true;
      });
      const tarballs = readdirSync(packs);
      for (const name of names) expect(tarballs.some((t) => t.startsWith(`termite-${name}-`))).toBe(true);
    },
  },
  "npm install PACKS/termite-*.tgz": {
    paths: { PACKS: packs },
    cwd: "project",
    expect: (r) => {
      expect(r.code).toBe(0);
      const node = (args: string[]) =>
        spawnSync(process.execPath, args, { cwd: project, env: userEnvironment(), encoding: "utf8" });
      const esm = node([
        "--input-type=module",
        "-e",
        'import { createSystem } from "@termite/termite"; const s = await createSystem(); console.log(s.write((await s.runScript("(list 1 (+ 1 1))")).value));',
      ]);
      expect(esm.stdout).toBe("(1 2)\n");
      const cjs = node([
        "-e",
        'require("@termite/termite").createSystem().then(async (s) => console.log(s.write((await s.runScript("(* 6 7)")).value)));',
      ]);
      expect(cjs.stdout).toBe("42\n");
      const bin = spawnSync("npx", ["--no-install", "termite", "-e", "(+ 40 2)"], {
        cwd: project,
        encoding: "utf8",
      });
      expect(bin.stdout).toBe("42\n");
    },
  },
};

/** The line with each placeholder replaced by a real path in `dir` (or the one its check names). */
function substitute(line: string, check: Check, dir: string): string {
  return line.replace(/(?<![\w./-])(app\.scm|lib\.sld|cats\.sld|libs|out|DIR|PACKS)(?![\w.-])/g, (word) =>
    JSON.stringify(check.paths?.[word] ?? join(dir, word)),
  );
}

function run(line: string, check: Check, index: number): Ran {
  const dir = join(work, `line-${index}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(check.files ?? {})) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const r: SpawnSyncReturns<string> = spawnSync("sh", ["-c", substitute(line, check, dir)], {
    cwd: check.cwd === "project" ? project : root,
    env: userEnvironment(),
    encoding: "utf8",
    timeout: 240_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, dir };
}

const terminals: Terminal[] = [];
afterAll(() => {
  for (const t of terminals) t.kill();
});

describe("the README's shell lines, run as written", () => {
  const commands = readmeCommands();
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, "package.json"), `${JSON.stringify({ name: "my-project", private: true })}\n`);

  it("has a check for each line and a line for each check", () => {
    expect(commands).toContain(TERMITE);
    expect([...new Set(commands)].sort()).toEqual([...Object.keys(CHECKS), TERMITE].sort());
  });

  // The REPL line needs a terminal: util-linux `script` gives it one (it is on the CI machine).
  it.skipIf(!hasScript)(`${TERMITE}  (at a terminal)`, async () => {
    const t = openTerminal(TERMITE, {
      cwd: root,
      env: userEnvironment({ TERMITE_HISTORY: join(work, "history") }),
    });
    terminals.push(t);
    await t.waitFor(/\n> $/, 120_000);
    t.mark();
    t.type("(define x 20) (+ x 1 1)\r");
    expect(await t.waitFor(/\n> $/)).toContain("\n22\n");
    t.type("\x04");
    expect(await t.exited).toBe(0);
  });

  commands.forEach((line, index) => {
    const check = CHECKS[line];
    if (line === TERMITE || check === undefined) return;
    it(line, () => check.expect(run(line, check, index)), 300_000);
  });
});
