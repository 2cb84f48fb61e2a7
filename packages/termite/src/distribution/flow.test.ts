// Order and flow between nodes: random message sequences from several processes arrive complete
// and in order per pair of processes; a peer whose queue is full parks the sender, not the node.

import { intern } from "@termite/datum";
import { createMemoryTransport, MemoryNetwork, type Transport } from "@termite/transport";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { processesOf } from "../termite-library/index.js";
import { testNode, until } from "./test-network.js";

describe("ordering between two nodes", () => {
  it("random sequences from three processes arrive complete and in order per sender", async () => {
    const net = new MemoryNetwork();
    const a = await testNode(net);
    const b = await testNode(net);
    await a.run(`(node-init "mem:a")`);
    await b.run(`(node-init "mem:b")`);
    const value = fc.oneof(
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 5 }),
    );
    const literal = (v: number | number[]) => (Array.isArray(v) ? `(${v.join(" ")})` : String(v));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), value), { minLength: 1, maxLength: 60 }),
        async (messages) => {
          const name = `collect-${run++}`;
          const perSender = [0, 1, 2].map((i) =>
            messages.filter(([s]) => s === i).map(([, v]) => literal(v)),
          );
          const collected = b.run(`(publish-service '${name} (self))
          (define got (let loop ((n ${messages.length}) (acc '()))
                        (if (= n 0) (reverse acc) (loop (- n 1) (cons (?) acc)))))
          (map (lambda (i) (map cadr (filter (lambda (m) (= (car m) i)) got))) '(0 1 2))`);
          await until(() => processesOf(b.system)!.resolve(intern(name)) !== undefined);
          await a.run(`(let ((target (remote-service '${name} "mem:b")))
          ${perSender
            .map(
              (vs, i) =>
                `(spawn (lambda () (for-each (lambda (v) (! target (list ${i} v))) '(${vs.join(" ")}))))`,
            )
            .join("\n")})`);
          expect(await collected).toBe(`(${perSender.map((vs) => `(${vs.join(" ")})`).join(" ")})`);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

/** A transport whose sends stay pending while its gate is shut, as when the peer's queue is full. */
function gated(inner: Transport): Transport & { shut(): void; open(): void } {
  let gate: Promise<void> | undefined;
  let release = () => {};
  return {
    scheme: inner.scheme,
    limits: inner.limits,
    get address() {
      return inner.address;
    },
    listen: (address) => inner.listen(address),
    on: (event, listener) => inner.on(event, listener),
    close: () => inner.close(),
    send(to, frame) {
      const sent = inner.send(to, frame);
      return gate === undefined ? sent : Promise.all([sent, gate]).then(() => undefined);
    },
    shut() {
      gate = new Promise((r) => {
        release = r;
      });
    },
    open() {
      gate = undefined;
      release();
    },
  };
}

describe("back-pressure", () => {
  it("a sender to a peer whose queue is full waits; the node's other processes go on", async () => {
    const net = new MemoryNetwork();
    const transport = gated(createMemoryTransport({ network: net }));
    const a = await testNode(net, "compile", { transports: [transport], maxPendingSends: 8 });
    const b = await testNode(net);
    await b.run(`(node-init "mem:b")`);
    const received = b.run(`(publish-service 'sink (self))
      (let loop ((n 100) (acc '())) (if (= n 0) (reverse acc) (loop (- n 1) (cons (?) acc))))`);
    await until(() => processesOf(b.system)!.resolve(intern("sink")) !== undefined);
    await a.run(`(node-init "mem:a")
      (define sent 0)
      (define ticks 0)
      (spawn (lambda () (let loop () (set! ticks (+ ticks 1)) (thread-sleep! 0.001) (loop))))`);
    transport.shut();
    await a.run(`(spawn (lambda ()
      (let ((sink (remote-service 'sink "mem:b")))
        (do ((i 0 (+ i 1))) ((= i 100)) (! sink i) (set! sent (+ sent 1))))))`);
    await new Promise((r) => setTimeout(r, 200));
    const stuck = Number(await a.run("sent"));
    const ticksBefore = Number(await a.run("ticks"));
    await new Promise((r) => setTimeout(r, 100));
    expect(stuck).toBeGreaterThan(0);
    expect(stuck).toBeLessThanOrEqual(9);
    expect(Number(await a.run("sent"))).toBe(stuck);
    expect(Number(await a.run("ticks"))).toBeGreaterThan(ticksBefore);
    transport.open();
    expect(await received).toBe(`(${Array.from({ length: 100 }, (_, i) => i).join(" ")})`);
    expect(await a.run("sent")).toBe("100");
  }, 60_000);
});
