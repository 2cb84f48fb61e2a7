// ## WebSocket node addresses
//
// A server node is `ws://HOST:PORT`. A tab cannot listen, so the server it attaches to names it:
// `ws://HOST:PORT/tab/N`, N counting tabs from 1 for the life of that server. Frames to a tab
// address go to its server, which hands them over the tab's own connection. The scheme `ws` keeps
// these apart from ZeroMQ's `tcp://…`, so a node can run both transports side by side.

import { TransportError } from "@termite/transport";

export const WS_SCHEME = "ws";

/** A parsed WebSocket node address. `tab` is set for a tab attached to the server at host:port. */
export interface WsAddress {
  readonly host: string;
  /** 0 = any free port (only for `listen`). */
  readonly port: number;
  readonly tab: number | undefined;
}

const ADDRESS = /^ws:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+):(\d{1,5})(?:\/tab\/([1-9]\d{0,15}))?$/;

/** Parses `ws://HOST:PORT` or `ws://HOST:PORT/tab/N`; `allowAnyPort` admits port 0 (to listen). */
export function parseWsAddress(address: unknown, allowAnyPort = false): WsAddress {
  const m = typeof address === "string" ? ADDRESS.exec(address) : null;
  const port = m ? Number(m[2]) : -1;
  if (!m || port > 65535 || (port === 0 && !allowAnyPort)) {
    throw new TransportError(
      "bad-address",
      `the WebSocket transport takes addresses "ws://HOST:PORT" or "ws://HOST:PORT/tab/N" (e.g. "ws://127.0.0.1:8080"), got ${JSON.stringify(address)}`,
    );
  }
  return { host: m[1]!, port, tab: m[3] === undefined ? undefined : Number(m[3]) };
}

/** The canonical text of an address. */
export function formatWsAddress(address: WsAddress): string {
  const server = `ws://${address.host}:${address.port}`;
  return address.tab === undefined ? server : `${server}/tab/${address.tab}`;
}

/** The server node a tab address belongs to (the address itself for a server). */
export function serverOf(address: WsAddress): string {
  return `ws://${address.host}:${address.port}`;
}

/** Whether `host` can only be reached from this machine. */
export function isLoopback(host: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === "[::1]" || host === "localhost";
}
