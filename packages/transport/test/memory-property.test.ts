// Random interleavings of sends between two nodes arrive complete, unaltered and in order per pair.

import fc from "fast-check";
import { expect, it } from "vitest";
import { createMemoryTransport, MemoryNetwork, type Transport } from "../src/index.js";

type Step = { fromA: boolean; bytes: Uint8Array; awaitIt: boolean };

const steps = fc.array(
  fc.record({ fromA: fc.boolean(), bytes: fc.uint8Array({ maxLength: 300 }), awaitIt: fc.boolean() }),
  { maxLength: 200 },
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
  const toB = plan.filter((s) => s.fromA).map((s) => [...s.bytes]);
  const toA = plan.filter((s) => !s.fromA).map((s) => [...s.bytes]);
  await expect.poll(() => atB.length + atA.length, { timeout: 10_000 }).toBe(plan.length);
  expect(atB.map((f) => [...f])).toEqual(toB);
  expect(atA.map((f) => [...f])).toEqual(toA);
  offA();
  offB();
}

it("random sequences between two in-memory nodes arrive complete and in order per pair", async () => {
  const network = new MemoryNetwork();
  const a = createMemoryTransport({ network, maxQueuedFrames: 4 });
  const b = createMemoryTransport({ network, maxQueuedFrames: 4 });
  await a.listen("mem:a");
  await b.listen("mem:b");
  await fc.assert(
    fc.asyncProperty(steps, (plan) => exchange(a, b, plan)),
    { numRuns: 100 },
  );
  await a.close();
  await b.close();
});
