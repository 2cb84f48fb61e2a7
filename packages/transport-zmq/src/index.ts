export { isLoopback, parseTcpAddress, TCP_SCHEME, type TcpAddress } from "./address.js";
export type { CurveOptions, ZmqTransportOptions } from "./options.js";
export { z85Encode } from "./z85.js";
export { createZmqTransport } from "./zmq-transport.js";
