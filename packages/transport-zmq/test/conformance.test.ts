import { describeTransportConformance } from "@termite/transport/conformance";
import { describe, it } from "vitest";
import { createZmqTransport } from "../src/index.js";

// Ports 41000–41299 belong to this file (tests in other files run at the same time).
let nextPort = 41000;

describeTransportConformance(
  "the ZeroMQ transport",
  {
    makeTransport: (limits) => createZmqTransport({ ...limits }),
    listenAddress: () => `tcp://127.0.0.1:${nextPort++}`,
    unreachableAddress: () => `tcp://127.0.0.1:${41299 - (nextPort++ % 50)}`,
  },
  { describe, it },
);
