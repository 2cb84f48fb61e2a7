// ## The ZAP handler: who may connect
//
// libzmq asks a ZAP handler (RFC 27), over `inproc://zeromq.zap.01` in the socket's context, to
// accept or refuse each CURVE handshake. Ours accepts the public keys of the allow-list and refuses
// the rest, reporting each refused key once (a refused client retries its handshake every
// reconnect interval; a log line per try would be a flood).

import { TransportError } from "@termite/transport";
import type * as zmq from "zeromq";
import { z85Encode } from "./z85.js";

const ZAP_ENDPOINT = "inproc://zeromq.zap.01";
/** Refused keys remembered for the once-only report; beyond this, older ones may be reported again. */
const MAX_REMEMBERED_REFUSALS = 4096;

export class ZapHandler {
  private readonly socket: zmq.Router;
  private readonly allowed: Set<string>;
  private readonly refused = new Set<string>();

  constructor(
    zeromq: typeof zmq,
    context: zmq.Context,
    allow: readonly string[],
    private readonly report: (problem: TransportError) => void,
  ) {
    this.allowed = new Set(allow);
    this.socket = new zeromq.Router({ context, linger: 0 });
  }

  async start(): Promise<void> {
    await this.socket.bind(ZAP_ENDPOINT);
    void this.serve();
  }

  close(): void {
    this.socket.close();
  }

  private async serve(): Promise<void> {
    try {
      for await (const request of this.socket) await this.socket.send(this.answer(request));
    } catch {
      // The socket was closed: nothing more to authorise.
    }
  }

  /** RFC 27: [routing, empty, version, request id, domain, address, identity, mechanism, credentials…]. */
  private answer(request: Buffer[]): (Buffer | string)[] {
    const [routing, empty, version, requestId, , peerAddress, , mechanism, key] = request;
    const reply = (status: string, text: string) => [
      routing!,
      empty!,
      version!,
      requestId!,
      status,
      text,
      "",
      "",
    ];
    if (mechanism?.toString() !== "CURVE" || !key || key.length !== 32) {
      return reply("400", "CURVE required");
    }
    const publicKey = z85Encode(key);
    if (this.allowed.has(publicKey)) return reply("200", "OK");
    if (!this.refused.has(publicKey)) {
      if (this.refused.size >= MAX_REMEMBERED_REFUSALS) this.refused.clear();
      this.refused.add(publicKey);
      this.report(
        new TransportError(
          "unauthenticated",
          `refused a connection from ${peerAddress?.toString() ?? "?"}: public key ${publicKey} is not in curve.allow`,
        ),
      );
    }
    return reply("400", "public key not allowed");
  }
}
