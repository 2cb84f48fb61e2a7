// The Node.js entry: the server node, and the tab transport over `ws`'s client (a Node.js program
// can attach to a server node as a tab would).

import { WebSocket } from "ws";
import {
  createTabTransport as createTab,
  type TabTransportOptions,
  type WebSocketConstructor,
} from "./tab-transport.js";

export { formatWsAddress, parseWsAddress, WS_SCHEME, type WsAddress } from "./address.js";
export { createWsTransport, type WsTransportOptions } from "./server-transport.js";
export type { TabTransportOptions, WebSocketConstructor, WebSocketLike } from "./tab-transport.js";

/** A tab's transport; on Node.js its WebSocket class defaults to `ws`'s. */
export function createTabTransport(options: TabTransportOptions = {}) {
  return createTab({ WebSocket: WebSocket as unknown as WebSocketConstructor, ...options });
}
