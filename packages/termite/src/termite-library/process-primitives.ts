// ## The process procedures of `(termite)` as primitives
//
// None of these calls Scheme code, so they are plain primitives: blocking ones (`?`, `!?`,
// `thread-join!`) park the process with `suspend` and are woken by a delivery or a timer. The
// selective receive with a Scheme predicate (`??`) and `recv` are Scheme code built on the
// `(termite mailbox)` primitives below.

import {
  Flonum,
  flonumValue,
  isFlonum,
  Pair,
  type Procedure,
  ProcessId,
  Ratio,
  Sym,
  Tag,
} from "@termite/datum";
import {
  type PrimitiveGroup,
  prim,
  raise,
  SchemeThread,
  suspend,
  threadJoin,
  threadTerminate,
  typeError,
} from "@termite/runtime";
import { type Deadline, deadlineAfter, expired } from "./mailbox.js";
import { type Process, type ProcessNode, processError } from "./process-node.js";

function pidArg(who: string, x: unknown, index: number): ProcessId {
  if (!(x instanceof ProcessId)) typeError(who, "a process id", x, index);
  return x as ProcessId;
}

function procedureArg(who: string, x: unknown, index: number): Procedure {
  if (typeof x !== "function") typeError(who, "a procedure", x, index);
  return x as Procedure;
}

function symbolArg(who: string, x: unknown, index: number): Sym {
  if (!(x instanceof Sym)) typeError(who, "a symbol", x, index);
  return x as Sym;
}

/** A timeout in seconds (any non-negative real, `+inf.0` = wait forever) -> deadline. */
export function timeoutDeadline(who: string, x: unknown, index: number): Deadline {
  let s: number;
  if (typeof x === "number" || x instanceof Flonum) s = isFlonum(x) ? flonumValue(x) : (x as number);
  else if (typeof x === "bigint") s = Number(x);
  else if (x instanceof Ratio) s = Number(x.numerator) / Number(x.denominator);
  else return typeError(who, "a timeout in seconds", x, index);
  if (!(s >= 0)) return typeError(who, "a non-negative timeout in seconds", x, index);
  return deadlineAfter(s);
}

/** What a receive with a timeout answers when the time is up: the default, or an error. */
function timedOut(who: string, rest: readonly unknown[], defaultIndex: number): unknown {
  if (rest.length > defaultIndex) return rest[defaultIndex];
  return raise(processError("mailbox-receive-timeout", who, "no message arrived before the timeout"));
}

/**
 * Takes the first message from position `start` on that satisfies `accept`, parking until one
 * arrives; only messages that arrived while parked are looked at again.
 */
function select(
  p: Process,
  start: number,
  accept: (message: unknown) => boolean,
  deadline: Deadline,
  onTimeout: () => unknown,
  deliver: (message: unknown) => unknown = identity,
): unknown {
  const box = p.mailbox;
  for (let i = start; i < box.size; i++) if (accept(box.at(i))) return deliver(box.take(i));
  if (expired(deadline)) return onTimeout();
  const seen = box.size;
  return suspend((thread) =>
    box.park(thread, seen, deadline, (arrived) =>
      thread.wakeWith(arrived ? () => select(p, seen, accept, deadline, onTimeout, deliver) : onTimeout),
    ),
  );
}

const anything = (): boolean => true;
const identity = (x: unknown): unknown => x;

