// The README's first example runs and prints what its comments say.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { testSystem } from "./test-system.js";

it("the README example runs", async () => {
  const readme = readFileSync(join(__dirname, "README.md"), "utf8");
  const example = /```scheme\n([\s\S]*?)```/.exec(readme)![1]!;
  const t = await testSystem();
  await t.run(example);
  expect(t.io.stdoutText).toBe("PONG\n3\nnothing-else\n");
});
