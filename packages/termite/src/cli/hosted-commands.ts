// ## `termite install|uninstall|update|list`, and hosted modules for `run`, `-e` and the REPL
//
//   termite install MODULE…      clone, install and compile (no whitelist needed: asked by hand)
//   termite uninstall MODULE…    remove one installed version and its compiled code
//   termite update MODULE…       fetch again; replace the install if the commit or files changed
//   termite list                 every installed module: name, tag or branch, commit, source hash
//
// The same four are REPL commands (`,install MODULE`…). `--whitelist PREFIX` (repeatable) allows
// automatic installs from PREFIX for `run`, `-e` and the REPL, besides TERMITE_WHITELIST and
// ROOT/whitelist. On a terminal an import outside the whitelist is asked about once, and installs
// and compiles show a spinner on stderr; elsewhere nothing is asked and nothing is shown.
//
// Exit codes: 0 done; 1 `uninstall` of a module not installed; 64 bad usage or a malformed module
// name; 69 the module cannot be fetched (host unreachable, no such version, no module file…);
// 70 anything else (a lock held too long, a failed compile).

import { createInterface } from "node:readline";
import { HostedLoaderError } from "@termite/hosted-loader";
import type { IoContext } from "@termite/runtime";
import yoctoSpinner from "yocto-spinner";
import { createSystem } from "../create-system.js";
import {
  type HostedModulesOptions,
  type HostedProgress,
  hostedModulesOf,
  hostedModulesPart,
} from "../hosted/index.js";
import type { SystemPart } from "../system.js";

export const HOSTED_COMMANDS = ["install", "uninstall", "update", "list"] as const;
export type HostedCommand = (typeof HOSTED_COMMANDS)[number];

const EXIT_NOT_INSTALLED = 1;
const EXIT_USAGE = 64;
const EXIT_UNAVAILABLE = 69;
const EXIT_SOFTWARE = 70;

const WHITELIST_HELP = `
A hosted module is installed into TERMITE_HOME (default: $XDG_DATA_HOME/termite, else ~/.termite),
compiled once, and used offline afterwards. git's url.<base>.insteadOf configuration maps hosts
to mirrors. An import (run, -e, the REPL) installs a missing module automatically only from
whitelisted locations: ROOT/whitelist, TERMITE_WHITELIST, or --whitelist PREFIX (repeatable, before
FILE); on a terminal, run and -e ask once for others.

Exit codes: 0 done; 1 uninstall of a module not installed; 64 bad usage or malformed module name;
69 the module cannot be fetched (host unreachable, no such version, no module file); 70 otherwise.
`;

/** Each hosted command's help (`termite help install`). */
export const HOSTED_HELP: Readonly<Record<HostedCommand, string>> = {
  install: `usage: termite install MODULE...

Clones each MODULE (github.com/fred/hello@1.0, @^1.2 for the newest matching tag, no version for
the default branch) and the hosted modules it imports, and compiles them. No whitelist is needed.
${WHITELIST_HELP}`,
  uninstall: `usage: termite uninstall MODULE...

Removes one installed version of each MODULE and its compiled code.
${WHITELIST_HELP}`,
  update: `usage: termite update MODULE...

Fetches each MODULE again; replaces the install when its commit or files changed (a moved tag, the
default branch moved on, a local edit) and compiles it again.
${WHITELIST_HELP}`,
  list: `usage: termite list

Lists installed modules: name, tag or branch, commit, source hash (tab-separated).
${WHITELIST_HELP}`,
};

export function isHostedCommand(command: string): command is HostedCommand {
  return (HOSTED_COMMANDS as readonly string[]).includes(command);
}

const SUBCOMMANDS = new Set(["run", "expand", "compile", "keys", ...HOSTED_COMMANDS]);

/** Whitelist prefixes given on the command line (`takeWhitelist` collects them). */
const whitelist: string[] = [];

/**
 * Removes the `--whitelist PREFIX` / `--whitelist=PREFIX` options that come before the first
 * other argument that is not an option (a FILE's own arguments are left alone), keeping them for
 * `cliHostedPart`.
 */
export function takeWhitelist(argv: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--whitelist" && i + 1 < argv.length) whitelist.push(argv[++i]!);
    else if (arg.startsWith("--whitelist=")) whitelist.push(arg.slice("--whitelist=".length));
    else {
      out.push(arg);
      // The first plain argument that is not the command is FILE (or -e's EXPR): the rest are its own.
      if (!arg.startsWith("-") && !(out.length === 1 && SUBCOMMANDS.has(arg))) break;
    }
  }
  return [...out, ...argv.slice(i + 1)];
}

/** Shows installs and compiles as a spinner on a terminal's stderr. */
function progressDisplay(): ((event: HostedProgress) => void) | undefined {
  if (process.stderr.isTTY !== true) return undefined;
  const spinner = yoctoSpinner({ stream: process.stderr });
  return (event) => {
    const verb = event.kind === "install" ? "cloning" : "compiling";
    if (event.phase === "start") spinner.start(`${verb} ${event.module}`);
    else if (event.phase === "done")
      spinner.success(`${event.kind === "install" ? "installed" : "compiled"} ${event.module}`);
    else spinner.error(`${verb} ${event.module} failed`);
  };
}

