// ## Options shared by the server node and the tab

import { TransportError } from "@termite/transport";

export interface WsLimitsOptions {
  /** The largest frame, in bytes (default 16 MiB). Also bounds WebSocket messages (`maxPayload`). */
  maxFrameBytes?: number;
  /** Frames that may wait in the queue to one peer before `send` waits (default 1024). */
  maxQueuedFrames?: number;
}

/** Bytes a connection may hold unsent before the transport stops handing it frames. */
export const HIGH_WATER_BYTES = 256 * 1024;

export function positiveInteger(
  name: string,
  value: number | undefined,
  fallback: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new TransportError(
      "bad-option",
      `the WebSocket transport's option ${name} must be an integer from 1 to ${max}, got ${String(value)}`,
    );
  }
  return value;
}

export function resolveLimits(options: WsLimitsOptions): { maxFrameBytes: number; maxQueuedFrames: number } {
  return {
    maxFrameBytes: positiveInteger(
      "maxFrameBytes",
      options.maxFrameBytes,
      16 * 1024 * 1024,
      1024 * 1024 * 1024,
    ),
    maxQueuedFrames: positiveInteger("maxQueuedFrames", options.maxQueuedFrames, 1024, 1_000_000),
  };
}
