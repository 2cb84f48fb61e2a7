// The SRFI 1 procedures written in the prelude accept several lists, as SRFI 1 says, and stop at
// the shortest.

import { write } from "@termite/datum";
import { memoryIoContext } from "@termite/runtime";
import { describe, expect, it } from "vitest";
import { createSystem } from "./create-system.js";

async function run(text: string): Promise<string> {
  const system = await createSystem({ io: memoryIoContext() });
  const r = await system.runScript(`(import (srfi 1))\n${text}`, "test.scm");
  if (!r.normal) throw new Error(`script failed: ${write(r.condition)}`);
  return write(r.value);
}

describe("prelude SRFI 1 procedures over several lists", () => {
  it("count, list-index, filter-map and append-map", async () => {
    expect(await run("(count < '(1 2 4 8) '(2 4 6 8 10))")).toBe("3");
    expect(await run("(list-index = '(1 2 3) '(0 2 9))")).toBe("1");
    expect(await run("(list-index = '(1 2) '(0 0 2))")).toBe("#f");
    expect(await run("(filter-map (lambda (a b) (and (< a b) (* a b))) '(1 5 2) '(2 3 4 9))")).toBe("(2 8)");
    expect(await run("(append-map list '(1 2) '(a b c))")).toBe("(1 a 2 b)");
  });
  it("still take one list", async () => {
    expect(
      await run("(list (count even? '(1 2 4)) (list-index even? '(1 3 4)) (append-map list '(1 2)))"),
    ).toBe("(2 2 (1 2))");
  });
});
