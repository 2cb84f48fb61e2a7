// ## The `termite` command
//
//   termite                         a REPL (reads stdin without prompts when it is not a terminal)
//   termite run [--interpret|--compile] [--r7rs] [--search DIR]… [--max-frames N] [--insecure] FILE [ARGS…]
//   termite FILE [ARGS…]            the same as `run`
//   termite -e EXPR                 evaluates EXPR, writes its value unless unspecified
//   termite help [COMMAND], termite COMMAND --help, termite --version
//   termite expand [--as MODULE] [--search DIR]… [--r7rs] FILE
//   termite compile [-o DIR] [--as MODULE] [--search DIR]… [--r7rs] FILE
//                                   writes FILE's JavaScript (NAME.mjs) and NAME.manifest.json
//   termite keys [--force]          writes this node's CURVE key pair under $TERMITE_HOME/node/
//
// Libraries are found in the `--search` directories, then FILE's directory (the current one for
// the REPL and -e), then those of TERMITE_PATH.
//
// Exit codes: 0 ok; (exit n) gives n; 64 bad usage or missing file; 65 a read or syntax error in
// the program; 70 an uncaught Scheme error at run time.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, delimiter, dirname, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { compileToFiles } from "@termite/compiler";
import { type CoreModule, printCore } from "@termite/core";
import { formatLocation } from "@termite/datum";
import { ExpandError, expandLibrary, expandProgram } from "@termite/library-expander";
import { parseModulePath } from "@termite/namespace";
import { ReadError } from "@termite/reader";
import {
  type IoContext,
  ioSystem,
  processIoContext,
  setFrameLimit,
  setProgramExitHook,
} from "@termite/runtime";
import { createSystem } from "./create-system.js";
import {
  type DistributionOptions,
  readCurveOptions,
  termiteHome,
  writeNodeKeys,
} from "./distribution/index.js";
import { startRepl } from "./repl.js";
import { describeCondition } from "./report.js";
import type { RunResult } from "./system.js";

export const EXIT_USAGE = 64;
export const EXIT_SYNTAX = 65;
export const EXIT_RUNTIME = 70;

const USAGE = `usage: termite [COMMAND] [OPTIONS] [ARGS...]

  termite                        start a REPL (,h for help, ,q or Ctrl-D to quit)
  termite run FILE [ARGS...]     run a script (compiled; --interpret to interpret)
  termite FILE [ARGS...]         the same as run
  termite -e EXPR                evaluate EXPR and write its value
  termite expand FILE            print FILE's expansion into the core language
  termite compile FILE           write FILE's JavaScript module and its manifest
  termite keys                   write this node's CURVE key pair (authenticated nodes)
  termite help [COMMAND]         this text, or COMMAND's options
  termite --version              the version

Libraries are looked up in each --search DIR, then FILE's directory (the current directory for
the REPL and -e), then the directories of TERMITE_PATH.

Exit codes: 0 ok; (exit n) gives n; 64 bad usage or missing file; 65 read or syntax error;
70 uncaught Scheme error.
`;

/** Each subcommand's own help (`termite help run`, `termite run --help`). */
const COMMAND_HELP: Readonly<Record<string, string>> = {
  run: `usage: termite run [--interpret|--compile] [--r7rs] [--search DIR]... [--max-frames N] [--insecure] FILE [ARGS...]

Runs FILE as a script (every R7RS-small library, SRFI 1 and 18 and Termite's extras at hand), or
as an R7RS program with --r7rs (it sees only what it imports). (command-line) is (FILE ARGS...).

  --compile        compile to JavaScript (the default)
  --interpret      interpret instead, the prelude included
  --r7rs           run FILE as an R7RS program
  --search DIR     look for libraries in DIR first: (import (fred greet)) reads DIR/fred/greet.sld
  --max-frames N   the deepest recursion, in pending frames (a deeper one is an error)
  --insecure       let node-init listen beyond loopback without authentication (also
                   TERMITE_INSECURE=1); with keys from \`termite keys\` nodes authenticate instead
`,
  keys: `usage: termite keys [--force]

Writes this node's CURVE key pair under $TERMITE_HOME/node/ (default ~/.termite/node/) and prints
its public key. With it, \`termite run\` authenticates peers: list their public keys in
allowed-peers, and their addresses and keys in peer-keys. --force replaces an existing pair.
`,
  expand: `usage: termite expand [--as MODULE] [--search DIR]... [--r7rs] FILE

Prints FILE's expansion into the core language: a library when FILE holds a define-library
(named MODULE with --as, e.g. gitlab.com/zoo/cats@2.0), an R7RS program with --r7rs, else a script.
`,
  compile: `usage: termite compile [-o DIR] [--as MODULE] [--search DIR]... [--r7rs] FILE

Writes FILE's JavaScript (NAME.mjs) and NAME.manifest.json into DIR (default: beside FILE).
`,
  "-e": `usage: termite -e EXPR

Evaluates EXPR as a script and writes its value unless it is unspecified.
`,
  repl: `usage: termite

Starts a REPL. Forms may span lines, several forms on a line are each evaluated. Ctrl-C
interrupts an evaluation (definitions are kept) or clears the line; Ctrl-C twice, Ctrl-D or ,q
leaves. History is kept in ~/.termite_history (TERMITE_HISTORY names another file).
`,
};

