// ## The processes of one node
//
// A process is a green thread (`SchemeThread`) with a mailbox, links and monitors, kept in the
// thread's `owner` slot. The node maps process numbers to processes, so that a process id is pure
// data (node address, number) and can later name a process on another node. Any thread becomes a
// process the first time it asks for its mailbox or its id (the main thread of a script too).
// Ids of other nodes' processes are handed to the node's `network` (src/distribution/), which
// carries messages, links and monitors to them.

import {
  DynamicEnvironment,
  ErrorObject,
  intern,
  list,
  type Procedure,
  ProcessId,
  type Sym,
  Tag,
  write,
} from "@termite/datum";
import { currentThread, type ExitReason, SchemeRaise, SchemeThread } from "@termite/runtime";
import { backtraceText } from "../report.js";
import { reportedByStarter } from "../reported-threads.js";
import { Mailbox } from "./mailbox.js";

/** A process: its thread, id and mailbox, and who hears when it ends. */
export class Process {
  readonly mailbox = new Mailbox();
  /** Linked processes: an abnormal end of either ends the other (made on first use). */
  links: Set<Process> | undefined;
  /** Linked processes of other nodes (made on first use). */
  remoteLinks: Set<ProcessId> | undefined;
  /** Monitors watching this process: tag -> the watching process, here or on another node. */
  monitoredBy: Map<Tag, Process | ProcessId> | undefined;
  /** Set when the process was ended by a link rather than by its own error (not reported). */
  endedByLink = false;

  constructor(
    readonly thread: SchemeThread,
    readonly pid: ProcessId,
  ) {}
}

const NORMAL = intern("normal");
const DOWN = intern("DOWN");

/**
 * What a node that joined a network does with ids of other nodes' processes (implemented by
 * `src/distribution/`). The process node keeps the local half of links and monitors; the network
 * tells the other node and reports its half.
 */
export interface ProcessNetwork {
  /** `(! pid message)` to another node; may answer a `suspend` (the peer's queue is full). */
  send(pid: ProcessId, message: unknown, mayWait: boolean): unknown;
  /** Tells `remote`'s node that `local` links to it (both halves are then kept). */
  link(local: Process, remote: ProcessId): void;
  unlink(local: Process, remote: ProcessId): void;
  /** `watcher` monitors `target` of another node under `tag`. */
  monitor(watcher: Process, target: ProcessId, tag: Tag): void;
  /** Forgets a monitor of a remote process; false when `tag` is not one. */
  demonitor(tag: Tag): boolean;
  /** A local process ended: its remote links and the remote processes monitoring it hear it. */
  exited(
    p: Process,
    reason: ExitReason,
    remoteLinks: readonly ProcessId[],
    watchers: readonly [Tag, ProcessId][],
  ): void;
}

/** A weak table of ids and tags of the network, so that one id or tag is one object (`eq?`). */
class InternTable<T extends object> {
  private readonly entries = new Map<string, WeakRef<T>>();
  private readonly cleanup = new FinalizationRegistry<string>((key) => {
    if (this.entries.get(key)?.deref() === undefined) this.entries.delete(key);
  });

  get(key: string): T | undefined {
    return this.entries.get(key)?.deref();
  }

  add(key: string, value: T): T {
    this.entries.set(key, new WeakRef(value));
    this.cleanup.register(value, key);
    return value;
  }
}

function fieldText(x: unknown): string {
  if (typeof x === "string") return x;
  if (x !== null && typeof x === "object" && "toString" in x) return String(x);
  throw new Error(`expected a text field, got ${write(x)}`);
}

function fieldNumber(x: unknown): number {
  if (typeof x !== "number" || !Number.isSafeInteger(x) || x < 0)
    throw new Error(`expected a non-negative integer field, got ${write(x)}`);
  return x;
}

/** An error with a stable `code` that tests and handlers can pin. */
export function processError(
  code: string,
  who: string,
  message: string,
  ...irritants: unknown[]
): ErrorObject {
  return Object.assign(new ErrorObject("error", message, irritants, who), { code });
}

