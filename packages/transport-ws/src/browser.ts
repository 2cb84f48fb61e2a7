// The browser entry (the `browser` condition of `exports`): the tab transport, nothing of Node.js.
export { formatWsAddress, parseWsAddress, WS_SCHEME, type WsAddress } from "./address.js";
export {
  createTabTransport,
  type TabTransportOptions,
  type WebSocketConstructor,
  type WebSocketLike,
} from "./tab-transport.js";