/** Where libraries are found: `--search` directories, then `base`, then TERMITE_PATH's. */
function searchPath(explicit: readonly string[] | undefined, base: string): string[] {
  const fromEnvironment = (process.env.TERMITE_PATH ?? "").split(delimiter).filter((d) => d !== "");
  return [...new Set([...(explicit ?? []), base, ...fromEnvironment].map((d) => resolve(d)))];
}

function fail(message: string, code: number): never {
  process.stderr.write(`termite: ${message}\n`);
  process.exit(code);
}

/** Read and syntax errors carry their position in their message already. */
function isSourceError(e: unknown): boolean {
  return ExpandError.isInstance(e) || ReadError.isInstance(e);
}

function readSource(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    return fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, EXIT_USAGE);
  }
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      interpret: { type: "boolean" },
      compile: { type: "boolean" },
      r7rs: { type: "boolean" },
      "max-frames": { type: "string" },
      search: { type: "string", multiple: true },
      insecure: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return help("run");
  const [file, ...args] = positionals;
  if (file === undefined) fail(`run needs a FILE\n${USAGE}`, EXIT_USAGE);
  const maxFrames = values["max-frames"];
  if (maxFrames !== undefined) {
    if (!/^[1-9]\d*$/.test(maxFrames)) fail(`--max-frames needs a positive integer\n${USAGE}`, EXIT_USAGE);
    // A deeper recursion than the default may need a larger heap too (node --max-old-space-size).
    setFrameLimit(Number(maxFrames));
  }
  if (values.compile && values.interpret)
    fail(`--compile and --interpret exclude each other\n${USAGE}`, EXIT_USAGE);
  const text = readSource(file);
  const io = processIoContext([file, ...args]);
  // Compiled is the default; `--interpret` interprets everything, the prelude included.
  const system = await createSystem({
    io,
    backend: values.interpret ? "interpret" : "compile",
    searchPath: searchPath(values.search, dirname(file)),
    distribution: nodeOptions(values.insecure === true),
  });
  await runToEnd(io, () => (values.r7rs ? system.runProgram(text, file) : system.runScript(text, file)));
  // The program ends when its main thread ends, as under Gambit: other processes end with it.
  process.exit(0);
}

/** How `termite run` joins a network: CURVE keys from $TERMITE_HOME/node/ when they exist. */
function nodeOptions(insecure: boolean): DistributionOptions {
  const curve = readCurveOptions(termiteHome());
  return { ...(insecure ? { insecure } : {}), ...(curve !== undefined ? { zmq: { curve } } : {}) };
}

function keys(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: { force: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    strict: true,
  });
  if (values.help) {
    help("keys");
    return;
  }
  const home = termiteHome();
  try {
    const publicKey = writeNodeKeys(home, values.force === true);
    process.stdout.write(
      `${publicKey}\nwritten to ${join(home, "node")}: add peers' public keys to allowed-peers and their addresses and keys to peer-keys\n`,
    );
  } catch (e) {
    fail((e as Error).message, EXIT_USAGE);
  }
}

/**
 * Runs a script with the process's console, the way the command line does: `(exit n)` flushes and
 * exits with n, a read or syntax error exits 65, an uncaught error is reported and exits 70.
 * Answers the value when the script ends normally.
 */
async function runToEnd(io: IoContext, run: () => Promise<RunResult>): Promise<unknown> {
  setProgramExitHook((exit) => {
    ioSystem(io).flushAll();
    process.exit(exit.code);
  });
  let result: RunResult;
  try {
    result = await run();
  } catch (e) {
    if (isSourceError(e)) fail((e as Error).message, EXIT_SYNTAX);
    throw e;
  }
  ioSystem(io).flushAll();
  if (!result.normal) {
    process.stderr.write(describeCondition(result.condition));
    process.exit(EXIT_RUNTIME);
  }
  return result.value;
}