/** `who: message irritant…`, the way an uncaught condition is reported. */
export function conditionText(condition: unknown): string {
  if (condition instanceof ErrorObject) {
    const who = condition.who === undefined ? "" : `${condition.who}: `;
    return `${who}${condition.message}${condition.irritants.map((i) => ` ${write(i)}`).join("")}`;
  }
  return `non-error object raised: ${write(condition)}`;
}

export class ProcessNode {
  /** The node's transport address once it joins a network (`tcp://127.0.0.1:7000`); `""` alone. */
  address = "";
  /** This start of the node (random, non-zero) once it joins a network; 0 while alone. */
  incarnation = 0;
  /** Carries what concerns other nodes, once the node joined a network. */
  network: ProcessNetwork | undefined;
  private readonly remoteIds = new InternTable<ProcessId>();
  private readonly tags = new InternTable<Tag>();
  private readonly processes = new Map<number, Process>();
  /** Ended processes stay findable from their own id object, for `thread-join!`. */
  private readonly threadsById = new WeakMap<ProcessId, SchemeThread>();
  private readonly services = new Map<Sym, ProcessId>();
  private readonly monitors = new Map<Tag, { watcher: Process; target: Process }>();
  private tagCount = 0;

  constructor(
    /** Where uncaught errors of processes are reported (the node's stderr). */
    private readonly report: (text: string) => void,
  ) {}

  /** The process of `thread`, made on first use. */
  processOf(thread: SchemeThread): Process {
    const existing = thread.owner as Process | undefined;
    if (existing !== undefined) return existing;
    const pid = new ProcessId(this.address, thread.number, this.incarnation);
    const p = new Process(thread, pid);
    thread.owner = p;
    this.processes.set(thread.number, p);
    this.threadsById.set(pid, thread);
    thread.onExit((reason) => this.ended(p, reason));
    return p;
  }

  /** The running process. */
  current(): Process {
    return this.processOf(currentThread());
  }

  /** True when `pid` names a process of this node (live or not). */
  isLocal(pid: ProcessId): boolean {
    return (
      pid.node === "" ||
      (pid.node === this.address && (pid.incarnation === 0 || pid.incarnation === this.incarnation))
    );
  }

  /** The live process named by `pid` (a service name is looked up now), if any. */
  find(pid: ProcessId): Process | undefined {
    if (!this.isLocal(pid)) return undefined;
    if (pid.service !== undefined) {
      const named = this.services.get(intern(pid.service));
      return named === undefined || named.service !== undefined ? undefined : this.find(named);
    }
    const p = this.processes.get(pid.number);
    return p !== undefined && (p.pid.node === pid.node || p.pid.node === "") ? p : undefined;
  }

  /** Every live process of this node. */
  all(): IterableIterator<Process> {
    return this.processes.values();
  }

  /** Joins a network: ids made from now on carry `address` and `incarnation`. */
  joinNetwork(address: string, incarnation: number, network: ProcessNetwork): void {
    this.address = address;
    this.incarnation = incarnation;
    this.network = network;
  }

  // ### Ids on the wire

  /** `[node, number, incarnation]`, or `[node, 0, 0, service]` for a service's name. */
  describeId(id: ProcessId | Tag): unknown[] {
    const local = id.node === "" || (id.node === this.address && id.incarnation === 0);
    const node = local ? this.address : id.node;
    const incarnation = local ? this.incarnation : id.incarnation;
    if (id instanceof ProcessId && id.service !== undefined) return [node, 0, 0, id.service];
    return [node, id.number, incarnation];
  }

