// Scripts see R5RS's names as under Gambit's gsi, and (scheme r5rs) exports all that R7RS
// Appendix A lists for it.

import { write } from "@termite/datum";
import { parseModulePath } from "@termite/namespace";
import { memoryIoContext } from "@termite/runtime";
import { describe, expect, it } from "vitest";
import { createSystem } from "./create-system.js";
import { R5RS_PROCEDURES, R5RS_SYNTAX } from "./r5rs.js";
import type { TermiteSystem } from "./system.js";

async function run(text: string, system?: TermiteSystem): Promise<string> {
  const s = system ?? (await createSystem({ io: memoryIoContext() }));
  const r = await s.runScript(text, "test.scm");
  if (!r.normal) throw new Error(`script failed: ${write(r.condition)}`);
  return write(r.value);
}

describe("R5RS names", () => {
  it("are bound in a script without an import", async () => {
    expect(await run("(list (exact->inexact 1/2) (inexact->exact 0.5))")).toBe("(0.5 1/2)");
    expect(await run("(eval '(* 2 3) (scheme-report-environment 5))")).toBe("6");
  });

  it("are all exported by (scheme r5rs), with its two environment procedures", async () => {
    const system = await createSystem({ io: memoryIoContext() });
    const exports = system.registry.library(parseModulePath("scheme/r5rs"))!.exports;
    const missing = [
      ...R5RS_PROCEDURES,
      ...R5RS_SYNTAX,
      "null-environment",
      "scheme-report-environment",
    ].filter((n) => !exports.has(n));
    expect(missing).toEqual([]);
  });

  it("null-environment binds the syntax only, and both ask for version 5", async () => {
    const system = await createSystem({ io: memoryIoContext() });
    expect(await run("(eval '(let ((x 1)) (if x 'a 'b)) (null-environment 5))", system)).toBe("a");
    const unbound = await system.runScript("(eval '(car '(1)) (null-environment 5))", "t.scm");
    expect(unbound.normal).toBe(false);
    const version = await system.runScript("(scheme-report-environment 4)", "t.scm");
    if (version.normal) throw new Error("(scheme-report-environment 4) returned");
    expect(write(version.condition)).toContain("only version 5");
  });
});