/** The primitives of `(termite process)` and `(termite mailbox)` for the processes of `node`. */
export function processPrimitiveGroups(node: ProcessNode): PrimitiveGroup[] {
  const receive = (...rest: unknown[]): unknown => {
    const deadline = rest.length > 0 ? timeoutDeadline("?", rest[0], 0) : false;
    return select(node.current(), 0, anything, deadline, () => timedOut("?", rest, 1));
  };

  const process: PrimitiveGroup = {
    library: "termite/process",
    bindings: {
      spawn: prim(1, 2, (thunk, name) => node.spawn(procedureArg("spawn", thunk, 0), false, name)),
      "spawn-link": prim(1, 2, (thunk, name) => node.spawn(procedureArg("spawn-link", thunk, 0), true, name)),
      self: prim(0, 0, () => node.current().pid),
      "process?": prim(1, 1, (x) => x instanceof ProcessId),
      // To another node, `!` may park the sender while the peer's outgoing queue is full.
      "!": prim(2, 2, (pid, message) => node.send(pidArg("!", pid, 0), message, true)),
      "?": prim(0, 2, receive),
      "!?": prim(2, 4, (pid, message, ...rest) => remoteCall(node, pid, message, rest)),
      "make-tag": prim(0, 0, () => node.makeTag()),
      "tag?": prim(1, 1, (x) => x instanceof Tag),
      "publish-service": prim(2, 2, (name, pid) => {
        node.publish(symbolArg("publish-service", name, 0), pidArg("publish-service", pid, 1));
        return undefined;
      }),
      "unpublish-service": prim(1, 1, (name) => {
        node.unpublish(symbolArg("unpublish-service", name, 0));
        return undefined;
      }),
      "resolve-service": prim(1, 1, (name) => node.resolve(symbolArg("resolve-service", name, 0)) ?? false),
      link: prim(1, 1, (pid) => {
        node.linkTo(node.current(), pidArg("link", pid, 0));
        return undefined;
      }),
      unlink: prim(1, 1, (pid) => {
        node.unlinkFrom(node.current(), pidArg("unlink", pid, 0));
        return undefined;
      }),
      monitor: prim(1, 1, (pid) => node.monitor(node.current(), pidArg("monitor", pid, 0))),
      demonitor: prim(1, 1, (tag) => {
        if (!(tag instanceof Tag)) typeError("demonitor", "a monitor tag", tag, 0);
        node.demonitor(tag as Tag);
        return undefined;
      }),
      // A process is a thread: join it by its id (or a thread as SRFI 18 does).
      "thread-join!": prim(1, 3, (target, ...rest) => {
        if (target instanceof SchemeThread) return threadJoin(target, ...rest);
        const thread = node.threadOf(pidArg("thread-join!", target, 0));
        if (thread === undefined)
          return raise(processError("unknown-process", "thread-join!", "no such process", target));
        return threadJoin(thread, ...rest);
      }),
      // And end it by its id: its links and monitors hear "terminated".
      "thread-terminate!": prim(1, 1, (target) => {
        if (target instanceof SchemeThread) return threadTerminate(target);
        const thread = node.threadOf(pidArg("thread-terminate!", target, 0));
        if (thread === undefined)
          return raise(processError("unknown-process", "thread-terminate!", "no such process", target));
        return threadTerminate(thread);
      }),
    },
  };

  // What `recv` expands into: the running process's mailbox, by position.
  const mailbox: PrimitiveGroup = {
    library: "termite/mailbox",
    bindings: {
      "mailbox-has?": prim(1, 1, (i: number) => i < node.current().mailbox.size),
      "mailbox-ref": prim(1, 1, (i: number) => node.current().mailbox.at(i)),
      "mailbox-take!": prim(1, 1, (i: number) => node.current().mailbox.take(i)),
      "receive-timeout": prim(1, 1, (who) => timedOut(String(who), [], 0)),
      "recv-deadline": prim(1, 1, (seconds) => timeoutDeadline("recv", seconds, 0)),
      // Parks until the mailbox holds more than `seen` messages (#t) or the deadline passes (#f).
      "mailbox-wait": prim(2, 2, (seen: number, deadline: Deadline) => {
        const box = node.current().mailbox;
        if (box.size > seen) return true;
        if (expired(deadline)) return false;
        return suspend((thread) => box.park(thread, seen, deadline));
      }),
    },
  };
  return [process, mailbox];
}

/** `(!? pid message [timeout [default]])`: sends `(self tag message)`, answers `reply` of `(tag reply)`. */
function remoteCall(node: ProcessNode, pid: unknown, message: unknown, rest: unknown[]): unknown {
  const to = pidArg("!?", pid, 0);
  const deadline = rest.length > 0 ? timeoutDeadline("!?", rest[0], 2) : false;
  const me = node.current();
  const tag = node.makeTag();
  node.send(to, new Pair(me.pid, new Pair(tag, new Pair(message, null))));
  const isReply = (m: unknown): boolean =>
    m instanceof Pair && m.car === tag && m.cdr instanceof Pair && m.cdr.cdr === null;
  const reply = (m: unknown): unknown => ((m as Pair).cdr as Pair).car;
  return select(me, 0, isReply, deadline, () => timedOut("!?", rest, 1), reply);
}
