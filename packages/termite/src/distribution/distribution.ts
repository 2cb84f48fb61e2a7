// ## A node on a network: the layer between the processes and the transports
//
// As Erlang's distribution sits above its carriers: the handshake with each peer, routing of
// messages to process ids of other nodes, links and monitors across nodes and what a lost peer
// means for them (`noconnection`), remote spawn, and the node's defences against what peers send.
// The frames are described in ./frames.ts and docs/wire-format.md §12.

import { randomInt } from "node:crypto";
import { COMPILER_ABI } from "@termite/compiler";
import { ProcessId, type Tag, write } from "@termite/datum";
import { type ExitReason, SchemeRaise, suspend } from "@termite/runtime";
import { DecodeError, FORMAT_VERSION, SerializeError } from "@termite/serializer";
import { addressScheme, type PeerLost, type Transport, TransportError } from "@termite/transport";
import {
  type Process,
  type ProcessNetwork,
  type ProcessNode,
  processError,
} from "../termite-library/process-node.js";
import type { Wire } from "../wire/wire.js";
import {
  controlFrame,
  DISTRIBUTION_PROTOCOL,
  FrameError,
  FrameKind,
  messageFrame,
  Notice,
  pingFrame,
  readDestination,
  readJson,
  readPingId,
  serviceMessageFrame,
} from "./frames.js";
import { type Hello, helloFrame, incompatibility, readHello, refuseFrame } from "./handshake.js";
import { transportAddress } from "./node-address.js";
import { decodeInOrder } from "./ordered-decoding.js";
import { newPeer, type Peer } from "./peer.js";
import { ProblemLog } from "./problems.js";
import { RemoteLinks } from "./remote-links.js";
import { answerSpawn, onSpawnAnswer, requestSpawn } from "./remote-spawn.js";
import { Requests } from "./requests.js";
import {
  loadZmqTransport,
  type TransportFactory,
  TransportSet,
  type ZmqTransportOptions,
} from "./transports.js";

type Procedure = (...args: unknown[]) => unknown;

/** How a node joins a network (TS options; `termite run` sets them from its flags and environment). */
export interface DistributionOptions {
  /**
   * Transports to use, one per address scheme; the first is where `(node-init)` without an address
   * starts. Without one for `tcp`, the ZeroMQ transport is loaded when a node starts on a tcp address.
   */
  readonly transports?: readonly Transport[];
  /** Makes a transport for a scheme none of `transports` owns (default: ZeroMQ for `tcp`). */
  readonly transportFactory?: TransportFactory;
  /** Options for the ZeroMQ transport the node makes (CURVE keys, heartbeats…). */
  readonly zmq?: ZmqTransportOptions;
  /** Listening beyond loopback without authentication (also `TERMITE_INSECURE=1`). Default false. */
  readonly insecure?: boolean;
  /**
   * Frames to one peer handed to its transport and not yet accepted into its bounded queue before a
   * process doing `!` waits (its green thread parks; the others go on). Default 1024.
   */
  readonly maxPendingSends?: number;
  /** Messages from other nodes a mailbox may hold; beyond, they are dropped and logged. Default 1,000,000. */
  readonly maxMailboxMessages?: number;
  /** The compiler ABI announced in the handshake (default `COMPILER_ABI`; tests fake another). */
  readonly compilerAbi?: number;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`option ${name} must be a positive integer`);
  return value;
}

/** The stable code of a failure (`bad-version`, `unknown`…), so that log lines differ by kind. */
function failureCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "error";
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Decode and encode failures as the short reasons of log lines and Scheme errors. */
function failureText(e: unknown): string {
  if (SerializeError.isInstance(e) || DecodeError.isInstance(e)) return `${e.code}: ${e.message}`;
  if (SchemeRaise.isInstance(e)) return write(e.payload);
  return e instanceof Error ? e.message : String(e);
}

