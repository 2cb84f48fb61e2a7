// The REPL at a real terminal (a pseudo-terminal through util-linux `script`): interrupting,
// clearing and leaving with the keys a person uses, history, output without a final newline,
// several forms on a line, and errors that keep the session and say where.

import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { hasScript, openTerminal, type Terminal } from "./terminal.js";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const PROMPT = /\n> $/;
const opened: Terminal[] = [];

function repl(): { terminal: Terminal; historyFile: string } {
  const historyFile = join(mkdtempSync(join(tmpdir(), "termite-repl-")), "history");
  const terminal = openTerminal(`${JSON.stringify(process.execPath)} ${JSON.stringify(cli)}`, {
    env: { ...process.env, TERMITE_HISTORY: historyFile },
  });
  opened.push(terminal);
  return { terminal, historyFile };
}

/** Types a line and waits for the next prompt; answers what was shown in between. */
async function enter(t: Terminal, line: string, prompt = PROMPT): Promise<string> {
  t.mark();
  t.type(`${line}\r`);
  return t.waitFor(prompt);
}

afterEach(() => {
  for (const t of opened.splice(0)) t.kill();
});

// Without util-linux `script` there is no pseudo-terminal to drive (it is on the CI machine).
describe.skipIf(!hasScript)("the REPL at a terminal", () => {
  it("Ctrl-C interrupts a runaway evaluation and keeps every definition", async () => {
    const { terminal: t } = repl();
    await t.waitFor(PROMPT);
    await enter(t, "(define kept 41)");
    await enter(t, "(define (spin n) (spin (+ n 1)))");
    t.mark();
    t.type("(spin 0)\r");
    // Let it run a while: the interrupt must stop a loop that is really running.
    await new Promise((r) => setTimeout(r, 1500));
    t.type("\x03");
    expect(await t.waitFor(PROMPT)).toContain("interrupted");
    expect(await enter(t, "(+ kept 1)")).toContain("42\n");
  });

  it("keeps output without a final newline, and writes each form's value of a line", async () => {
    const { terminal: t } = repl();
    await t.waitFor(PROMPT);
    expect(await enter(t, '(display "hi")')).toMatch(/\nhi\n> $/);
    expect(await enter(t, '1 (display "a") "two" (+ 1 2)')).toMatch(/\n1\na\n"two"\n3\n> $/);
  });

  it("keeps a multi-line form as one history entry", async () => {
    const { terminal: t, historyFile } = repl();
    await t.waitFor(PROMPT);
    await enter(t, "(list 1", /\n\.\.\. $/);
    expect(await enter(t, "  2)")).toContain("(1 2)\n");
    t.mark();
    t.type("\x1b[A\r");
    expect(await t.waitFor(PROMPT)).toContain("(1 2)\n");
    expect(readFileSync(historyFile, "utf8")).toBe(`${JSON.stringify("(list 1\n  2)")}\n`.repeat(2));
  });

  it("reports an error with its line and column in the session, and goes on", async () => {
    const { terminal: t } = repl();
    await t.waitFor(PROMPT);
    await enter(t, "(define (f x) (car x))");
    const shown = await enter(t, "(+ 1 (f 5))");
    expect(shown).toContain("error: car: expected a pair (argument 1) 5");
    expect(shown).toMatch(/in f \(<repl>:1:15\)/);
    expect(shown).toMatch(/\(<repl>:2:6\)/);
    expect(await enter(t, "  no-such-variable")).toMatch(
      /unbound variable no-such-variable[\s\S]*<repl>:3:3/,
    );
    expect(await enter(t, '"still here"')).toContain('"still here"\n');
  });

  it("Ctrl-C clears the line being typed; twice at an empty prompt leaves", async () => {
    const { terminal: t } = repl();
    await t.waitFor(PROMPT);
    t.mark();
    t.type("(this is not finished");
    await t.waitFor(/finished$/);
    t.type("\x03");
    await t.waitFor(PROMPT);
    // The cleared text is not evaluated: the next line is read alone.
    expect(await enter(t, "(* 6 7)")).toMatch(/\n42\n> $/);
    t.mark();
    t.type("\x03");
    expect(await t.waitFor(PROMPT)).toContain("to leave, press Ctrl-C again");
    t.type("\x03");
    expect(await t.exited).toBe(0);
  });

  it("Ctrl-D at an empty prompt leaves, and so does ,q", async () => {
    const a = repl().terminal;
    await a.waitFor(PROMPT);
    a.type("\x04");
    expect(await a.exited).toBe(0);
    const b = repl().terminal;
    await b.waitFor(PROMPT);
    b.type(",q\r");
    expect(await b.exited).toBe(0);
  });
});
