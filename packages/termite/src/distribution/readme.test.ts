// The README's server and client run on two nodes (in memory) and print what the comments say.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { intern } from "@termite/datum";
import { MemoryNetwork } from "@termite/transport";
import { expect, it } from "vitest";
import { processesOf } from "../termite-library/index.js";
import { testNode, until } from "./test-network.js";

it("the README's server and client run", async () => {
  const readme = readFileSync(join(__dirname, "README.md"), "utf8");
  const [server, client] = [...readme.matchAll(/```scheme\n([\s\S]*?)```/g)].map((m) =>
    m[1]!.replaceAll('":7000"', '"mem:readme"'),
  );
  const net = new MemoryNetwork();
  const a = await testNode(net);
  const b = await testNode(net);
  void a.start(server!);
  await until(() => processesOf(a.system)!.resolve(intern("counter")) !== undefined);
  await b.run(client!);
  expect(b.io.stdoutText).toBe("5\npong\n#t\n");
});
