// ## The REPL
//
// Reads lines until they hold complete data (the reader tells an incomplete datum from a malformed
// one), evaluates them in the persistent script top level, writes each value that is not
// unspecified, and survives every error. `,q` quits, `,h` helps. When stdin is not a terminal it
// evaluates every form it reads, without prompts.

import { appendFileSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { ExpandError } from "@termite/library-expander";
import { ReadError, readAll } from "@termite/reader";
import { EMPTY_SOURCE, type IoContext, ioSystem, setProgramExitHook } from "@termite/runtime";
import { cliHostedPart, hostedCommand, replHostedCommand } from "./cli/hosted-commands.js";
import { createSystem } from "./create-system.js";
import { describeCondition } from "./report.js";
import type { TermiteSystem } from "./system.js";

const HELP = `,q  quit    ,h  this help
,install MODULE...  ,uninstall MODULE...  ,update MODULE...  ,list   hosted modules
Enter Scheme forms; a form may span several lines.
`;

/** Evaluates one complete chunk of input; returns the text to show. */
export async function evaluateChunk(system: TermiteSystem, text: string): Promise<string> {
  try {
    const result = await system.runScript(text, "<repl>");
    if (!result.normal) return describeCondition(result.condition);
    return result.value === undefined ? "" : `${system.write(result.value)}\n`;
  } catch (e) {
    if (ExpandError.isInstance(e) || ReadError.isInstance(e)) return `${(e as Error).message}\n`;
    return `internal error: ${e instanceof Error ? e.message : String(e)}\n`;
  }
}

/** True when `text` ends inside a datum, so the REPL should read another line. */
export function isIncomplete(text: string): boolean {
  try {
    readAll(text, { file: "<repl>" });
    return false;
  } catch (e) {
    return ReadError.isInstance(e) && e.incomplete;
  }
}

export async function startRepl(searchPath: readonly string[] = []): Promise<void> {
  const interactive = process.stdin.isTTY === true;
  const io: IoContext = {
    stdin: EMPTY_SOURCE,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    commandLine: ["termite"],
    environment: process.env,
  };
  // Not asked on the terminal: the question would compete with the REPL for its input.
  const system = await createSystem({ io, searchPath, parts: [cliHostedPart({ ask: false })] });
  setProgramExitHook((exit) => {
    ioSystem(io).flushAll();
    process.exit(exit.code);
  });
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: interactive,
    historySize: 1000,
    history: interactive ? loadHistory() : [],
    prompt: "> ",
  });
  if (interactive) {
    process.stdout.write("Termite Scheme (,h for help)\n");
    rl.prompt();
  }
  let buffer = "";
  const lines: string[] = [];
  let busy = false;
  const drain = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    while (lines.length > 0) {
      const line = lines.shift()!;
      if (buffer === "" && /^\s*,(q|quit)\s*$/.test(line)) {
        rl.close();
        process.exit(0);
      }
      const hosted = buffer === "" ? replHostedCommand(line) : undefined;
      if (hosted !== undefined) {
        await hostedCommand(hosted.command, hosted.modules, {
          out: (t) => process.stdout.write(t),
          err: (t) => process.stdout.write(t),
        });
      } else if (buffer === "" && /^\s*,(h|help)\s*$/.test(line)) {
        process.stdout.write(HELP);
      } else {
        buffer += `${line}\n`;
        if (isIncomplete(buffer)) {
          if (interactive) rl.setPrompt("... ");
        } else {
          const text = buffer;
          buffer = "";
          if (text.trim() !== "") {
            const out = await evaluateChunk(system, text);
            ioSystem(io).flushAll();
            process.stdout.write(out);
          }
          if (interactive) rl.setPrompt("> ");
        }
      }
      if (interactive) rl.prompt();
    }
    busy = false;
  };
  rl.on("line", (line) => {
    if (interactive) saveHistoryLine(line);
    lines.push(line);
    void drain();
  });
  rl.on("close", () => {
    const finish = async (): Promise<void> => {
      while (busy || lines.length > 0) {
        await drain();
        await new Promise((r) => setTimeout(r, 5));
      }
      if (buffer.trim() !== "") process.stdout.write(await evaluateChunk(system, buffer));
      ioSystem(io).flushAll();
      process.exit(0);
    };
    void finish();
  });
}

/** Interactive input is kept across sessions in `~/.termite_history` (newest last), as shells do. */
const HISTORY_FILE = process.env.TERMITE_HISTORY ?? join(homedir(), ".termite_history");

function loadHistory(): string[] {
  try {
    return readFileSync(HISTORY_FILE, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .slice(-1000)
      .reverse();
  } catch {
    return [];
  }
}

function saveHistoryLine(line: string): void {
  if (line.trim() === "") return;
  try {
    appendFileSync(HISTORY_FILE, `${line}\n`);
  } catch {
    // A read-only home is no reason to stop the REPL.
  }
}
