// ## Mailbox
//
// The messages a process has received and not yet taken, oldest first. `recv` scans it by index
// and takes the first message that matches; when none does, the process parks until a message
// arrives beyond what it has already looked at (only new messages are scanned again) or until its
// deadline passes.

import type { SchemeThread } from "@termite/runtime";

/** A deadline in `performance.now()` milliseconds, or `false` for none. */
export type Deadline = number | false;

interface Waiter {
  readonly thread: SchemeThread;
  /** Wake when the mailbox holds more than this many messages. */
  readonly seen: number;
  readonly timer: NodeJS.Timeout | undefined;
  /** How to wake the owner; without it, `thread.wake(arrived)` (no closure per wait). */
  readonly resume: ((arrived: boolean) => void) | undefined;
}

export class Mailbox {
  /** Messages live in `items[head..]`: taking the oldest is O(1). */
  private items: unknown[] = [];
  private head = 0;
  private waiter: Waiter | null = null;

  get size(): number {
    return this.items.length - this.head;
  }

  /** The message at position `i` (0 = oldest); the caller checks `i < size`. */
  at(i: number): unknown {
    return this.items[this.head + i];
  }

  /** Removes and returns the message at position `i`. */
  take(i: number): unknown {
    const at = this.head + i;
    const message = this.items[at];
    if (i === 0) {
      this.items[at] = undefined;
      this.head++;
      if (this.head === this.items.length) {
        this.items = [];
        this.head = 0;
      } else if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
    } else {
      this.items.splice(at, 1);
    }
    return message;
  }

  /** Appends a message, waking the owner if it waits for one. */
  put(message: unknown): void {
    this.items.push(message);
    const w = this.waiter;
    if (w !== null && this.size > w.seen) {
      this.waiter = null;
      if (w.timer !== undefined) clearTimeout(w.timer);
      if (w.resume === undefined) w.thread.wake(true);
      else w.resume(true);
    }
  }

  /**
   * Parks `thread` until the mailbox holds more than `seen` messages (`resume(true)`) or the
   * deadline passes (`resume(false)`). Called from inside `suspend`.
   */
  park(thread: SchemeThread, seen: number, deadline: Deadline, resume?: (arrived: boolean) => void): void {
    let timer: NodeJS.Timeout | undefined;
    if (deadline !== false) {
      timer = setTimeout(
        () => {
          if (this.waiter?.thread !== thread) return;
          this.waiter = null;
          if (resume === undefined) thread.wake(false);
          else resume(false);
        },
        Math.max(0, deadline - performance.now()),
      );
    }
    this.waiter = { thread, seen, timer, resume };
  }

  /** Forgets the waiting owner (the process ended). */
  close(): void {
    if (this.waiter?.timer !== undefined) clearTimeout(this.waiter.timer);
    this.waiter = null;
    this.items = [];
    this.head = 0;
  }
}

/** Seconds from now -> deadline; `+inf.0` means none. */
export function deadlineAfter(seconds: number): Deadline {
  return seconds === Number.POSITIVE_INFINITY ? false : performance.now() + seconds * 1000;
}

export function expired(deadline: Deadline): boolean {
  return deadline !== false && performance.now() >= deadline;
}
