import { describe, it } from "vitest";
import { describeTransportConformance } from "../src/conformance/index.js";
import { createMemoryTransport, MemoryNetwork } from "../src/index.js";

const network = new MemoryNetwork();
let next = 0;

describeTransportConformance(
  "the in-memory transport",
  {
    makeTransport: (limits) => createMemoryTransport({ network, ...limits }),
    listenAddress: () => `mem:conformance-${next++}`,
    unreachableAddress: () => `mem:nobody-${next++}`,
  },
  { describe, it },
);
