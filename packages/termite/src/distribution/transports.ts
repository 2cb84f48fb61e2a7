// ## Which transport carries which address
//
// A node runs one transport per address scheme (`tcp` for ZeroMQ, `mem` in memory, later `ws`);
// the scheme of a process id's node address picks the one that carries messages to it. Without a
// transport given for `tcp`, the ZeroMQ transport is loaded the first time a node starts on a tcp
// address, by a dynamic import: a program that gives its own transport never loads the native
// addon (and `@termite/transport-zmq` is only an optional dependency).

import { addressScheme, type Transport } from "@termite/transport";

/** Makes the transport for a scheme that no given transport owns; `undefined` when it cannot. */
export type TransportFactory = (scheme: string) => Promise<Transport | undefined>;

/** Options passed to the ZeroMQ transport when the node makes it (see @termite/transport-zmq). */
export type ZmqTransportOptions = Record<string, unknown>;

/** The module name, in a variable so that bundlers and the type checker leave the import lazy. */
const ZMQ_TRANSPORT_MODULE = "@termite/transport-zmq";

/** Loads @termite/transport-zmq and makes its transport; a clear error when it is not installed. */
export async function loadZmqTransport(options: ZmqTransportOptions): Promise<Transport> {
  let module: Record<string, unknown>;
  try {
    module = (await import(ZMQ_TRANSPORT_MODULE)) as Record<string, unknown>;
  } catch (e) {
    throw new Error(
      `the ZeroMQ transport is not available (${ZMQ_TRANSPORT_MODULE}, an optional dependency of @termite/termite: ${(e as Error).message}); install it or give the node another transport`,
    );
  }
  const create = module.createZmqTransport;
  if (typeof create !== "function") throw new Error(`${ZMQ_TRANSPORT_MODULE} has no createZmqTransport`);
  return (create as (o: ZmqTransportOptions) => Transport)(options);
}

/** The transports of one node, by scheme; made on demand through the factory. */
export class TransportSet {
  private readonly byScheme = new Map<string, Transport>();

  constructor(
    given: readonly Transport[],
    private readonly factory: TransportFactory,
  ) {
    for (const t of given) {
      if (this.byScheme.has(t.scheme)) throw new Error(`two transports for the scheme ${t.scheme}`);
      this.byScheme.set(t.scheme, t);
    }
  }

  /** The first given transport: where a node starts when no address is given. */
  get primary(): Transport | undefined {
    return this.byScheme.values().next().value;
  }

  /** The transport for `address`'s scheme, if the node has it now. */
  for(address: string): Transport | undefined {
    const scheme = addressScheme(address);
    return scheme === undefined ? undefined : this.byScheme.get(scheme);
  }

  /** The transport for `scheme`, made by the factory when none was given. */
  async obtain(scheme: string): Promise<Transport> {
    const existing = this.byScheme.get(scheme);
    if (existing !== undefined) return existing;
    const made = await this.factory(scheme);
    if (made === undefined) throw new Error(`this node has no transport for ${scheme}: addresses`);
    this.byScheme.set(scheme, made);
    return made;
  }

  all(): IterableIterator<Transport> {
    return this.byScheme.values();
  }
}