export class NodeDistribution implements ProcessNetwork {
  private readonly transports: TransportSet;
  private readonly peers = new Map<string, Peer>();
  private readonly requests = new Requests();
  private readonly links: RemoteLinks;
  private readonly problems: ProblemLog;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly maxPendingSends: number;
  private readonly maxMailboxMessages: number;
  private readonly abi: number;
  private hello: Hello | undefined;
  private closed = false;

  constructor(
    private readonly node: () => ProcessNode,
    private readonly wire: Wire,
    log: (line: string) => void,
    private readonly options: DistributionOptions = {},
  ) {
    this.maxPendingSends = positive("maxPendingSends", options.maxPendingSends, 1024);
    this.maxMailboxMessages = positive("maxMailboxMessages", options.maxMailboxMessages, 1_000_000);
    this.abi = options.compilerAbi ?? COMPILER_ABI;
    this.problems = new ProblemLog(log, () => this.address || "(not started)");
    const factory: TransportFactory =
      options.transportFactory ??
      (async (scheme) =>
        scheme === "tcp" ? loadZmqTransport({ insecure: this.insecure, ...options.zmq }) : undefined);
    this.transports = new TransportSet(options.transports ?? [], factory);
    this.links = new RemoteLinks(node, wire, {
      notify: (to, kind, ...fields) => this.notify(to, kind, ...fields),
      canReach: (to) => this.transports.for(to) !== undefined && this.peers.get(to)?.refused === undefined,
    });
  }

  /** The node's address once started, `""` before. */
  get address(): string {
    return this.hello?.node ?? "";
  }

  get started(): boolean {
    return this.hello !== undefined;
  }

  private get insecure(): boolean {
    return this.options.insecure ?? process.env.TERMITE_INSECURE === "1";
  }

  // ### Starting and stopping

  /**
   * Starts listening (`node-init`): at `address` (`":7000"`, `"host:7000"`, a transport address),
   * or where the first transport chooses. Answers the canonical address.
   */
  async start(address?: string): Promise<string> {
    if (this.closed) throw new Error("this node's network was closed");
    if (this.hello !== undefined) throw new Error(`this node already listens on ${this.hello.node}`);
    let transport: Transport;
    let at: string | undefined;
    if (address === undefined) {
      transport = this.transports.primary ?? (await this.transports.obtain("tcp"));
      at = transport.scheme === "tcp" ? "tcp://127.0.0.1:0" : undefined;
    } else {
      at = transportAddress(address);
      // Beyond loopback, the transport refuses to listen without authentication or insecure mode.
      transport = await this.transports.obtain(addressScheme(at)!);
    }
    let listening: string;
    try {
      listening = await transport.listen(at);
    } catch (e) {
      if (TransportError.isInstance(e) && e.code === "insecure-listen")
        throw new Error(
          `${e.message} (from Scheme: termite keys and CURVE options, or termite run --insecure / TERMITE_INSECURE=1)`,
        );
      throw e;
    }
    // The other transports listen too, each where it chooses, so that this node can send on them.
    for (const other of this.transports.all())
      if (other !== transport && other.address === undefined) await other.listen();
    let incarnation = 0;
    while (incarnation === 0) incarnation = randomInt(1, 0xffffffff);
    this.hello = {
      protocol: DISTRIBUTION_PROTOCOL,
      node: listening,
      incarnation,
      wire: FORMAT_VERSION,
      abi: this.abi,
    };
    for (const t of this.transports.all()) {
      this.unsubscribe.push(
        t.on("frame", (from, frame) => this.receive(t, from, frame)),
        t.on("peerLost", (lost) => this.peerLost(lost)),
        t.on("problem", (p) => this.problems.report(p.peer ?? "transport", p.code, p.message)),
      );
    }
    this.node().joinNetwork(listening, incarnation, this);
    return listening;
  }