  /** The id the wire fields name: this node's own object for its processes and tags, else interned. */
  reviveId(kind: "pid" | "tag", fields: readonly unknown[]): ProcessId | Tag {
    if (fields.length < 2 || fields.length > 4) throw new Error(`a ${kind} has 2 to 4 fields`);
    const node = fieldText(fields[0]);
    const number = fieldNumber(fields[1]);
    const incarnation = fields.length > 2 ? fieldNumber(fields[2]) : 0;
    if (kind === "tag") {
      const key = `${node}\0${incarnation}\0${number}`;
      return this.tags.get(key) ?? this.tags.add(key, new Tag(node, number, incarnation));
    }
    const service = fields.length > 3 ? fieldText(fields[3]) : undefined;
    const pid = new ProcessId(node, number, incarnation, service);
    if (service === undefined && this.isLocal(pid)) {
      const p = this.find(pid);
      if (p !== undefined) return p.pid;
    }
    const key = `${node}\0${incarnation}\0${number}\0${service ?? ""}`;
    return this.remoteIds.get(key) ?? this.remoteIds.add(key, pid);
  }

  /** The thread of `pid`, also once it has ended (when `pid` is the id the node handed out). */
  threadOf(pid: ProcessId): SchemeThread | undefined {
    return this.threadsById.get(pid) ?? this.find(pid)?.thread;
  }

  /**
   * Starts `thunk` in a new process. It inherits the parameters of its parent (the current output
   * port…) but not its exception handlers or winders: those belong to the parent's continuation.
   */
  spawn(thunk: Procedure, linked: boolean, name?: unknown): ProcessId {
    const parent = currentThread();
    const thread = new SchemeThread(() => thunk(), name, parent.scheduler);
    const dyn = new DynamicEnvironment(null, null, parent.dyn.parameters);
    thread.dyn = dyn;
    const child = this.processOf(thread);
    if (linked) this.link(this.processOf(parent), child);
    thread.start();
    return child.pid;
  }

  /**
   * Starts `thunk` in a new process for another node (`remote-spawn`): no parent here, so the
   * node's default parameters (its console). `prepare` runs before the process does.
   */
  spawnDetached(thunk: Procedure, name: unknown, prepare: (p: Process) => void): ProcessId {
    const thread = new SchemeThread(() => thunk(), name);
    const child = this.processOf(thread);
    prepare(child);
    thread.start();
    return child.pid;
  }

  /**
   * `(! pid message)`: here by reference, to another node through the network (which may answer a
   * `suspend` when `mayWait` and the peer's queue is full). A message to an ended process is dropped.
   */
  send(pid: ProcessId, message: unknown, mayWait = false): unknown {
    if (this.isLocal(pid)) {
      this.find(pid)?.mailbox.put(message);
      return undefined;
    }
    if (this.network === undefined)
      throw new SchemeRaise(
        processError("no-network", "!", "this node has not joined a network (node-init)", pid),
      );
    return this.network.send(pid, message, mayWait);
  }

  makeTag(): Tag {
    const tag = new Tag(this.address, ++this.tagCount, this.incarnation);
    // On a network the tag may come back in a reply: it must come back as this object.
    if (this.network !== undefined) this.tags.add(`${this.address}\0${this.incarnation}\0${tag.number}`, tag);
    return tag;
  }

  // ### Links and monitors

  link(a: Process, b: Process): void {
    if (a === b) return;
    (a.links ??= new Set()).add(b);
    (b.links ??= new Set()).add(a);
  }

  unlink(a: Process, b: Process): void {
    a.links?.delete(b);
    b.links?.delete(a);
  }

  /** Links `p` to the process `pid` names, here or on another node (nothing if it ended here). */
  linkTo(p: Process, pid: ProcessId): void {
    if (!this.isLocal(pid)) {
      if (this.network === undefined) return;
      (p.remoteLinks ??= new Set()).add(pid);
      this.network.link(p, pid);
      return;
    }
    const other = this.find(pid);
    if (other !== undefined) this.link(p, other);
  }

  unlinkFrom(p: Process, pid: ProcessId): void {
    if (!this.isLocal(pid)) {
      if (p.remoteLinks?.delete(pid)) this.network?.unlink(p, pid);
      return;
    }
    const other = this.find(pid);
    if (other !== undefined) this.unlink(p, other);
  }

