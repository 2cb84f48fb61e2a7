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
  carriableCondition,
  NOCONNECTION,
  NOPROC,
  NORMAL,
  noteRemoteTrace,
  packTrace,
  reasonValue,
} from "./exit-reasons.js";
import {
  controlFrame,
  DISTRIBUTION_PROTOCOL,
  FrameError,
  FrameKind,
  messageFrame,
  pingFrame,
  readDestination,
  readJson,
  readPingId,
  serviceMessageFrame,
} from "./frames.js";
import { type Hello, helloFrame, incompatibility, readHello, refuseFrame } from "./handshake.js";
import { transportAddress } from "./node-address.js";
import { newPeer, type Peer } from "./peer.js";
import { ProblemLog } from "./problems.js";
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

/** A request waiting for the answer of a peer (remote spawn, ping). */
interface Request {
  readonly peer: string;
  /** Called once with the outcome: a value, or a condition to raise. */
  readonly settle: (outcome: { value: unknown } | { condition: unknown }) => void;
}

/** A monitor held by a process of this node on a process of another node. */
interface RemoteMonitor {
  readonly watcher: Process;
  readonly target: ProcessId;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`option ${name} must be a positive integer`);
  return value;
}

/** Decode and encode failures as the short reasons of log lines and Scheme errors. */
function failureText(e: unknown): string {
  if (SerializeError.isInstance(e) || DecodeError.isInstance(e)) return `${e.code}: ${e.message}`;
  if (SchemeRaise.isInstance(e)) return write(e.payload);
  return e instanceof Error ? e.message : String(e);
}

function needsAsync(e: unknown): boolean {
  return DecodeError.isInstance(e) && e.code === "needs-async";
}

const SPAWN = "spawn";
const SPAWNED = "spawned";
const SPAWN_FAILED = "spawn-failed";
const LINK = "link";
const UNLINK = "unlink";
const EXIT = "exit";
const MONITOR = "monitor";
const DEMONITOR = "demonitor";
const DOWN = "down";

