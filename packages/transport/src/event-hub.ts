// ## Listeners and ordered delivery
//
// Holds a transport's listeners and delivers incoming frames one at a time, in arrival order,
// pausing while a frame listener's promise is pending (the receiver's side of back-pressure).
// Listener errors become `handler-failed` problems, never exceptions in the carrier's code.

import { TransportError } from "./errors.js";
import type { NodeAddress, PeerLost, TransportEvents } from "./transport.js";

type Listeners = { [E in keyof TransportEvents]: Set<TransportEvents[E]> };

/** Listeners of one transport, with an ordered, pausable frame delivery. */
export class EventHub {
  private readonly listeners: Listeners = { frame: new Set(), peerLost: new Set(), problem: new Set() };
  private muted = false;

  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void {
    const set = this.listeners[event] as Set<TransportEvents[E]>;
    set.add(listener);
    return () => set.delete(listener);
  }

  /** After `mute`, no event reaches a listener (a closed transport is silent). */
  mute(): void {
    this.muted = true;
  }

  /**
   * Calls every frame listener; returns a promise when one of them asked to pause delivery (the
   * caller must not deliver the next frame before it settles), otherwise `undefined`.
   */
  deliver(from: NodeAddress, frame: Uint8Array): Promise<void> | undefined {
    if (this.muted) return undefined;
    let pending: Promise<unknown>[] | undefined;
    for (const listener of this.listeners.frame) {
      try {
        const result = listener(from, frame);
        if (result && typeof (result as Promise<void>).then === "function") {
          (pending ??= []).push(
            (result as Promise<void>).then(undefined, (e) => this.listenerFailed(from, e)),
          );
        }
      } catch (e) {
        this.listenerFailed(from, e);
      }
    }
    return pending ? Promise.all(pending).then(() => undefined) : undefined;
  }

  peerLost(lost: PeerLost): void {
    if (this.muted) return;
    for (const listener of this.listeners.peerLost) {
      try {
        listener(lost);
      } catch (e) {
        this.listenerFailed(lost.peer, e);
      }
    }
  }

  problem(problem: TransportError): void {
    if (this.muted) return;
    for (const listener of this.listeners.problem) {
      try {
        listener(problem);
      } catch {
        // A failing problem listener has nowhere left to report to.
      }
    }
  }

  private listenerFailed(peer: NodeAddress, cause: unknown): void {
    const message = cause instanceof Error ? cause.message : String(cause);
    this.problem(
      new TransportError("handler-failed", `a transport listener failed: ${message}`, peer, { cause }),
    );
  }
}
