// ## Why a process ended, as told to another node
//
// A process that failed sends its condition (an error object travels as data) and where it was
// raised: the Scheme call sites the condition passed through (procedure, file:line:col), which on
// its own node live beside the condition, not in it. The receiving node notes them again on the
// condition it revives and on the `linked-process-failed` it makes, each marked with the node, so
// a backtrace printed there reads `in loop on tcp://127.0.0.1:7000 (server.scm:5:9)`.

import { ErrorObject, intern, MString, type SourceLocation, write } from "@termite/datum";
import { backtraceOf, type ExitReason, noteCallSite, SchemeRaise } from "@termite/runtime";

export const NORMAL = intern("normal");
export const NOCONNECTION = intern("noconnection");
export const NOPROC = intern("noproc");

/** `#(procedure-or-#f file-or-#f line column)` per call site, innermost first. */
export type PackedTrace = unknown[][];

export function packTrace(condition: unknown): PackedTrace {
  return backtraceOf(condition).map((e) => [
    e.procedure ?? false,
    e.location?.file ?? false,
    e.location?.line ?? 0,
    e.location?.column ?? 0,
  ]);
}

/** The reason field of an exit or DOWN notice: `normal`, or the condition. */
export function reasonValue(reason: ExitReason): unknown {
  return reason.normal ? NORMAL : reason.condition;
}

/**
 * A condition that cannot travel as it is (an irritant is an open port…) is sent as an error object
 * with its text, so the linked processes still learn what happened.
 */
export function carriableCondition(condition: unknown): unknown {
  if (condition instanceof ErrorObject)
    return new ErrorObject(
      condition.kind,
      condition.message,
      condition.irritants.map((i) => new MString(write(i))),
      condition.who,
    );
  return new ErrorObject("error", write(condition), []);
}

function text(x: unknown): string | undefined {
  return x === false || x === undefined ? undefined : String(x);
}

/** Notes the remote call sites of `trace` on `condition`, each marked with `node`. */
export function noteRemoteTrace(condition: unknown, trace: unknown, node: string): void {
  if (!Array.isArray(trace) || typeof condition !== "object" || condition === null) return;
  const raised = new SchemeRaise(condition);
  for (const entry of trace) {
    if (!Array.isArray(entry) || entry.length !== 4) continue;
    const [procedure, file, line, column] = entry;
    const location: SourceLocation | undefined =
      typeof line === "number" && line > 0
        ? { file: text(file), line, column: typeof column === "number" ? column : 0 }
        : undefined;
    noteCallSite(raised, `${text(procedure) ?? "top level"} on ${node}`, location);
  }
}
