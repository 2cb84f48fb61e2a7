// ## Requests waiting for a peer's answer (remote spawn, ping)
//
// Each waits under a number the answer repeats; it is settled once: by the answer (only from the
// peer it was sent to), by a timeout of its own, or when that peer is lost or refused.

import { processError } from "../termite-library/process-node.js";

export type Outcome = { readonly value: unknown } | { readonly condition: unknown };

interface Request {
  readonly peer: string;
  readonly settle: (outcome: Outcome) => void;
}

export class Requests {
  private readonly waiting = new Map<number, Request>();
  private count = 0;

  /** A number for a new request; `wait` registers it. */
  next(): number {
    return ++this.count;
  }

  wait(id: number, peer: string, settle: (outcome: Outcome) => void): void {
    this.waiting.set(id, { peer, settle });
  }

  /** Forgets request `id` without settling it (its own timeout fired); false if already settled. */
  drop(id: number): boolean {
    return this.waiting.delete(id);
  }

  /** The answer to `id` from `from`; ignored if unknown or from another peer. */
  settle(id: unknown, outcome: Outcome, from: string): void {
    const request = typeof id === "number" ? this.waiting.get(id) : undefined;
    if (request === undefined || request.peer !== from) return;
    this.waiting.delete(id as number);
    request.settle(outcome);
  }

  /** `node` is gone: its requests fail with `noconnection`, saying `why`. */
  lost(node: string, why: string): void {
    for (const [id, request] of this.waiting) {
      if (request.peer !== node) continue;
      this.waiting.delete(id);
      request.settle({ condition: processError("noconnection", "remote-spawn", `node ${node} ${why}`) });
    }
  }
}
