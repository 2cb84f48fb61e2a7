// The README's first example runs and prints what its comments say.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { testNode } from "./test-nodes.js";

it("the README example runs", async () => {
  const readme = readFileSync(join(__dirname, "README.md"), "utf8");
  const example = /```scheme\n([\s\S]*?)```/.exec(readme)![1]!;
  const node = await testNode();
  await node.run(example);
  expect(node.io.stdoutText).toBe("2\n2\n42\n");
});
