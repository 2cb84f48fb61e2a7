// The R7RS conformance corpus: one Scheme program per R7RS section in test/conformance/, each
// importing the `(conformance harness)` library and printing a FAIL line per failed check and one
// RESULT line. Every file runs in a fresh system; known failures are listed below with a reason,
// and must keep failing (a fixed one must be removed from the list).

import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Pair, Sym, write } from "@termite/datum";
import { parseModulePath } from "@termite/namespace";
import { readAll } from "@termite/reader";
import { memoryIoContext, type ProgramExit } from "@termite/runtime";
import { afterAll, describe, expect, it } from "vitest";
import { createSystem } from "../src/create-system.js";
import type { Backend } from "../src/system.js";
import { R7RS_LIBRARIES } from "./conformance/r7rs-libraries.js";

const TEST_DIR = fileURLToPath(new URL(".", import.meta.url));
const CORPUS_DIR = join(TEST_DIR, "conformance");

/** Corpus files are named after their R7RS section (`6.2-numbers.scm`) or SRFI (`srfi-1.scm`). */
const CORPUS = readdirSync(CORPUS_DIR)
  .filter((f) => /^(\d|srfi-).*\.scm$/.test(f))
  .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));

interface KnownFailure {
  readonly file: string;
  /** The checked form as the harness writes it after FAIL. */
  readonly form: string;
  readonly reason: string;
}

/** Checks that fail because of a bug not fixed yet; each must still fail. */
const KNOWN_FAILURES: readonly KnownFailure[] = [];

/** What a file needs from its surroundings, and how it must end when it does not end normally. */
interface FileSetup {
  readonly stdin?: readonly string[];
  readonly environment?: Record<string, string>;
  readonly commandLine?: readonly string[];
  /** The file ends by calling `exit`: its status, and text the output must end with. */
  readonly exit?: { readonly status: number; readonly outputEndsWith: string };
}

