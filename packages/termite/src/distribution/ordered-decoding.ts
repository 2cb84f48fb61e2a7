// ## Decoding arrivals in order without holding up the node
//
// A message usually decodes at once (its code is the runtime's, a library's, or carried in it).
// When the resolver has to wait (a hosted module to fetch), only what must stay behind it waits:
// later messages from the same peer to the same process, and everything after a control notice
// (links, exits) from that peer. Messages to other processes go on.

import { DecodeError } from "@termite/serializer";
import type { Wire } from "../wire/wire.js";
import type { Peer } from "./peer.js";

function needsAsync(e: unknown): boolean {
  return DecodeError.isInstance(e) && e.code === "needs-async";
}

/**
 * Decodes `bytes` from `peer` for destination `key` (`undefined`: a control notice, ordered after
 * everything) and hands the value to `deliver`, or the failure to `fail`.
 */
export function decodeInOrder(
  wire: Wire,
  peer: Peer,
  key: string | undefined,
  bytes: Uint8Array,
  deliver: (value: unknown) => void,
  fail: (e: unknown) => void,
): void {
  const before: Promise<void>[] = [];
  if (peer.controlWaiting !== undefined) before.push(peer.controlWaiting);
  if (key === undefined) before.push(...peer.waiting.values());
  else {
    const w = peer.waiting.get(key);
    if (w !== undefined) before.push(w);
  }
  if (before.length === 0) {
    let value: unknown;
    try {
      value = wire.decodeSync(bytes);
    } catch (e) {
      if (!needsAsync(e)) {
        fail(e);
        return;
      }
      before.push(Promise.resolve());
    }
    if (before.length === 0) {
      deliver(value);
      return;
    }
  }
  const done: Promise<void> = Promise.all(before)
    .then(() => wire.decode(bytes))
    .then(deliver, fail)
    .finally(() => {
      if (key === undefined) {
        if (peer.controlWaiting === done) peer.controlWaiting = undefined;
      } else if (peer.waiting.get(key) === done) peer.waiting.delete(key);
    });
  if (key === undefined) peer.controlWaiting = done;
  else peer.waiting.set(key, done);
}

/** Decodes `bytes` at once or when its code is resolved; `fail` hears why it could not. */
export function decodeEventually(
  wire: Wire,
  bytes: Uint8Array,
  deliver: (value: unknown) => void,
  fail: (e: unknown) => void,
): void {
  let value: unknown;
  try {
    value = wire.decodeSync(bytes);
  } catch (e) {
    if (needsAsync(e)) wire.decode(bytes).then(deliver, fail);
    else fail(e);
    return;
  }
  deliver(value);
}