  /** Closes every transport; peers see this node lost. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const off of this.unsubscribe) off();
    for (const t of this.transports.all()) await t.close();
  }

  // ### Peers

  private peerFor(address: string): Peer {
    let peer = this.peers.get(address);
    if (peer !== undefined) return peer;
    const transport = this.transports.for(address);
    if (transport === undefined)
      throw new TransportError("bad-address", `this node has no transport for ${address}`);
    peer = newPeer(address, transport);
    this.peers.set(address, peer);
    return peer;
  }

  /** Hands a frame to the peer's transport, after this node's HELLO on a new connection. */
  private out(peer: Peer, frame: Uint8Array): Promise<void> {
    if (!peer.helloSent) {
      peer.helloSent = true;
      void this.raw(peer, helloFrame(this.hello!));
    }
    return this.raw(peer, frame);
  }

  private raw(peer: Peer, frame: Uint8Array): Promise<void> {
    peer.pending++;
    const sent = peer.transport.send(peer.address, frame);
    sent.then(
      () => {
        peer.pending--;
      },
      (e: unknown) => {
        peer.pending--;
        if (!this.closed) this.problems.report(peer.address, "send failed", failureText(e));
      },
    );
    return sent;
  }

  /** The peer of a process id of another node, ready to send to; raises when that node refused. */
  private reachable(who: string, node: string): Peer {
    if (this.hello === undefined)
      throw new SchemeRaise(
        processError("no-network", who, "this node has not joined a network (node-init)"),
      );
    let peer: Peer;
    try {
      peer = this.peerFor(node);
    } catch (e) {
      throw new SchemeRaise(processError("no-transport", who, failureText(e), node));
    }
    if (peer.refused !== undefined)
      throw new SchemeRaise(
        processError("node-refused", who, `node ${node} and this node refused each other: ${peer.refused}`),
      );
    return peer;
  }

  private encode(who: string, value: unknown): Uint8Array {
    try {
      return this.wire.encode(value);
    } catch (e) {
      throw new SchemeRaise(processError("wire-unserializable", who, failureText(e)));
    }
  }

  private checkSize(who: string, peer: Peer, frame: Uint8Array): void {
    const max = peer.transport.limits.maxFrameBytes;
    if (frame.length > max)
      throw new SchemeRaise(
        processError(
          "message-too-large",
          who,
          `the message is ${frame.length} bytes; the transport's limit is ${max}`,
        ),
      );
  }

  private control(peer: Peer, kind: string, ...fields: unknown[]): void {
    let bytes: Uint8Array;
    try {
      bytes = this.wire.encode([kind, ...fields]);
    } catch (e) {
      this.problems.report(peer.address, `cannot send a ${kind} notice`, failureText(e));
      return;
    }
    void this.out(peer, controlFrame(bytes));
  }

  /** Sends a control notice to `node` unless it is gone or refused (notices never raise). */
  private notify(node: string, kind: string, ...fields: unknown[]): void {
    if (this.closed) return;
    let peer: Peer;
    try {
      peer = this.peerFor(node);
    } catch {
      return;
    }
    if (peer.refused === undefined) this.control(peer, kind, ...fields);
  }

  // ### ProcessNetwork: what the processes of this node ask of other nodes

  send(pid: ProcessId, message: unknown, mayWait: boolean): unknown {
    const peer = this.reachable("!", pid.node);
    // An id of an earlier incarnation of that node names a process that is gone.
    if (peer.hello !== undefined && pid.incarnation !== 0 && pid.incarnation !== peer.hello.incarnation)
      return undefined;
    const bytes = this.encode("!", message);
    const frame =
      pid.service !== undefined
        ? serviceMessageFrame(pid.service, bytes)
        : messageFrame(pid.incarnation, pid.number, bytes);
    this.checkSize("!", peer, frame);
    const sent = this.out(peer, frame);
    if (!mayWait || peer.pending <= this.maxPendingSends) return undefined;
    // Back-pressure: this process waits until the transport took its frame; the others go on.
    return suspend((thread) => {
      const wake = () => thread.wake(undefined);
      sent.then(wake, wake);
    });
  }

  link(local: Process, remote: ProcessId): void {
    this.links.link(local, remote);
  }

  unlink(local: Process, remote: ProcessId): void {
    this.links.unlink(local, remote);
  }

