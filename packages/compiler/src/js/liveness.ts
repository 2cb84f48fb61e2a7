// ## Which locals are live after each control point
//
// A frame must hold every value the rest of the procedure may read after its call returns, and
// nothing else. One backward pass over the statements, as the resume function runs them: there a
// self tail call is `return self(…)` (nothing after it runs), so the loop's back edge adds no
// liveness. A local is live when some path reads it before assigning it; a box is read by storing
// into it; a call that enters this procedure's unchecked entry reads the procedure itself (the
// resume function finds that entry through it). Linear in the size of the body.

import { type Expr, forEachCalleeRead, forEachRead, type Local, type ProcedureIR, type Stmt } from "./ir.js";

/** For each control point of `procedure`: the locals live after its call, less the call's result. */
export function liveAfterControlPoints(procedure: ProcedureIR): Map<number, Set<Local>> {
  const result = new Map<number, Set<Local>>();
  const reads = (e: Expr, live: Set<Local>) => forEachRead(e, (l) => live.add(l));
  /** Turns `live`, what is live after `block`, into what is live before it. */
  const before = (block: readonly Stmt[], live: Set<Local>): void => {
    for (let i = block.length - 1; i >= 0; i--) {
      const s = block[i]!;
      switch (s.k) {
        case "assign":
          live.delete(s.target);
          reads(s.value, live);
          break;
        case "set-box":
          live.add(s.box);
          reads(s.value, live);
          break;
        case "set-global":
        case "define":
        case "effect":
          reads(s.value, live);
          break;
        case "call": {
          live.delete(s.target);
          if (s.cp !== undefined) result.set(s.cp, new Set(live));
          forEachCalleeRead(s.callee, procedure.self, (l) => live.add(l));
          for (const a of s.args) reads(a, live);
          break;
        }
        case "return":
          live.clear();
          reads(s.value, live);
          break;
        case "tail-call":
          live.clear();
          forEachCalleeRead(s.callee, procedure.self, (l) => live.add(l));
          for (const a of s.args) reads(a, live);
          break;
        case "self-tail":
          live.clear();
          live.add(procedure.self);
          for (const a of s.args) reads(a, live);
          break;
        case "if": {
          const otherwise = new Set(live);
          before(s.yes, live);
          before(s.no, otherwise);
          for (const l of otherwise) live.add(l);
          reads(s.test, live);
          break;
        }
      }
    }
  };
  before(procedure.body, new Set());
  return result;
}
