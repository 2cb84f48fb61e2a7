// ## How an uncaught condition is shown to a person
//
// The message and irritants, then the Scheme call sites it passed through (innermost first), each
// as `procedure (file:line:col)`: never JS internals. A process's uncaught error is shown the same
// way, so an error is placed wherever it happens.

import { display, ErrorObject, formatLocation, type SourceLocation, write } from "@termite/datum";
import { backtraceOf, type TraceEntry } from "@termite/runtime";

/**
 * `where` is the top-level form that was running: it places a condition whose trace knows no
 * position at all (a bare variable read at the REPL has none of its own: symbols carry no position).
 */
export function describeCondition(condition: unknown, where?: SourceLocation): string {
  let text: string;
  if (condition instanceof ErrorObject) {
    const who = condition.who ? `${condition.who}: ` : "";
    const irritants = condition.irritants.map((i) => ` ${write(i)}`).join("");
    text = `error: ${who}${condition.message}${irritants}\n`;
  } else {
    text = `uncaught exception: ${write(condition)}\n`;
  }
  const trace = backtraceOf(condition);
  if (where !== undefined && !trace.some((entry) => entry.location !== undefined)) {
    const inner = trace.filter((entry) => entry.procedure !== undefined);
    return `${text}${traceText(inner)}  in top level (${formatLocation(where)})\n`;
  }
  return text + traceText(trace);
}

/** The Scheme call sites `condition` passed through, one `  in f (file:line:col)` line each. */
export function backtraceText(condition: unknown): string {
  return traceText(backtraceOf(condition));
}

function traceText(trace: readonly TraceEntry[]): string {
  let text = "";
  for (const entry of trace) {
    const where = entry.location ? ` (${formatLocation(entry.location)})` : "";
    text += `  in ${entry.procedure ?? "top level"}${where}\n`;
  }
  return text;
}

export { display };
