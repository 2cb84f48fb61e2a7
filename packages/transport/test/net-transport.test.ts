// The README's tutorial transport passes the kit, and the README shows exactly this code.

import { readFileSync } from "node:fs";
import { describeTransportConformance } from "@termite/transport/conformance";
import { describe, expect, it } from "vitest";
import { createNetTransport } from "./net-transport.js";

// Ports 41500–41599 belong to this file.
let nextPort = 41500;

describeTransportConformance(
  "the README's transport over node:net",
  {
    makeTransport: (limits) => createNetTransport({ ...limits }),
    listenAddress: () => `net://127.0.0.1:${nextPort++}`,
    unreachableAddress: () => `net://127.0.0.1:${41599 - (nextPort++ % 40)}`,
  },
  { describe, it },
);

describe("the README", () => {
  it("shows test/net-transport.ts as it is", () => {
    const code = readFileSync(new URL("./net-transport.ts", import.meta.url), "utf8");
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const block = /```ts file=test\/net-transport\.ts\n([\s\S]*?)```/.exec(readme);
    expect(block, "README has a ```ts file=test/net-transport.ts block").not.toBeNull();
    expect(block![1]).toBe(code);
  });
});
