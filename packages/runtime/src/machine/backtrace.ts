// ## Scheme backtraces
//
// As a raised condition travels out through the JS frames of Scheme code, each call site it passes
// notes where it is. The notes are kept beside the condition (weakly), never inside it, so the
// condition itself stays plain data that can be sent to another node.

import type { SourceLocation } from "@termite/datum";
import { SchemeRaise } from "../errors.js";
import { ThreadExit } from "./thread.js";

/** One line of a backtrace: the procedure and the call site inside it. */
export interface TraceEntry {
  readonly procedure: string | undefined;
  readonly location: SourceLocation | undefined;
}

const MAX_ENTRIES = 12;
const traces = new WeakMap<object, TraceEntry[]>();

function payloadOf(e: unknown): unknown {
  if (SchemeRaise.isInstance(e)) return e.payload;
  if (e instanceof ThreadExit && !e.reason.normal) return e.reason.condition;
  return undefined;
}

/** Called by a call site that a condition is passing through. Cheap when the trace is full. */
export function noteCallSite(
  e: unknown,
  procedure: string | undefined,
  location: SourceLocation | undefined,
): void {
  const payload = payloadOf(e);
  if (typeof payload !== "object" || payload === null) return;
  let entries = traces.get(payload);
  if (entries === undefined) {
    entries = [];
    traces.set(payload, entries);
  }
  if (entries.length < MAX_ENTRIES) entries.push({ procedure, location });
}

/** The call sites a condition passed through, innermost first. */
export function backtraceOf(condition: unknown): readonly TraceEntry[] {
  return (typeof condition === "object" && condition !== null && traces.get(condition)) || [];
}
