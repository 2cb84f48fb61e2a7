// ## Links and monitors across nodes
//
// Each node keeps its half: a process's `remoteLinks` (ids on other nodes) and, for monitors, the
// watcher's table here and the target's `monitoredBy` there. Notices keep the halves in step: a
// process that ends tells its remote links (`exit`) and watchers (`down`), with its condition and
// where it was raised. When a peer is lost, everything of this node that hangs on its processes
// hears `noconnection`: linked processes end, watchers get `(DOWN tag pid noconnection)`.

import { ProcessId, type Tag, write } from "@termite/datum";
import type { ExitReason } from "@termite/runtime";
import type { Process, ProcessNode } from "../termite-library/process-node.js";
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
import { FrameError, Notice } from "./frames.js";

/** How the links part sends notices: never raises; a node that cannot be reached is skipped. */
export interface NoticeSender {
  notify(node: string, kind: string, ...fields: unknown[]): void;
  /** False when nothing can go to `node` (no transport for it, or it was refused). */
  canReach(node: string): boolean;
}

interface RemoteMonitor {
  readonly watcher: Process;
  readonly target: ProcessId;
}

function pid(kind: string, x: unknown): ProcessId {
  if (!(x instanceof ProcessId)) throw new FrameError(`a ${kind} notice names processes, got ${write(x)}`);
  return x;
}

export class RemoteLinks {
  /** Monitors held by processes of this node on processes of other nodes, by tag. */
  private readonly monitors = new Map<Tag, RemoteMonitor>();

  constructor(
    private readonly node: () => ProcessNode,
    private readonly wire: Wire,
    private readonly sender: NoticeSender,
  ) {}

  link(local: Process, remote: ProcessId): void {
    this.sender.notify(remote.node, Notice.LINK, local.pid, remote);
  }

  unlink(local: Process, remote: ProcessId): void {
    this.sender.notify(remote.node, Notice.UNLINK, local.pid, remote);
  }

  monitor(watcher: Process, target: ProcessId, tag: Tag): void {
    if (!this.sender.canReach(target.node)) {
      this.node().down(watcher, tag, target, NOCONNECTION);
      return;
    }
    this.monitors.set(tag, { watcher, target });
    this.sender.notify(target.node, Notice.MONITOR, watcher.pid, target, tag);
  }

  demonitor(tag: Tag): boolean {
    const m = this.monitors.get(tag);
    if (m === undefined) return false;
    this.monitors.delete(tag);
    this.sender.notify(m.target.node, Notice.DEMONITOR, tag, m.target);
    return true;
  }

  /** A process of this node ended: its remote links and watchers hear why, and where. */
  exited(
    p: Process,
    reason: ExitReason,
    links: readonly ProcessId[],
    watchers: readonly [Tag, ProcessId][],
  ): void {
    let value = reasonValue(reason);
    const trace = reason.normal ? [] : packTrace(reason.condition);
    try {
      this.wire.encode(value);
    } catch {
      // The condition holds something that cannot travel (an open port): its text goes instead.
      value = carriableCondition(value);
    }
    for (const l of links) this.sender.notify(l.node, Notice.EXIT, p.pid, l, value, trace);
    for (const [tag, w] of watchers) this.sender.notify(w.node, Notice.DOWN, w, tag, p.pid, value, trace);
  }

  /**
   * Handles a links-and-monitors notice from `from`; answers false for other kinds. `reply` sends
   * a notice back to that peer.
   */
  onNotice(
    from: string,
    kind: string,
    f: readonly unknown[],
    reply: (kind: string, ...fields: unknown[]) => void,
  ): boolean {
    const processes = this.node();
    switch (kind) {
      case Notice.LINK: {
        const [source, target] = [pid(kind, f[0]), pid(kind, f[1])];
        const p = processes.find(target);
        if (p === undefined) reply(Notice.EXIT, target, source, NOPROC, []);
        else (p.remoteLinks ??= new Set()).add(source);
        return true;
      }
      case Notice.UNLINK:
        processes.find(pid(kind, f[1]))?.remoteLinks?.delete(pid(kind, f[0]));
        return true;
      case Notice.EXIT:
        this.onExit(from, pid(kind, f[0]), pid(kind, f[1]), f[2], f[3]);
        return true;
      case Notice.MONITOR: {
        const [watcher, target, tag] = [pid(kind, f[0]), pid(kind, f[1]), f[2] as Tag];
        if (processes.monitorFrom(watcher, target, tag) === undefined)
          reply(Notice.DOWN, watcher, tag, target, NOPROC, []);
        return true;
      }
      case Notice.DEMONITOR:
        processes.find(pid(kind, f[1]))?.monitoredBy?.delete(f[0] as Tag);
        return true;
      case Notice.DOWN: {
        const tag = f[1] as Tag;
        const m = this.monitors.get(tag);
        if (m === undefined) return true;
        this.monitors.delete(tag);
        noteRemoteTrace(f[3], f[4], from);
        processes.down(m.watcher, tag, m.target, f[3]);
        return true;
      }
      default:
        return false;
    }
  }

  private onExit(from: string, source: ProcessId, target: ProcessId, reason: unknown, trace: unknown): void {
    const processes = this.node();
    const p = processes.find(target);
    if (p?.remoteLinks === undefined) return;
    // A link made through a service name (remote-service) is held under that name.
    const held = p.remoteLinks.has(source)
      ? source
      : [...p.remoteLinks].find((l) => l.node === source.node && l.service !== undefined);
    if (held === undefined) return;
    p.remoteLinks.delete(held);
    if (reason === NORMAL) return;
    noteRemoteTrace(reason, trace, from);
    processes.endByLink(p, source, reason, (c) => noteRemoteTrace(c, trace, from));
  }

  /** `node` is gone: `noconnection` for every link to and monitor of its processes. */
  lost(node: string): void {
    const processes = this.node();
    for (const [tag, m] of this.monitors) {
      if (m.target.node !== node) continue;
      this.monitors.delete(tag);
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
