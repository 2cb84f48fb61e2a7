// The Node.js entry: the server node, and the tab transport for tests and Node.js clients.
export { formatWsAddress, parseWsAddress, WS_SCHEME, type WsAddress } from "./address.js";
export { createWsTransport, type WsTransportOptions } from "./server-transport.js";
export {
  createTabTransport,
  type TabTransportOptions,
  type WebSocketConstructor,
  type WebSocketLike,
} from "./tab-transport.js";
