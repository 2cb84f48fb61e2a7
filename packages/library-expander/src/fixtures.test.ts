// Fixture files: each `fixtures/expand/NAME.sld` or `.scm` beside its expected printed expansion
// `NAME.expanded`. Libraries say under which name they are loaded in a first-line `;; as:` comment.
// Run with UPDATE_FIXTURES=1 to rewrite the expected files after a deliberate change.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { printCore } from "@termite/core";
import { describe, expect, it } from "vitest";
import { testRegistry } from "../test/evaluate-core.js";
import { expandLibrary, expandScript } from "./index.js";

const root = new URL("../fixtures", import.meta.url).pathname;
const dir = join(root, "expand");
const inputs = readdirSync(dir).filter((f) => f.endsWith(".sld") || f.endsWith(".scm"));

describe("fixtures", () => {
  for (const input of inputs) {
    it(input, () => {
      const text = readFileSync(join(dir, input), "utf8");
      const registry = testRegistry({ searchPath: [join(root, "modules")] });
      const as = /^;; as: (\S+)/.exec(text)?.[1];
      const module = input.endsWith(".sld")
        ? expandLibrary(registry, text, { as, file: `fixtures/expand/${input}` })
        : expandScript(registry, text, { file: `fixtures/expand/${input}` });
      const printed = printCore(module);
      const expectedFile = join(dir, input.replace(/\.(sld|scm)$/, ".expanded"));
      if (process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, printed);
      expect(printed).toBe(readFileSync(expectedFile, "utf8"));
    });
  }
});