  monitor(watcher: Process, target: ProcessId, tag: Tag): void {
    this.links.monitor(watcher, target, tag);
  }

  demonitor(tag: Tag): boolean {
    return this.links.demonitor(tag);
  }

  exited(
    p: Process,
    reason: ExitReason,
    links: readonly ProcessId[],
    watchers: readonly [Tag, ProcessId][],
  ): void {
    this.links.exited(p, reason, links, watchers);
  }

  // ### Remote spawn and ping

  /** `(remote-spawn node thunk)`: parks the caller until the peer answers the new process's id. */
  remoteSpawn(who: string, address: string, thunk: Procedure, linked: boolean, name: unknown): unknown {
    if (this.started && address === this.address) return this.node().spawn(thunk, linked, name);
    const peer = this.reachable(who, address);
    const thunkBytes = this.encode(who, thunk);
    return requestSpawn(this.node(), this.requests, address, thunkBytes, linked, name, (kind, ...fields) =>
      this.control(peer, kind, ...fields),
    );
  }

  /** `(ping node [timeout])`: `pong` when the node answers in time, `no-reply` otherwise. */
  ping(address: string, seconds: number, pong: unknown, noReply: unknown): unknown {
    if (address === this.address) return pong;
    let peer: Peer;
    try {
      peer = this.reachable("ping", address);
    } catch {
      return noReply;
    }
    const id = this.requests.next();
    void this.out(peer, pingFrame(FrameKind.PING, id));
    return suspend((thread) => {
      const timer = setTimeout(() => {
        if (this.requests.drop(id)) thread.wake(noReply);
      }, seconds * 1000);
      this.requests.wait(id, address, (outcome) => {
        clearTimeout(timer);
        thread.wake("value" in outcome ? pong : noReply);
      });
    });
  }

  // ### Arrivals

  /** One frame from `from`: nothing it holds may take the node down. */
  private receive(transport: Transport, from: string, frame: Uint8Array): void {
    try {
      this.dispatch(transport, from, frame);
    } catch (e) {
      this.problems.report(
        from,
        e instanceof FrameError ? "malformed frame dropped" : "frame dropped",
        failureText(e),
      );
    }
  }

  private dispatch(transport: Transport, from: string, frame: Uint8Array): void {
    if (frame.length === 0) {
      this.problems.report(from, "empty frame dropped");
      return;
    }
    const kind = frame[0]!;
    let peer = this.peers.get(from);
    if (peer === undefined) {
      peer = newPeer(from, transport);
      this.peers.set(from, peer);
    }
    if (kind === FrameKind.HELLO) this.onHello(peer, frame);
    else if (kind === FrameKind.REFUSE) this.onRefuse(peer, frame);
    else if (peer.refused !== undefined) return;
    else if (peer.hello === undefined) {
      this.problems.report(from, "frame before the handshake dropped");
      // A peer that restarted faster than its loss was noticed still sends on the old footing:
      // introducing ourselves again lets it notice.
      if (!peer.helloSent) {
        peer.helloSent = true;
        void this.raw(peer, helloFrame(this.hello!));
      }
    } else if (kind === FrameKind.PING) void this.out(peer, pingFrame(FrameKind.PONG, readPingId(frame)));
    else if (kind === FrameKind.PONG) this.requests.settle(readPingId(frame), { value: true }, from);
    else if (kind === FrameKind.MESSAGE || kind === FrameKind.SERVICE_MESSAGE) this.onMessage(peer, frame);
    else if (kind === FrameKind.CONTROL) {
      const p = peer;
      decodeInOrder(
        this.wire,
        peer,
        undefined,
        frame.subarray(1),
        (notice) => this.onNotice(p, notice),
        (e) => this.problems.report(from, `undecodable notice dropped (${failureCode(e)})`, messageOf(e)),
      );
    } else this.problems.report(from, `unknown frame kind 0x${kind.toString(16)} dropped`);
  }

