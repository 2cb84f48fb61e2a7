// ## Node addresses as Scheme programs write them, and as transports know them
//
// Scheme code names a node the way Gambit's Termite does, `":7000"` (this host, port 7000) or
// `"host:7000"`; those are TCP addresses of the ZeroMQ transport, `tcp://127.0.0.1:7000` and
// `tcp://host:7000`. Any other text with a scheme (`mem:alpha`, `ws://…`) is a transport address
// already and is taken as it is. A process id's `node` is always the canonical transport address
// that the node's transport answered from `listen`, so ids compare as strings.

import { TransportError } from "@termite/transport";

/** `":7000"`/`"host:7000"` -> `tcp://…`; a transport address unchanged. */
export function transportAddress(node: string): string {
  const hostPort = /^([^:/]*):(\d+)$/.exec(node);
  if (hostPort !== null) {
    const host = hostPort[1] === "" ? "127.0.0.1" : hostPort[1]!;
    return `tcp://${host.includes(":") ? `[${host}]` : host}:${hostPort[2]}`;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(node)) return node;
  throw new TransportError(
    "bad-address",
    `a node address is ":PORT", "HOST:PORT" or a transport address (tcp://HOST:PORT, mem:NAME), got ${JSON.stringify(node)}`,
  );
}

/** True for an address whose host is this machine's loopback (127.0.0.0/8, ::1, localhost). */
export function isLoopback(address: string): boolean {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(\[[^\]]*\]|[^:/]*)/i.exec(address);
  if (m === null) return true; // no host part (mem:NAME): nothing leaves the process
  const host = m[1]!.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
