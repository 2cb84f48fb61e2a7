// ## `(termite node)`: the distribution procedures of `(termite)`, Gambit Termite's names
//
//   (node-init [address])          listens: ":7000" = 127.0.0.1:7000, "host:7000", none = a free port
//   (current-node)                 this node's address, "tcp://127.0.0.1:7000"
//   (remote-service name node)     an id naming whichever process holds `name` on `node`
//   (remote-spawn node thunk [name]) / (remote-spawn-link node thunk [name])
//   (ping node [timeout])          pong, or no-reply after timeout seconds (default 1)
//
// `migrate-task` and `migrate/proxy` are Scheme, in scheme/termite/termite.sld.

import { flonumValue, intern, isFlonum, MString, ProcessId, Sym } from "@termite/datum";
import { type PrimitiveGroup, prim, SchemeRaise, suspend, typeError } from "@termite/runtime";
import { processError } from "../termite-library/process-node.js";
import type { NodeDistribution } from "./distribution.js";
import { transportAddress } from "./node-address.js";

type Procedure = (...args: unknown[]) => unknown;

const OK = intern("ok");
const PONG = intern("pong");
const NO_REPLY = intern("no-reply");

function nodeArg(who: string, x: unknown, index: number): string {
  if (!(x instanceof MString) && typeof x !== "string") typeError(who, "a node address string", x, index);
  const text = String(x);
  try {
    return transportAddress(text);
  } catch (e) {
    throw new SchemeRaise(processError("bad-node-address", who, (e as Error).message, x));
  }
}

function procedureArg(who: string, x: unknown, index: number): Procedure {
  if (typeof x !== "function") typeError(who, "a procedure", x, index);
  return x as Procedure;
}

function seconds(who: string, x: unknown, index: number): number {
  const s = isFlonum(x) ? flonumValue(x) : typeof x === "number" ? x : Number.NaN;
  if (!(s >= 0)) typeError(who, "a non-negative number of seconds", x, index);
  return s;
}

export function distributionPrimitiveGroup(distribution: NodeDistribution): PrimitiveGroup {
  const spawn = (who: string, linked: boolean) =>
    prim(2, 3, (node, thunk, name) =>
      distribution.remoteSpawn(who, nodeArg(who, node, 0), procedureArg(who, thunk, 1), linked, name),
    );
  return {
    library: "termite/node",
    bindings: {
      "node-init": prim(0, 1, (...args) => {
        const address = args.length > 0 ? String(nodeArg("node-init", args[0], 0)) : undefined;
        return suspend((thread) => {
          distribution.start(address).then(
            () => thread.wake(OK),
            (e: unknown) =>
              thread.wakeWith(() => {
                throw new SchemeRaise(
                  processError("node-init-failed", "node-init", e instanceof Error ? e.message : String(e)),
                );
              }),
          );
        });
      }),
      "current-node": prim(0, 0, () => {
        if (!distribution.started)
          throw new SchemeRaise(
            processError("no-network", "current-node", "this node has not joined a network (node-init)"),
          );
        return new MString(distribution.address);
      }),
      "remote-service": prim(2, 2, (name, node) => {
        if (!(name instanceof Sym)) typeError("remote-service", "a symbol", name, 0);
        return new ProcessId(nodeArg("remote-service", node, 1), 0, 0, (name as Sym).name);
      }),
      "remote-spawn": spawn("remote-spawn", false),
      "remote-spawn-link": spawn("remote-spawn-link", true),
      ping: prim(1, 2, (node, timeout) =>
        distribution.ping(
          nodeArg("ping", node, 0),
          timeout === undefined ? 1 : seconds("ping", timeout, 1),
          PONG,
          NO_REPLY,
        ),
      ),
      // What `migrate-task` does once the continuation runs on the other node: this process ends
      // normally (its id is dead; links hear `normal`).
      "%end-process": prim(0, 0, () =>
        suspend((thread) => thread.finish({ normal: true, value: undefined })),
      ),
    },
  };
}