  private onHello(peer: Peer, frame: Uint8Array): void {
    const hello = readHello(readJson(frame));
    const why = incompatibility(this.hello!, hello);
    if (why !== undefined) {
      if (peer.refused === undefined) {
        peer.refused = why;
        this.problems.report(peer.address, "refused", why);
        void this.raw(peer, refuseFrame(why));
        this.peerGone(peer.address, `was refused: ${why}`);
      }
      return;
    }
    if (peer.hello !== undefined && peer.hello.incarnation !== hello.incarnation) {
      // The peer restarted: ids of the old incarnation are dead, and the new one has not heard of us.
      this.peerGone(peer.address);
      peer.helloSent = false;
    }
    peer.hello = hello;
    peer.refused = undefined;
    if (!peer.helloSent) {
      peer.helloSent = true;
      void this.raw(peer, helloFrame(this.hello!));
    }
  }

  private onRefuse(peer: Peer, frame: Uint8Array): void {
    if (peer.refused !== undefined) return;
    const reason = readJson(frame).reason;
    peer.refused = `refused by the peer: ${typeof reason === "string" ? reason : "no reason given"}`;
    this.problems.report(peer.address, "refused this node", peer.refused);
    this.peerGone(peer.address, peer.refused);
  }

  private onMessage(peer: Peer, frame: Uint8Array): void {
    const destination = readDestination(frame);
    const processes = this.node();
    const target =
      "service" in destination
        ? processes.find(new ProcessId(this.address, 0, 0, destination.service))
        : destination.incarnation === this.hello!.incarnation
          ? processes.find(new ProcessId(this.address, destination.number, destination.incarnation))
          : undefined;
    if (target === undefined) {
      this.problems.report(
        peer.address,
        "service" in destination
          ? `message for service ${destination.service}, which nobody holds, dropped`
          : "message for a process that does not exist dropped",
      );
      return;
    }
    if (target.mailbox.size >= this.maxMailboxMessages) {
      this.problems.report(peer.address, `message dropped: the mailbox of ${write(target.pid)} is full`);
      return;
    }
    decodeInOrder(
      this.wire,
      peer,
      `p${target.pid.number}`,
      destination.message,
      (message) => {
        if (target.thread.exit === undefined) target.mailbox.put(message);
      },
      (e) =>
        this.problems.report(peer.address, `undecodable message dropped (${failureCode(e)})`, messageOf(e)),
    );
  }

  private onNotice(peer: Peer, notice: unknown): void {
    if (!Array.isArray(notice) || notice.length === 0) {
      this.problems.report(peer.address, "malformed notice dropped", write(notice));
      return;
    }
    const [first, ...fields] = notice as unknown[];
    const kind = String(first);
    const reply = (k: string, ...f: unknown[]) => this.control(peer, k, ...f);
    try {
      if (this.links.onNotice(peer.address, kind, fields, reply)) return;
      if (kind === Notice.SPAWN) answerSpawn(this.node(), this.wire, failureText, fields, reply);
      else if (kind === Notice.SPAWNED || kind === Notice.SPAWN_FAILED)
        onSpawnAnswer(this.requests, peer.address, kind, fields);
      else this.problems.report(peer.address, `unknown notice ${write(first)} dropped`);
    } catch (e) {
      this.problems.report(peer.address, `malformed ${kind} notice dropped`, failureText(e));
    }
  }

  // ### Losing a peer

  private peerLost(lost: PeerLost): void {
    const peer = this.peers.get(lost.peer);
    this.peers.delete(lost.peer);
    this.problems.forget(lost.peer);
    // A refused peer was already given up; others: their processes are gone for us.
    if (peer?.refused === undefined) this.peerGone(lost.peer);
  }

  /**
   * Everything of this node that hangs on processes of `node` hears `noconnection`: linked
   * processes end, monitors receive DOWN, requests waiting for it fail.
   */
  private peerGone(node: string, why = "was lost before it answered"): void {
    this.requests.lost(node, why);
    this.links.lost(node);
  }
}
