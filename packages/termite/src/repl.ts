// ## The REPL
//
// Reads lines until they hold complete data (the reader tells an incomplete datum from a malformed
// one), then evaluates each form of them in the persistent script top level, writes each value
// that is not unspecified, and survives every error. Positions name the session's line and column
// (`<repl>:3:5`), as Gambit's console does. `,q` quits, `,h` helps. When stdin is not a terminal
// it evaluates every form it reads, without prompts.
//
// At a terminal it behaves as Node's REPL and gsi do: Ctrl-C interrupts an evaluation (what it
// defined stays defined) or clears the line being typed; Ctrl-C twice at an empty prompt, Ctrl-D
// or `,q` leave. A form typed over several lines is one history entry.

import { appendFileSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { createInterface, type Interface } from "node:readline";
import { ExpandError } from "@termite/library-expander";
import { DatumReader, END_OF_TEXT, ReadError, readAll } from "@termite/reader";
import { EMPTY_SOURCE, type IoContext, ioSystem, setProgramExitHook } from "@termite/runtime";
import { createSystem } from "./create-system.js";
import { describeCondition } from "./report.js";
import type { TermiteSystem } from "./system.js";

const HELP = `,q  quit (or Ctrl-D, or Ctrl-C twice)    ,h  this help
Enter Scheme forms; a form may span several lines, a line may hold several forms.
Ctrl-C interrupts an evaluation (definitions are kept) or clears the line.
`;

const REPL_FILE = "<repl>";

/** True when `text` ends inside a datum, so the REPL should read another line. */
export function isIncomplete(text: string): boolean {
  try {
    readAll(text, { file: REPL_FILE });
    return false;
  } catch (e) {
    return ReadError.isInstance(e) && e.incomplete;
  }
}

/**
 * The top-level forms of `text` as separate texts that keep their place: each is preceded by the
 * text before it blanked out (newlines kept), so positions in it are positions in `text`.
 * Throws the `ReadError` of a malformed form.
 */
export function splitForms(text: string): { text: string; line: number; column: number }[] {
  const reader = new DatumReader(text, { file: REPL_FILE });
  const forms: { text: string; line: number; column: number }[] = [];
  let start = 0;
  while (reader.next() !== END_OF_TEXT) {
    const end = reader.offset;
    // Where the form begins (after the blanks before it), for errors that know no place of their own.
    const first = start + (/^\s*/.exec(text.slice(start, end))?.[0].length ?? 0);
    const before = text.slice(0, first);
    const line = before.split("\n").length;
    const column = first - (before.lastIndexOf("\n") + 1) + 1;
    forms.push({ text: before.replace(/[^\n]/g, " ") + text.slice(first, end), line, column });
    start = end;
  }
  return forms;
}

/**
 * Evaluates one complete chunk of input, form by form, stopping at the first error; `firstLine`
 * is the chunk's line in the session. Each value and error is shown through `show` as soon as
 * its form has run, so it comes after that form's output and before the next form's.
 */
export async function evaluateChunk(
  system: TermiteSystem,
  text: string,
  show: (text: string) => void,
  firstLine = 1,
  signal?: AbortSignal,
): Promise<void> {
  try {
    const lead = "\n".repeat(firstLine - 1);
    for (const form of splitForms(text)) {
      const result = await system.runScript(lead + form.text, REPL_FILE, { signal });
      ioSystem(system.io).flushAll();
      const where = { file: REPL_FILE, line: firstLine - 1 + form.line, column: form.column };
      if (!result.normal) return show(describeCondition(result.condition, where));
      if (result.value !== undefined) show(`${system.write(result.value)}\n`);
    }
  } catch (e) {
    if (ExpandError.isInstance(e) || ReadError.isInstance(e)) return show(`${(e as Error).message}\n`);
    show(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}

export async function startRepl(searchPath: readonly string[] = []): Promise<void> {
  const interactive = process.stdin.isTTY === true;
  // Whether the terminal's cursor is at the start of a line: output that ends without a newline
  // (`(display "hi")`) gets one before the next prompt, so the prompt does not overwrite it.
  let atLineStart = true;
  const write = (t: string): void => {
    if (t === "") return;
    atLineStart = t.endsWith("\n");
    process.stdout.write(t);
  };
  /** A value or an error starts on a line of its own. */
  const show = (t: string): void => {
    if (!atLineStart) write("\n");
    write(t);
  };
  const io: IoContext = {
    stdin: EMPTY_SOURCE,
    stdout: write,
    stderr: (t) => process.stderr.write(t),
    commandLine: ["termite"],
    environment: process.env,
  };
  const system = await createSystem({ io, searchPath });
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
  const history = new FormHistory(rl);

  /** Lines received and not yet handled (typed while an evaluation runs, or piped in). */
  const queue: string[] = [];
  /** The lines of a form not complete yet, and the session line it started on. */
  let pending: string[] = [];
  let pendingLine = 1;
  /** The session line the next input line is. */
  let nextLine = 1;
  let evaluation: AbortController | undefined;
  let busy = false;
  let interruptedAtPrompt = false;

  const prompt = (): void => {
    if (!interactive) return;
    if (!atLineStart) write("\n");
    rl.setPrompt(pending.length > 0 ? "... " : "> ");
    rl.prompt();
  };

  const leave = (): never => {
    ioSystem(io).flushAll();
    if (interactive && !atLineStart) process.stdout.write("\n");
    rl.close();
    process.exit(0);
  };

  /** Handles one line: a command, part of a form, or the end of one (then evaluates it). */
  const handle = async (line: string): Promise<void> => {
    const lineNumber = nextLine;
    nextLine += line.split("\n").length;
    if (pending.length === 0) {
      if (/^\s*,(q|quit)\s*$/.test(line)) leave();
      if (/^\s*,(h|help)\s*$/.test(line)) {
        write(HELP);
        return;
      }
      pendingLine = lineNumber;
    }
    pending.push(line);
    const text = `${pending.join("\n")}\n`;
    if (isIncomplete(text)) return;
    const lines = pending;
    pending = [];
    if (text.trim() === "") return;
    if (interactive) history.add(lines.join("\n"));
    evaluation = new AbortController();
    try {
      await evaluateChunk(system, text, show, pendingLine, evaluation.signal);
    } finally {
      evaluation = undefined;
    }
  };

  const drain = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    while (queue.length > 0) {
      await handle(queue.shift()!);
      prompt();
    }
    busy = false;
  };

  rl.on("line", (line) => {
    interruptedAtPrompt = false;
    atLineStart = true;
    // A line typed while a form is still open is no history entry of its own (the form will be).
    if (interactive) history.sync();
    queue.push(line);
    void drain();
  });

  rl.on("SIGINT", () => {
    if (evaluation !== undefined) {
      // Lines typed during a runaway evaluation were typed at it, not at the next prompt.
      queue.length = 0;
      if (!atLineStart) write("\n");
      evaluation.abort();
      return;
    }
    const typed = rl.line !== "" || pending.length > 0;
    write("\n");
    pending = [];
    (rl as unknown as { line: string; cursor: number }).line = "";
    (rl as unknown as { line: string; cursor: number }).cursor = 0;
    if (!typed) {
      if (interruptedAtPrompt) leave();
      interruptedAtPrompt = true;
      write("(to leave, press Ctrl-C again, Ctrl-D, or type ,q)\n");
    }
    prompt();
  });

  rl.on("close", () => {
    const finish = async (): Promise<void> => {
      while (busy || queue.length > 0) {
        await drain();
        await new Promise((r) => setTimeout(r, 5));
      }
      if (pending.length > 0) await evaluateChunk(system, `${pending.join("\n")}\n`, show, pendingLine);
      leave();
    };
    void finish();
  });

  if (interactive) {
    write("Termite Scheme (,h for help)\n");
    prompt();
  }
}

// ## History
//
// Readline records every line typed; the REPL keeps instead one entry per complete form, so Up
// brings a multi-line form back whole. Interactive input is kept across sessions in
// `~/.termite_history` (TERMITE_HISTORY names another file), one JSON string per line.

const HISTORY_FILE = process.env.TERMITE_HISTORY ?? join(homedir(), ".termite_history");
const HISTORY_SIZE = 1000;

class FormHistory {
  /** Complete forms, newest first. */
  private forms: string[];

  constructor(private readonly rl: Interface) {
    this.forms = [...this.readlineList()];
  }

  /** Readline's own list, newest first: the one it walks with Up and Down. */
  private readlineList(): string[] {
    return (this.rl as unknown as { history: string[] }).history;
  }

  /** Puts the forms back in readline's list, undoing the entry it made for the line just typed. */
  sync(): void {
    const list = this.readlineList();
    list.splice(0, list.length, ...this.forms);
  }

  add(form: string): void {
    this.forms = [form, ...this.forms.filter((e) => e !== form)].slice(0, HISTORY_SIZE);
    this.sync();
    try {
      appendFileSync(HISTORY_FILE, `${JSON.stringify(form)}\n`);
    } catch {
      // A read-only home is no reason to stop the REPL.
    }
  }
}

function loadHistory(): string[] {
  try {
    return readFileSync(HISTORY_FILE, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map(parseHistoryLine)
      .slice(-HISTORY_SIZE)
      .reverse();
  } catch {
    return [];
  }
}

/** A history line is a JSON string; a line of the older plain format is taken as it is. */
function parseHistoryLine(line: string): string {
  try {
    const entry: unknown = JSON.parse(line);
    if (typeof entry === "string") return entry;
  } catch {
    // not JSON: an entry of the plain format
  }
  return line;
}
