// ## The processes of one node
//
// A process is a green thread (`SchemeThread`) with a mailbox, links and monitors, kept in the
// thread's `owner` slot. The node maps process numbers to processes, so that a process id is pure
// data (node address, number) and can later name a process on another node. Any thread becomes a
// process the first time it asks for its mailbox or its id (the main thread of a script too).

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
import { currentThread, type ExitReason, SchemeThread } from "@termite/runtime";
import { backtraceText } from "../report.js";
import { reportedByStarter } from "../reported-threads.js";
import { Mailbox } from "./mailbox.js";

/** A process: its thread, id and mailbox, and who hears when it ends. */
export class Process {
  readonly mailbox = new Mailbox();
  /** Linked processes: an abnormal end of either ends the other (made on first use). */
  links: Set<Process> | undefined;
  /** Monitors watching this process: tag -> the watching process (made on first use). */
  monitoredBy: Map<Tag, Process> | undefined;
  /** Set when the process was ended by a link rather than by its own error (not reported). */
  endedByLink = false;

  constructor(
    readonly thread: SchemeThread,
    readonly pid: ProcessId,
  ) {}
}

const NORMAL = intern("normal");
const DOWN = intern("DOWN");

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
  /** `host:port` once the node joins a network; `""` while it is alone. */
  address = "";
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
    const pid = new ProcessId(this.address, thread.number);
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

  /** The live process named by `pid`, if any. */
  find(pid: ProcessId): Process | undefined {
    const p = this.processes.get(pid.number);
    return p !== undefined && p.pid.node === pid.node ? p : undefined;
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

  /** `(! pid message)`: delivery by reference; a message to an ended process is dropped. */
  send(pid: ProcessId, message: unknown): void {
    this.find(pid)?.mailbox.put(message);
  }

  makeTag(): Tag {
    return new Tag(this.address, ++this.tagCount);
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

  /** `watcher` will receive `(DOWN tag pid reason)` when `target` ends; returns the tag. */
  monitor(watcher: Process, target: ProcessId): Tag {
    const tag = this.makeTag();
    const p = this.find(target);
    if (p === undefined) watcher.mailbox.put(list([DOWN, tag, target, intern("noproc")]));
    else {
      (p.monitoredBy ??= new Map()).set(tag, watcher);
      this.monitors.set(tag, { watcher, target: p });
    }
    return tag;
  }

  demonitor(tag: Tag): void {
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
    if (p.monitoredBy !== undefined) {
      for (const [tag, watcher] of p.monitoredBy) {
        this.monitors.delete(tag);
        watcher.mailbox.put(list([DOWN, tag, p.pid, reason.normal ? NORMAL : reason.condition]));
      }
      p.monitoredBy = undefined;
    }
    if (p.links === undefined) return;
    const linked = [...p.links];
    p.links = undefined;
    for (const other of linked) {
      other.links?.delete(p);
      if (reason.normal || other.thread.exit !== undefined) continue;
      other.endedByLink = true;
      other.thread.finish({
        normal: false,
        condition: processError(
          "linked-process-failed",
          "link",
          "a linked process ended abnormally",
          p.pid,
          reason.condition,
        ),
      });
    }
  }
}