const scratch = mkdtempSync(join(tmpdir(), "termite-conformance-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SETUP: Readonly<Record<string, FileSetup>> = {
  "6.13-io.scm": {
    stdin: ['first line\n(a "b" #\\c 1.5)', " rest"],
    environment: { CONFORMANCE_SCRATCH: scratch },
  },
  "6.14-system.scm": {
    environment: { CONFORMANCE_SCRATCH: scratch, CONFORMANCE_GREETING: "hello" },
    commandLine: ["conformance.scm", "one", "two"],
    exit: { status: 7, outputEndsWith: "after thunk ran\n" },
  },
  "6.14-system-emergency-exit.scm": {
    exit: { status: 3, outputEndsWith: "RESULT 1 0\n" },
  },
};

// `exit` ends a program through its system's scheduler's hook (the CLI exits the process); here
// it is recorded.
let lastExit: ProgramExit | undefined;

interface FailedCheck {
  /** The checked form as the harness writes it. */
  readonly form: string;
  readonly expected: string;
  readonly got: string;
}

interface FileOutcome {
  readonly passed: number;
  readonly failures: readonly FailedCheck[];
}

async function runCorpusFile(file: string, backend: Backend): Promise<FileOutcome> {
  const setup = SETUP[file] ?? {};
  const io = memoryIoContext({
    stdin: setup.stdin,
    environment: setup.environment,
    commandLine: setup.commandLine,
  });
  const system = await createSystem({ io, searchPath: [TEST_DIR], backend });
  system.scheduler.programExit = (e) => {
    lastExit = e;
  };
  const path = join(CORPUS_DIR, file);
  lastExit = undefined;
  const result = await system.runProgram(readFileSync(path, "utf8"), path);
  const out = io.stdoutText;
  // Set by the exit hook while the program ran (TS cannot see that assignment).
  const exited = lastExit as ProgramExit | undefined;
  if (setup.exit !== undefined) {
    expect(exited, `${file} should end with exit, ended with ${outcome(result)}`).toBeDefined();
    expect(exited?.code).toBe(setup.exit.status);
    expect(out.endsWith(setup.exit.outputEndsWith), out).toBe(true);
  } else if (exited !== undefined) {
    throw new Error(`${file} called exit ${exited.code}\n${out}`);
  } else if (!result.normal) {
    throw new Error(`${file} stopped: ${outcome(result)}\n${out}`);
  }
  const summary = /^RESULT (\d+) (\d+)$/m.exec(out);
  if (summary === null) throw new Error(`${file} printed no RESULT line:\n${out}`);
  const failures = [...out.matchAll(/^FAIL (.*)\n {2}expected: (.*)\n {2}got: {6}(.*)$/gm)].map((m) => ({
    form: m[1]!,
    expected: m[2]!,
    got: m[3]!,
  }));
  expect(failures.length).toBe(Number(summary[2]));
  return { passed: Number(summary[1]), failures };
}

function outcome(result: { normal: true; value: unknown } | { normal: false; condition: unknown }): string {
  return result.normal ? `value ${write(result.value)}` : `condition ${write(result.condition)}`;
}

// Compiled (the default) and interpreted: everything the interpreter passes, compiled code passes too.
describe.each(["compile", "interpret"] as const)("R7RS conformance corpus, %s", (backend) => {
  const totals = { files: 0, passed: 0, failed: 0, known: 0 };
  it.each(CORPUS)("%s", async (file) => {
    const { passed, failures } = await runCorpusFile(file, backend);
    const known = KNOWN_FAILURES.filter((k) => k.file === file);
    const unexpected = failures.filter((f) => !known.some((k) => k.form === f.form));
    const fixed = known.filter((k) => !failures.some((f) => f.form === k.form));
    totals.files++;
    totals.passed += passed;
    totals.failed += failures.length;
    totals.known += failures.length - unexpected.length;
    console.log(
      `${backend} ${file}: ${passed} checks passed, ${failures.length} failed (${failures.length - unexpected.length} known)`,
    );
    expect(
      unexpected.map((f) => `${f.form}  expected ${f.expected}, got ${f.got}`),
      "checks that failed",
    ).toEqual([]);
    expect(
      fixed.map((k) => k.form),
      "known failures that pass now: remove them from KNOWN_FAILURES",
    ).toEqual([]);
  });

  afterAll(() => {
    console.log(
      `R7RS conformance (${backend}): ${totals.passed} checks passed, ${totals.failed} failed ` +
        `(${totals.known} known failures) in ${totals.files} files`,
    );
  });
});

/** Every symbol written in the corpus (comments excluded), to tell which bindings it exercises. */
function corpusSymbols(): Set<string> {
  const names = new Set<string>();
  const visit = (d: unknown): void => {
    if (d instanceof Sym) names.add(d.name);
    else if (d instanceof Pair) {
      visit(d.car);
      visit(d.cdr);
    } else if (Array.isArray(d)) d.forEach(visit);
  };
  for (const f of readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".scm") || f.endsWith(".sld")))
    for (const d of readAll(readFileSync(join(CORPUS_DIR, f), "utf8"), { file: f })) visit(d);
  return names;
}

describe("the corpus covers every binding", () => {
  it("of every R7RS-small library and SRFI 1 and 18, and the registry holds every R7RS name", async () => {
    const system = await createSystem({ io: memoryIoContext() });
    const used = corpusSymbols();
    const notInRegistry: string[] = [];
    const notInCorpus: string[] = [];
    // The SRFIs have no list here: what the registry exports is what must be covered.
    const libraries = { ...R7RS_LIBRARIES, "srfi/1": [], "srfi/18": [] };
    for (const [library, standard] of Object.entries(libraries)) {
      const exported = [...(system.registry.library(parseModulePath(library))?.exports.keys() ?? [])];
      for (const n of standard) if (!exported.includes(n)) notInRegistry.push(`${library} ${n}`);
      for (const n of new Set([...exported, ...standard]))
        if (!used.has(n)) notInCorpus.push(`${library} ${n}`);
    }
    expect(notInCorpus).toEqual([]);
    expect(notInRegistry).toEqual([]);
  });
});
