export { TransportError, type TransportErrorCode } from "./errors.js";
export { EventHub } from "./event-hub.js";
export {
  createMemoryTransport,
  defaultMemoryNetwork,
  MemoryNetwork,
  type MemoryTransportOptions,
} from "./memory.js";
export { OutgoingQueue } from "./outgoing-queue.js";
export {
  addressScheme,
  type FrameListener,
  type NodeAddress,
  type PeerLost,
  type PeerLostReason,
  type Transport,
  type TransportEvents,
  type TransportLimits,
} from "./transport.js";
