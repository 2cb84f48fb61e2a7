// ## Frame layouts: which value sits in which slot of a frame
//
// A frame of a compiled procedure is `{code, cp, values}`: `values` are the locals live after
// control point `cp` (liveness.ts), in the order the procedure declares them (lower.ts: free
// variables, the procedure itself, parameters, then other locals as they are met). The layout is
// ABI: the resume function, the same procedure compiled alone on another node, and every frame
// already on the wire must agree on it, so it depends on nothing but the lowered structure.

import type { Local, ProcedureIR } from "./ir.js";
import { liveAfterControlPoints } from "./liveness.js";

/** The slots of each control point's frame, by control point. */
export type FrameLayouts = ReadonlyMap<number, readonly Local[]>;

export function frameLayouts(procedure: ProcedureIR): FrameLayouts {
  const layouts = new Map<number, readonly Local[]>();
  for (const [cp, live] of liveAfterControlPoints(procedure)) {
    layouts.set(
      cp,
      [...live].sort((a, b) => a.order - b.order),
    );
  }
  return layouts;
}
