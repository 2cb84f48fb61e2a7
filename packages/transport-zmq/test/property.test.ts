// Random interleavings of sends between two ZeroMQ nodes arrive complete, unaltered and in order
// per pair. Ports 41600–41609.

import type { Transport } from "@termite/transport";
import fc from "fast-check";
import { expect, it } from "vitest";
import { createZmqTransport } from "../src/index.js";

type Step = { fromA: boolean; bytes: Uint8Array; awaitIt: boolean };

const steps = fc.array(
  fc.record({ fromA: fc.boolean(), bytes: fc.uint8Array({ maxLength: 3000 }), awaitIt: fc.boolean() }),
  { maxLength: 300 },
);

async function exchange(a: Transport, b: Transport, plan: Step[]): Promise<void> {
  const atA: Uint8Array[] = [];
  const atB: Uint8Array[] = [];
  const offA = a.on("frame", (_from, frame) => void atA.push(frame));
  const offB = b.on("frame", (_from, frame) => void atB.push(frame));
  const pending: Promise<void>[] = [];
  for (const step of plan) {
    const sending = step.fromA ? a.send(b.address!, step.bytes) : b.send(a.address!, step.bytes);
    if (step.awaitIt) await sending;
    else pending.push(sending);
  }
  await Promise.all(pending);
  await expect.poll(() => atB.length + atA.length, { timeout: 20_000 }).toBe(plan.length);
  expect(atB.map((f) => Buffer.from(f).toString("hex"))).toEqual(
    plan.filter((s) => s.fromA).map((s) => Buffer.from(s.bytes).toString("hex")),
  );
  expect(atA.map((f) => Buffer.from(f).toString("hex"))).toEqual(
    plan.filter((s) => !s.fromA).map((s) => Buffer.from(s.bytes).toString("hex")),
  );
  offA();
  offB();
}

it("random sequences between two ZeroMQ nodes arrive complete and in order per pair", async () => {
  const a = createZmqTransport({ maxQueuedFrames: 4 });
  const b = createZmqTransport({ maxQueuedFrames: 4 });
  try {
    await a.listen("tcp://127.0.0.1:41600");
    await b.listen("tcp://127.0.0.1:41601");
    await fc.assert(
      fc.asyncProperty(steps, (plan) => exchange(a, b, plan)),
      { numRuns: 40 },
    );
  } finally {
    await a.close();
    await b.close();
  }
});
