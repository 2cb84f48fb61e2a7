import { describeTransportConformance } from "@termite/transport/conformance";
import { describe, it } from "vitest";
import { createWsTransport } from "../src/index.js";

// Ports 47000–47299 belong to this file (tests in other files run at the same time).
let nextPort = 47000;

describeTransportConformance(
  "the WebSocket transport (server nodes)",
  {
    makeTransport: (limits) => createWsTransport({ ...limits }),
    listenAddress: () => `ws://127.0.0.1:${nextPort++}`,
    unreachableAddress: () => `ws://127.0.0.1:${47299 - (nextPort++ % 50)}`,
  },
  { describe, it },
);