async function evaluate(expr: string): Promise<void> {
  const io = processIoContext(["termite"]);
  const system = await createSystem({ io, searchPath: searchPath([], process.cwd()) });
  const value = await runToEnd(io, () => system.runScript(expr, "<command line>"));
  if (value !== undefined) process.stdout.write(`${system.write(value)}\n`);
  process.exit(0);
}

/** The options `expand` and `compile` share: how FILE is read and where its imports are found. */
const UNIT_OPTIONS = {
  as: { type: "string" },
  search: { type: "string", multiple: true },
  r7rs: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * Expands FILE as what it is: a library when it holds a `define-library` (under `--as` when given),
 * an R7RS program with `--r7rs`, otherwise a script. Read and syntax errors end with exit 65.
 */
async function expandFile(
  command: string,
  file: string | undefined,
  values: { as?: string | undefined; search?: string[] | undefined; r7rs?: boolean | undefined },
): Promise<{ text: string; module: CoreModule }> {
  if (file === undefined) fail(`${command} needs a FILE\n${USAGE}`, EXIT_USAGE);
  const text = readSource(file);
  const system = await createSystem({
    io: processIoContext([file]),
    searchPath: searchPath(values.search, dirname(file)),
  });
  try {
    const module = /^\s*(;[^\n]*\n\s*)*\(define-library\b/.test(text)
      ? expandLibrary(system.registry, text, { file, as: values.as ? parseModulePath(values.as) : undefined })
      : values.r7rs
        ? expandProgram(system.registry, text, { file })
        : system.scriptSession().expandText(text, { file });
    return { text, module };
  } catch (e) {
    if (isSourceError(e)) fail((e as Error).message, EXIT_SYNTAX);
    throw e;
  }
}

async function expand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: UNIT_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return help("expand");
  const { module } = await expandFile("expand", positionals[0], values);
  const out = printCore(module);
  process.stdout.write(out.endsWith("\n") ? out : `${out}\n`);
}

async function compile(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...UNIT_OPTIONS, output: { type: "string", short: "o" } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return help("compile");
  const file = positionals[0];
  const { text, module } = await expandFile("compile", file, values);
  const { js, manifest } = compileToFiles(module, { source: text });
  // Beside the source unless -o says where.
  const dir = values.output ?? dirname(file!);
  const name = basename(file!, extname(file!));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.mjs`), js);
  writeFileSync(join(dir, `${name}.manifest.json`), `${JSON.stringify(manifest, null, 2)}\n`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined) return startRepl(searchPath([], process.cwd()));
  if (command === "-h" || command === "--help") return help(undefined);
  if (command === "-v" || command === "--version" || command === "version") {
    process.stdout.write(`termite ${version()}\n`);
    return;
  }
  if (command === "help") return help(rest[0]);
  if (command === "-e") {
    if (rest[0] === "--help" || rest[0] === "-h") return help("-e");
    if (rest.length !== 1) fail(`-e needs one EXPR\n${USAGE}`, EXIT_USAGE);
    return evaluate(rest[0]!);
  }
  if (command === "run") return run(rest);
  if (command === "expand") return expand(rest);
  if (command === "compile") return compile(rest);
  if (command === "keys") return keys(rest);
  if (command.startsWith("-") && command !== "--interpret" && command !== "--r7rs" && command !== "--compile")
    fail(`unknown option ${command}\n${USAGE}`, EXIT_USAGE);
  // `termite FILE` is `termite run FILE`; a bare word that names no file is a mistyped command.
  if (!looksLikeFile(command))
    fail(
      `unknown command '${command}' (commands: run, expand, compile, keys, help; a script: termite run FILE)`,
      EXIT_USAGE,
    );
  return run(argv);
}

/** True when `word` names an existing file or has the look of one (a path or a Scheme extension). */
function looksLikeFile(word: string): boolean {
  return existsSync(word) || /[/\\]/.test(word) || /\.(scm|ss|sld|sls|sps|txt)$/i.test(word);
}

function help(command: string | undefined): void {
  if (command === undefined) {
    process.stdout.write(USAGE);
    return;
  }
  const text = COMMAND_HELP[command];
  if (text === undefined)
    fail(`no help for '${command}' (commands: ${Object.keys(COMMAND_HELP).join(", ")})`, EXIT_USAGE);
  process.stdout.write(text);
}

/** This package's version, from the package.json beside dist/. */
function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return String(manifest.version);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof TypeError && (e as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS"))
    fail(`${e.message}\n${USAGE}`, EXIT_USAGE);
  process.stderr.write(
    `termite: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exit(EXIT_RUNTIME);
});

export { formatLocation };
