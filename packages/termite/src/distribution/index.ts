// ## Distribution: nodes that talk over transports (docs/architecture.md "Nodes")

export { type DistributionOptions, NodeDistribution } from "./distribution.js";
export { DISTRIBUTION_PROTOCOL, FrameKind } from "./frames.js";
export { type Hello, incompatibility } from "./handshake.js";
export { distributionOf, distributionPart, installDistribution } from "./install.js";
export { isLoopback, transportAddress } from "./node-address.js";
export {
  curveKeyPair,
  type NodeCurveOptions,
  readCurveOptions,
  termiteHome,
  writeNodeKeys,
} from "./node-keys.js";
export { loadZmqTransport, type TransportFactory, type ZmqTransportOptions } from "./transports.js";
