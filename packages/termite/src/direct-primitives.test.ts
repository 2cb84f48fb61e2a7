// The compiler calls the runtime's pure primitives directly (no global lookup, no frame). That is
// only right while each such global still holds that primitive once the system has booted.

import { PURE_PRIMITIVES } from "@termite/compiler";
import { procedureKind, write } from "@termite/datum";
import { memoryIoContext } from "@termite/runtime";
import { describe, expect, it } from "vitest";
import { createSystem } from "./create-system.js";
import { describeCondition } from "./report.js";

describe("pure primitives called directly by compiled code", () => {
  it("are what their globals hold after boot (the prelude's member and assoc extend them)", async () => {
    const system = await createSystem({ io: memoryIoContext() });
    const replaced: string[] = [];
    for (const name of PURE_PRIMITIVES.keys()) {
      if (!system.globals.isDefined(name)) continue; // a shared procedure: its global is another name's
      if (procedureKind(system.globals.lookup(name)) !== "primitive") replaced.push(name);
    }
    // The prelude's versions take an optional predicate; with two arguments they call the primitive.
    expect(replaced.sort()).toEqual([
      "scheme/base#assoc",
      "scheme/base#member",
      "srfi/1#assoc",
      "srfi/1#member",
    ]);
  });

  it("behave in compiled code as through their globals, errors and positions included", async () => {
    const system = await createSystem({ io: memoryIoContext() });
    const ok = await system.runScript(
      `(define v (make-vector 3 0))
       (vector-set! v 1 'x)
       (list (eq? 'a 'a) (vector-length v) (vector-ref v 1) (string-ref "abc" 2)
             (member 2 '(1 2 3)) (member 2.0 '(1 2 3) =) (assoc 'b '((a 1) (b 2))) (length '(1 2)))`,
      "direct.scm",
    );
    expect(ok.normal && write(ok.value)).toBe("(#t 3 x #\\c (2 3) (2 3) (b 2) 2)");
    const bad = await system.runScript(
      "(define v (vector 1 2))\n(define (f) (vector-set! v 5 0))\n(f)",
      "bad.scm",
    );
    expect(bad.normal).toBe(false);
    const text = describeCondition(bad.normal ? undefined : bad.condition);
    expect(text).toContain("vector-set!");
    expect(text).toContain("in f (bad.scm:2:13)");
  });
});
