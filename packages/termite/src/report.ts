// ## How an uncaught condition is shown to a person
//
// The message and irritants, then the Scheme call sites it passed through (innermost first), each
// as `procedure (file:line:col)`: never JS internals.

import { display, ErrorObject, formatLocation, write } from "@termite/datum";
import { backtraceOf } from "@termite/runtime";

export function describeCondition(condition: unknown): string {
  let text: string;
  if (condition instanceof ErrorObject) {
    const who = condition.who ? `${condition.who}: ` : "";
    const irritants = condition.irritants.map((i) => ` ${write(i)}`).join("");
    text = `error: ${who}${condition.message}${irritants}\n`;
  } else {
    text = `uncaught exception: ${write(condition)}\n`;
  }
  for (const entry of backtraceOf(condition)) {
    const where = entry.location ? ` (${formatLocation(entry.location)})` : "";
    text += `  in ${entry.procedure ?? "top level"}${where}\n`;
  }
  return text;
}

export { display };
