// ## ZeroMQ node addresses
//
// `tcp://HOST:PORT`, ZeroMQ's own endpoint syntax, so that the scheme tells this transport's
// addresses from others' (`mem:…`, a later `ws:…`). HOST is an IPv4 address, a bracketed IPv6
// address or a host name; PORT is 1–65535 (0 or `*` only when listening: a free port).

import { TransportError } from "@termite/transport";

export const TCP_SCHEME = "tcp";

export interface TcpAddress {
  readonly host: string;
  /** 0 = any free port (only for `listen`). */
  readonly port: number;
}

const ADDRESS = /^tcp:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.*_-]+):(\d{1,5}|\*)$/;

/** Parses `tcp://HOST:PORT`; `allowAnyPort` admits port 0 / `*` (for listening). */
export function parseTcpAddress(address: unknown, allowAnyPort: boolean): TcpAddress {
  const m = typeof address === "string" ? ADDRESS.exec(address) : null;
  const port = m ? (m[2] === "*" ? 0 : Number(m[2])) : -1;
  if (!m || port > 65535 || (port === 0 && !allowAnyPort) || (m[1] === "*" && !allowAnyPort)) {
    throw new TransportError(
      "bad-address",
      `the ZeroMQ transport takes addresses "tcp://HOST:PORT" (e.g. "tcp://127.0.0.1:7000"), got ${JSON.stringify(address)}`,
    );
  }
  return { host: m[1]!, port };
}

/** Whether `host` can only be reached from this machine. */
export function isLoopback(host: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === "[::1]" || host === "localhost";
}
