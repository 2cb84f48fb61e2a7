// ## Remote spawn: a thunk sent to another node, started there as a new process
//
// The thunk travels as a wire message inside the notice, so that a thunk the receiver cannot
// decode (code it cannot resolve) is answered with `spawn-failed` naming the reason, instead of
// a notice it cannot read. With a link, the new process is linked to the requester from its
// start, so an error of its first instruction already reaches the requester.

import { ProcessId, write } from "@termite/datum";
import { SchemeRaise, suspend } from "@termite/runtime";
import { type ProcessNode, processError } from "../termite-library/process-node.js";
import type { Wire } from "../wire/wire.js";
import { Notice } from "./frames.js";
import { decodeEventually } from "./ordered-decoding.js";
import type { Requests } from "./requests.js";

type Procedure = (...args: unknown[]) => unknown;

/** Reads an encode or decode failure as a short reason. */
export type Explain = (e: unknown) => string;

/**
 * `(remote-spawn node thunk)` from the current process: sends the request (`send` raises when the
 * node cannot be reached) and parks until the answer; answers the new process's id.
 */
export function requestSpawn(
  processes: ProcessNode,
  requests: Requests,
  address: string,
  thunkBytes: Uint8Array,
  linked: boolean,
  name: unknown,
  send: (kind: string, ...fields: unknown[]) => void,
): unknown {
  const me = processes.current();
  const id = requests.next();
  send(Notice.SPAWN, me.pid, id, thunkBytes, linked, name ?? false);
  return suspend((thread) => {
    requests.wait(id, address, (outcome) => {
      if ("condition" in outcome) {
        thread.wakeWith(() => {
          throw new SchemeRaise(outcome.condition);
        });
        return;
      }
      if (linked && outcome.value instanceof ProcessId && me.thread.exit === undefined)
        (me.remoteLinks ??= new Set()).add(outcome.value);
      thread.wake(outcome.value);
    });
  });
}

/** Answers a `spawn` notice from `peer`: starts the thunk, or says why not. */
export function answerSpawn(
  processes: ProcessNode,
  wire: Wire,
  explain: Explain,
  fields: readonly unknown[],
  reply: (kind: string, ...fields: unknown[]) => void,
): void {
  const [requester, id, thunkBytes, linked, name] = fields;
  if (!(requester instanceof ProcessId)) return;
  const refuse = (why: string) => reply(Notice.SPAWN_FAILED, requester, id, why);
  if (!(thunkBytes instanceof Uint8Array)) {
    refuse("the spawn request carries no thunk");
    return;
  }
  decodeEventually(
    wire,
    thunkBytes,
    (thunk) => {
      if (typeof thunk !== "function") {
        refuse(`not a procedure: ${write(thunk)}`);
        return;
      }
      const child = processes.spawnDetached(thunk as Procedure, name === false ? undefined : name, (p) => {
        if (linked === true) (p.remoteLinks ??= new Set()).add(requester);
      });
      reply(Notice.SPAWNED, requester, id, child);
    },
    (e) => refuse(`cannot decode the thunk: ${explain(e)}`),
  );
}

/** The `spawned` / `spawn-failed` answers, for the request they name. */
export function onSpawnAnswer(
  requests: Requests,
  from: string,
  kind: string,
  fields: readonly unknown[],
): void {
  if (kind === Notice.SPAWNED && fields[2] instanceof ProcessId) {
    requests.settle(fields[1], { value: fields[2] }, from);
    return;
  }
  requests.settle(
    fields[1],
    { condition: processError("remote-spawn-failed", "remote-spawn", `node ${from}: ${String(fields[2])}`) },
    from,
  );
}