/** Asks on the terminal whether a module outside the whitelist may be installed. */
async function askOnTerminal(module: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await new Promise<string>((resolve) =>
      rl.question(`${module} is not on the whitelist. Install it? [y/N] `, resolve),
    );
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/**
 * The hosted modules' part as the command line configures it: `--whitelist`, progress and the
 * question on a terminal (`ask: false` for the REPL, whose input the question would steal).
 */
export function cliHostedPart(options: { readonly ask?: boolean } = {}): SystemPart {
  const interactive = process.stdin.isTTY === true && process.stderr.isTTY === true;
  const hosted: HostedModulesOptions = {
    whitelist: whitelist,
    onProgress: progressDisplay(),
    confirm: interactive && options.ask !== false ? askOnTerminal : undefined,
  };
  return hostedModulesPart(hosted);
}

/** A loader error's exit code. */
function exitCodeOf(error: unknown): number {
  if (!HostedLoaderError.isInstance(error)) return EXIT_SOFTWARE;
  switch (error.code) {
    case "bad-name":
    case "bad-whitelist":
      return EXIT_USAGE;
    case "unreachable":
    case "no-such-version":
    case "ambiguous-version":
    case "module-file-missing":
    case "unsafe-link":
    case "git-failed":
      return EXIT_UNAVAILABLE;
    default:
      return EXIT_SOFTWARE;
  }
}

/** Where a command writes: the process's streams, or the REPL's. */
export interface CommandOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processOutput: CommandOutput = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(`termite: ${t}`),
};

/**
 * Runs one of the four commands; answers the exit code. Installs are compiled into the cache at
 * once (a system is booted for that), so that the first `import` does not pay for it.
 */
export async function hostedCommand(
  command: HostedCommand,
  modules: readonly string[],
  output: CommandOutput = processOutput,
  io?: IoContext,
): Promise<number> {
  if (command === "list" ? modules.length > 0 : modules.length === 0) {
    output.err(`${command} ${command === "list" ? "takes no MODULE" : "needs a MODULE"}\n`);
    return EXIT_USAGE;
  }
  const system = await createSystem({ io, parts: [cliHostedPart()] });
  const hosted = hostedModulesOf(system)!;
  const loader = hosted.loader;
  let code = 0;
  for (const flat of command === "list" ? [""] : modules) {
    try {
      switch (command) {
        case "list":
          for (const m of await loader.list())
            output.out(
              `${m.module}\t${m.manifest.tag ?? m.manifest.branch ?? ""}\t${m.manifest.commit.slice(0, 12)}\t${m.manifest.sourceHash}\n`,
            );
          break;
        case "install": {
          const m = await loader.install(flat);
          await hosted.compileInstalled(m.name);
          output.out(
            `installed ${m.module} (${m.manifest.tag ?? m.manifest.branch}, ${m.manifest.commit.slice(0, 12)})\n`,
          );
          break;
        }
        case "update": {
          const { before, after, changed } = await loader.update(flat);
          if (changed && before !== undefined) hosted.cache?.remove(before.name);
          await hosted.compileInstalled(after.name);
          output.out(
            changed
              ? `updated ${after.module}: ${before?.manifest.commit.slice(0, 12) ?? "(none)"} -> ${after.manifest.commit.slice(0, 12)}\n`
              : `${after.module} is up to date (${after.manifest.commit.slice(0, 12)})\n`,
          );
          break;
        }
        case "uninstall": {
          const installed = await loader.lookup(flat);
          if (installed === undefined || !(await loader.uninstall(installed.name))) {
            output.err(`${flat} is not installed\n`);
            code = Math.max(code, EXIT_NOT_INSTALLED);
            break;
          }
          hosted.cache?.remove(installed.name);
          output.out(`uninstalled ${installed.module}\n`);
          break;
        }
      }
    } catch (e) {
      output.err(`${e instanceof Error ? e.message : String(e)}\n`);
      code = Math.max(code, exitCodeOf(e));
    }
  }
  return code;
}

/** `,install MODULE…`, `,uninstall …`, `,update …`, `,list` in the REPL; `undefined` if not one. */
export function replHostedCommand(line: string): { command: HostedCommand; modules: string[] } | undefined {
  const match = /^\s*,(install|uninstall|update|list)((?:\s+\S+)*)\s*$/.exec(line);
  if (match === null) return undefined;
  return { command: match[1] as HostedCommand, modules: match[2]!.split(/\s+/).filter((m) => m !== "") };
}

/** The dispatch hook of the `termite` command: runs a hosted command and exits with its code. */
export async function runHostedCommand(command: HostedCommand, argv: readonly string[]): Promise<never> {
  const options = argv.filter((a) => a.startsWith("-"));
  if (options.length > 0) {
    if (options[0] === "--help" || options[0] === "-h") {
      process.stdout.write(HOSTED_HELP[command]);
      process.exit(0);
    }
    process.stderr.write(`termite: ${command}: unknown option ${options[0]}\n${HOSTED_HELP[command]}`);
    process.exit(EXIT_USAGE);
  }
  process.exit(await hostedCommand(command, argv));
}
