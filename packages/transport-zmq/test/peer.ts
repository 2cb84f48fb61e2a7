// Helpers for tests that run a node in another OS process.

import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { PeerLost, Transport } from "@termite/transport";

const ECHO_NODE = fileURLToPath(new URL("./fixtures/echo-node.mjs", import.meta.url));

export interface EchoPeer {
  readonly child: ChildProcess;
  readonly address: string;
}

/** Starts `fixtures/echo-node.mjs` on `port` and waits until it listens. */
export function startEchoPeer(port: number): Promise<EchoPeer> {
  const child = spawn(process.execPath, [ECHO_NODE, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\S+)\n/.exec(out);
      if (m) resolve({ child, address: m[1]! });
    });
    child.on("exit", (code) => reject(new Error(`echo node exited with ${code} before listening`)));
  });
}

export function stopPeer(peer: EchoPeer | undefined): void {
  if (peer && peer.child.exitCode === null && peer.child.signalCode === null) {
    peer.child.kill("SIGCONT");
    peer.child.kill("SIGKILL");
  }
}

/** Resolves with the first `peerLost` for `address` on `transport`, and when it came. */
export function nextLoss(transport: Transport, address: string): Promise<{ lost: PeerLost; at: number }> {
  return new Promise((resolve) => {
    const off = transport.on("peerLost", (lost) => {
      if (lost.peer === address) {
        off();
        resolve({ lost, at: performance.now() });
      }
    });
  });
}

/** Resolves with the next frame `transport` receives from `address`. */
export function nextFrame(transport: Transport, address: string): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const off = transport.on("frame", (from, frame) => {
      if (from === address) {
        off();
        resolve(frame);
      }
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