  /**
   * Ends `p` because a linked process ended abnormally (`reason`: its condition, or `noconnection`
   * when its node was lost). Nothing if `p` already ended.
   */
  endByLink(p: Process, from: ProcessId, reason: unknown, trace?: (condition: ErrorObject) => void): void {
    if (p.thread.exit !== undefined) return;
    p.endedByLink = true;
    const condition = processError(
      "linked-process-failed",
      "link",
      "a linked process ended abnormally",
      from,
      reason,
    );
    trace?.(condition);
    p.thread.finish({ normal: false, condition });
  }

  /** Puts `(DOWN tag pid reason)` in `watcher`'s mailbox. */
  down(watcher: Process, tag: Tag, pid: ProcessId, reason: unknown): void {
    watcher.mailbox.put(list([DOWN, tag, pid, reason]));
  }

  /** `watcher` will receive `(DOWN tag pid reason)` when `target` ends; returns the tag. */
  monitor(watcher: Process, target: ProcessId): Tag {
    const tag = this.makeTag();
    if (!this.isLocal(target) && this.network !== undefined) {
      this.network.monitor(watcher, target, tag);
      return tag;
    }
    const p = this.find(target);
    if (p === undefined) watcher.mailbox.put(list([DOWN, tag, target, intern("noproc")]));
    else {
      (p.monitoredBy ??= new Map()).set(tag, watcher);
      this.monitors.set(tag, { watcher, target: p });
    }
    return tag;
  }

  /** A process of another node monitors `target` here; false when `target` is not alive. */
  monitorFrom(watcher: ProcessId, target: ProcessId, tag: Tag): Process | undefined {
    const p = this.find(target);
    if (p !== undefined) (p.monitoredBy ??= new Map()).set(tag, watcher);
    return p;
  }

  demonitor(tag: Tag): void {
    if (this.network?.demonitor(tag)) return;
    const m = this.monitors.get(tag);
    if (m === undefined) return;
    m.target.monitoredBy?.delete(tag);
    this.monitors.delete(tag);
  }

  // ### Services (names of processes on this node)

  publish(name: Sym, pid: ProcessId): void {
    this.services.set(name, pid);
  }

  unpublish(name: Sym): void {
    this.services.delete(name);
  }

  resolve(name: Sym): ProcessId | undefined {
    return this.services.get(name);
  }

  // ### The end of a process

  /**
   * A process ended: its uncaught error (if it was its own) is reported once, linked processes
   * end too when the end was abnormal, and monitors hear `(DOWN tag pid reason)`.
   */
  private ended(p: Process, reason: ExitReason): void {
    this.processes.delete(p.pid.number);
    p.mailbox.close();
    if (this.services.size > 0)
      for (const [name, pid] of this.services) if (pid === p.pid) this.services.delete(name);
    if (!reason.normal && !p.endedByLink && !reportedByStarter.has(p.thread)) {
      this.report(
        `*** process ${write(p.pid)} ended by an uncaught error: ${conditionText(reason.condition)}\n${backtraceText(reason.condition)}`,
      );
    }
    const remoteWatchers: [Tag, ProcessId][] = [];
    if (p.monitoredBy !== undefined) {
      for (const [tag, watcher] of p.monitoredBy) {
        if (watcher instanceof ProcessId) {
          remoteWatchers.push([tag, watcher]);
          continue;
        }
        this.monitors.delete(tag);
        watcher.mailbox.put(list([DOWN, tag, p.pid, reason.normal ? NORMAL : reason.condition]));
      }
      p.monitoredBy = undefined;
    }
    if (this.network !== undefined && (p.remoteLinks !== undefined || remoteWatchers.length > 0)) {
      const remoteLinks = p.remoteLinks === undefined ? [] : [...p.remoteLinks];
      p.remoteLinks = undefined;
      this.network.exited(p, reason, remoteLinks, remoteWatchers);
    }
    if (p.links === undefined) return;
    const linked = [...p.links];
    p.links = undefined;
    for (const other of linked) {
      other.links?.delete(p);
      if (!reason.normal) this.endByLink(other, p.pid, reason.condition);
    }
  }
}