export class NodeDistribution implements ProcessNetwork {
  private readonly transports: TransportSet;
  private readonly peers = new Map<string, Peer>();
  private readonly requests = new Map<number, Request>();
  private readonly remoteMonitors = new Map<Tag, RemoteMonitor>();
  private readonly problems: ProblemLog;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly maxPendingSends: number;
  private readonly maxMailboxMessages: number;
  private readonly abi: number;
  private requestCount = 0;
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
    this.notify(remote.node, LINK, local.pid, remote);
  }

  unlink(local: Process, remote: ProcessId): void {
    this.notify(remote.node, UNLINK, local.pid, remote);
  }

  monitor(watcher: Process, target: ProcessId, tag: Tag): void {
    this.remoteMonitors.set(tag, { watcher, target });
    const peer = this.peers.get(target.node);
    if (peer?.refused !== undefined || this.transports.for(target.node) === undefined) {
      this.remoteMonitors.delete(tag);
      this.node().down(watcher, tag, target, NOCONNECTION);
      return;
    }
    this.notify(target.node, MONITOR, watcher.pid, target, tag);
  }

  demonitor(tag: Tag): boolean {
    const m = this.remoteMonitors.get(tag);
    if (m === undefined) return false;
    this.remoteMonitors.delete(tag);
    this.notify(m.target.node, DEMONITOR, tag, m.target);
    return true;
  }

  exited(
    p: Process,
    reason: ExitReason,
    remoteLinks: readonly ProcessId[],
    watchers: readonly [Tag, ProcessId][],
  ): void {
    const value = reasonValue(reason);
    const trace = reason.normal ? [] : packTrace(reason.condition);
    const tell = (node: string, kind: string, ...fields: unknown[]) => {
      try {
        this.wire.encode(fields);
        this.notify(node, kind, ...fields);
      } catch {
        // The condition holds something that cannot travel: send its text instead.
        fields[fields.length - 2] = carriableCondition(value);
        this.notify(node, kind, ...fields);
      }
    };
    for (const pid of remoteLinks) tell(pid.node, EXIT, p.pid, pid, value, trace);
    for (const [tag, watcher] of watchers) tell(watcher.node, DOWN, watcher, tag, p.pid, value, trace);
  }

  // ### Requests: remote spawn and ping

  /** `(remote-spawn node thunk)`: parks the caller until the peer answers the new process's id. */
  remoteSpawn(who: string, node: string, thunk: Procedure, linked: boolean, name: unknown): unknown {
    const processes = this.node();
    const address = transportAddress(node);
    if (address === this.address || !this.started) return processes.spawn(thunk, linked, name);
    const peer = this.reachable(who, address);
    const me = processes.current();
    // The thunk travels as a message inside the notice, so that a thunk the peer cannot decode is
    // answered with an error instead of a notice it cannot read.
    const thunkBytes = this.encode(who, thunk);
    const id = ++this.requestCount;
    this.control(peer, SPAWN, me.pid, id, thunkBytes, linked, name ?? false);
    return suspend((thread) => {
      this.requests.set(id, {
        peer: address,
        settle: (outcome) => {
          if ("condition" in outcome) {
            thread.wakeWith(() => {
              throw new SchemeRaise(outcome.condition);
            });
            return;
          }
          if (linked && outcome.value instanceof ProcessId && me.thread.exit === undefined)
            (me.remoteLinks ??= new Set()).add(outcome.value);
          thread.wake(outcome.value);
        },
      });
    });
  }

  /** `(ping node [timeout])`: `pong` when the node answers in time, `no-reply` otherwise. */
  ping(node: string, seconds: number, pong: unknown, noReply: unknown): unknown {
    const address = transportAddress(node);
    if (address === this.address) return pong;
    let peer: Peer;
    try {
      peer = this.reachable("ping", address);
    } catch {
      return noReply;
    }
    const id = ++this.requestCount;
    void this.out(peer, pingFrame(FrameKind.PING, id));
    return suspend((thread) => {
      const timer = setTimeout(() => {
        if (this.requests.delete(id)) thread.wake(noReply);
      }, seconds * 1000);
      this.requests.set(id, {
        peer: address,
        settle: (outcome) => {
          clearTimeout(timer);
          thread.wake("value" in outcome ? pong : noReply);
        },
      });
    });
  }

  private settle(id: unknown, outcome: { value: unknown } | { condition: unknown }, from: string): void {
    const request = typeof id === "number" ? this.requests.get(id) : undefined;
    if (request === undefined || request.peer !== from) return;
    this.requests.delete(id as number);
    request.settle(outcome);
  }

  // ### Arrivals

  /** One frame from `from`: nothing it holds may take the node down. */
  private receive(transport: Transport, from: string, frame: Uint8Array): void {
    try {
      if (frame.length === 0) return this.problems.report(from, "empty frame dropped");
      const kind = frame[0];
      const peer = this.peers.get(from) ?? this.peers.set(from, newPeer(from, transport)).get(from)!;
      if (kind === FrameKind.HELLO) return this.onHello(peer, frame);
      if (kind === FrameKind.REFUSE) return this.onRefuse(peer, frame);
      if (peer.refused !== undefined) return;
      if (peer.hello === undefined) {
        this.problems.report(from, "frame before the handshake dropped");
        // A peer that restarted faster than its loss was noticed still sends on the old footing:
        // introducing ourselves again lets it notice.
        if (!peer.helloSent) {
          peer.helloSent = true;
          void this.raw(peer, helloFrame(this.hello!));
        }
        return;
      }
      switch (kind) {
        case FrameKind.PING:
          void this.out(peer, pingFrame(FrameKind.PONG, readPingId(frame)));
          return;
        case FrameKind.PONG:
          return this.settle(readPingId(frame), { value: true }, from);
        case FrameKind.MESSAGE:
        case FrameKind.SERVICE_MESSAGE:
          return this.onMessage(peer, frame);
        case FrameKind.CONTROL:
          return this.decodeInOrder(peer, undefined, frame.subarray(1), (notice) =>
            this.onControl(peer, notice),
          );
        default:
          return this.problems.report(from, `unknown frame kind 0x${kind!.toString(16)} dropped`);
      }
    } catch (e) {
      this.problems.report(
        from,
        e instanceof FrameError ? "malformed frame dropped" : "frame dropped",
        failureText(e),
      );
    }
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
    if (target === undefined)
      return this.problems.report(
        peer.address,
        "service" in destination
          ? `message for service ${destination.service}, which nobody holds, dropped`
          : "message for a process that does not exist dropped",
      );
    if (target.mailbox.size >= this.maxMailboxMessages)
      return this.problems.report(
        peer.address,
        `message dropped: the mailbox of ${write(target.pid)} is full`,
      );
    this.decodeInOrder(peer, `p${target.pid.number}`, destination.message, (message) => {
      if (target.thread.exit === undefined) target.mailbox.put(message);
    });
  }

  /**
   * Decodes `bytes` and hands the value on, keeping the order of frames from `peer` to one
   * destination (`key`), or to all (`undefined`, a control notice): synchronously when the code
   * the message names is at hand; otherwise it waits for the resolver, and so do the later frames.
   */
  private decodeInOrder(
    peer: Peer,
    key: string | undefined,
    bytes: Uint8Array,
    deliver: (value: unknown) => void,
  ): void {
    const before: Promise<void>[] = [];
    if (peer.controlWaiting !== undefined) before.push(peer.controlWaiting);
    if (key === undefined) before.push(...peer.waiting.values());
    else {
      const w = peer.waiting.get(key);
      if (w !== undefined) before.push(w);
    }
    const fail = (e: unknown) =>
      this.problems.report(peer.address, "undecodable message dropped", failureText(e));
    if (before.length === 0) {
      let value: unknown;
      try {
        value = this.wire.decodeSync(bytes);
      } catch (e) {
        if (!needsAsync(e)) return fail(e);
        before.push(Promise.resolve());
      }
      if (before.length === 0) return deliver(value);
    }
    const done: Promise<void> = Promise.all(before)
      .then(() => this.wire.decode(bytes))
      .then(deliver, fail)
      .finally(() => {
        if (key === undefined) {
          if (peer.controlWaiting === done) peer.controlWaiting = undefined;
        } else if (peer.waiting.get(key) === done) peer.waiting.delete(key);
      });
    if (key === undefined) peer.controlWaiting = done;
    else peer.waiting.set(key, done);
  }

  private onControl(peer: Peer, notice: unknown): void {
    if (!Array.isArray(notice) || notice.length === 0)
      return this.problems.report(peer.address, "malformed notice dropped", write(notice));
    const [kind, ...f] = notice as unknown[];
    const processes = this.node();
    const pid = (x: unknown): ProcessId => {
      if (!(x instanceof ProcessId)) throw new FrameError(`a ${String(kind)} notice needs process ids`);
      return x;
    };
    switch (String(kind)) {
      case LINK: {
        const [from, to] = [pid(f[0]), pid(f[1])];
        const p = processes.find(to);
        if (p === undefined) this.control(peer, EXIT, to, from, NOPROC, []);
        else (p.remoteLinks ??= new Set()).add(from);
        return;
      }
      case UNLINK:
        processes.find(pid(f[1]))?.remoteLinks?.delete(pid(f[0]));
        return;
      case EXIT: {
        const [from, to] = [pid(f[0]), pid(f[1])];
        const p = processes.find(to);
        if (p?.remoteLinks === undefined) return;
        // A link made through a service name is held under that name.
        const held = p.remoteLinks.has(from)
          ? from
          : [...p.remoteLinks].find((l) => l.node === from.node && l.service !== undefined);
        if (held === undefined) return;
        p.remoteLinks.delete(held);
        if (f[2] === NORMAL) return;
        noteRemoteTrace(f[2], f[3], peer.address);
        processes.endByLink(p, from, f[2], (c) => noteRemoteTrace(c, f[3], peer.address));
        return;
      }
      case MONITOR: {
        const [watcher, target, tag] = [pid(f[0]), pid(f[1]), f[2] as Tag];
        if (processes.monitorFrom(watcher, target, tag) === undefined)
          this.control(peer, DOWN, watcher, tag, target, NOPROC, []);
        return;
      }
      case DEMONITOR:
        processes.find(pid(f[1]))?.monitoredBy?.delete(f[0] as Tag);
        return;
      case DOWN: {
        const tag = f[1] as Tag;
        const m = this.remoteMonitors.get(tag);
        if (m === undefined) return;
        this.remoteMonitors.delete(tag);
        noteRemoteTrace(f[3], f[4], peer.address);
        processes.down(m.watcher, tag, m.target, f[3]);
        return;
      }
      case SPAWN:
        return this.onSpawn(peer, pid(f[0]), f[1], f[2], f[3] === true, f[4]);
      case SPAWNED:
        return this.settle(f[1], { value: pid(f[2]) }, peer.address);
      case SPAWN_FAILED:
        return this.settle(
          f[1],
          {
            condition: processError(
              "remote-spawn-failed",
              "remote-spawn",
              `node ${peer.address}: ${String(f[2])}`,
            ),
          },
          peer.address,
        );
      default:
        this.problems.report(peer.address, `unknown notice ${write(kind)} dropped`);
    }
  }

  private onSpawn(
    peer: Peer,
    requester: ProcessId,
    id: unknown,
    thunkBytes: unknown,
    linked: boolean,
    name: unknown,
  ): void {
    const refuse = (why: string) => this.control(peer, SPAWN_FAILED, requester, id, why);
    if (!(thunkBytes instanceof Uint8Array)) return refuse("the spawn request carries no thunk");
    const start = (thunk: unknown) => {
      if (typeof thunk !== "function") return refuse(`not a procedure: ${write(thunk)}`);
      const child = this.node().spawnDetached(thunk as Procedure, name === false ? undefined : name, (p) => {
        if (linked) (p.remoteLinks ??= new Set()).add(requester);
      });
      this.control(peer, SPAWNED, requester, id, child);
    };
    let thunk: unknown;
    try {
      thunk = this.wire.decodeSync(thunkBytes);
    } catch (e) {
      if (!needsAsync(e)) return refuse(`cannot decode the thunk: ${failureText(e)}`);
      this.wire
        .decode(thunkBytes)
        .then(start, (err: unknown) => refuse(`cannot decode the thunk: ${failureText(err)}`));
      return;
    }
    start(thunk);
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
    const processes = this.node();
    for (const [id, request] of this.requests) {
      if (request.peer !== node) continue;
      this.requests.delete(id);
      request.settle({ condition: processError("noconnection", "remote-spawn", `node ${node} ${why}`) });
    }
    for (const [tag, m] of this.remoteMonitors) {
      if (m.target.node !== node) continue;
      this.remoteMonitors.delete(tag);
      processes.down(m.watcher, tag, m.target, NOCONNECTION);
    }
    for (const p of [...processes.all()]) {
      if (p.monitoredBy !== undefined)
        for (const [tag, w] of p.monitoredBy)
          if (w instanceof ProcessId && w.node === node) p.monitoredBy.delete(tag);
      if (p.remoteLinks === undefined) continue;
      for (const l of p.remoteLinks) {
        if (l.node !== node) continue;
        p.remoteLinks.delete(l);
        processes.endByLink(p, l, NOCONNECTION);
      }
    }
  }
}
