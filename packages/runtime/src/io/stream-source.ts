// ## A Node readable stream as an input source
//
// The stream is resumed (and referenced) only while a read is pending, and paused and unreferenced
// again after each chunk: a pipe or terminal on stdin then does not keep the event loop alive, so
// a program that stops reading can end while its input is still open.

import type { InputSource } from "./text-input.js";

export type { InputSource };

/** The part of a Node readable stream that `streamSource` uses. */
export interface PausableStream {
  on(event: "data", listener: (chunk: string | Uint8Array) => void): unknown;
  on(event: "end" | "close", listener: () => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  off(event: string, listener: (...args: any[]) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  /** Sockets, pipes and terminals: whether the handle keeps the event loop alive. */
  ref?(): unknown;
  unref?(): unknown;
  /** Node sets this once 'end' was emitted, which may happen while nobody listens. */
  readonly readableEnded?: boolean;
}

/** Reads `stream` chunk by chunk, decoding UTF-8 (a character split between chunks is kept whole). */
export function streamSource(stream: PausableStream): InputSource {
  const decoder = new TextDecoder("utf-8");
  let ended = false;
  return {
    read(): Promise<string | null> {
      if (ended || stream.readableEnded === true) return Promise.resolve(null);
      return new Promise((resolve, reject) => {
        const done = () => {
          stream.off("data", onData);
          stream.off("end", onEnd);
          stream.off("close", onEnd);
          stream.off("error", onError);
          stream.pause();
          stream.unref?.();
        };
        const onData = (chunk: string | Uint8Array) => {
          done();
          resolve(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
        };
        const onEnd = () => {
          done();
          ended = true;
          const rest = decoder.decode();
          resolve(rest === "" ? null : rest);
        };
        const onError = (error: Error) => {
          done();
          ended = true;
          reject(error);
        };
        stream.on("data", onData);
        stream.on("end", onEnd);
        stream.on("close", onEnd);
        stream.on("error", onError);
        stream.ref?.();
        stream.resume();
      });
    },
  };
}
