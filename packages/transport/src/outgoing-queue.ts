// ## The bounded queue to one peer
//
// The building block of back-pressure: `push` resolves once the frame has a place in the queue,
// waiting in FIFO order while the queue is full, so frames keep the order of the `push` calls.
// Transports take frames out with `shift` as their carrier accepts them.

import type { TransportError } from "./errors.js";

interface WaitingFrame {
  frame: Uint8Array;
  resolve: () => void;
  reject: (error: TransportError) => void;
}

/** A FIFO of frames bounded to `capacity`, whose `push` waits while it is full. */
export class OutgoingQueue {
  private readonly frames: Uint8Array[] = [];
  private head = 0;
  private readonly waiting: WaitingFrame[] = [];
  private failure: TransportError | undefined;

  /** `onFrame` is called (synchronously) each time a frame enters the queue. */
  constructor(
    readonly capacity: number,
    private readonly onFrame: () => void = () => {},
  ) {}

  /** Frames in the queue (not counting pushes still waiting for room). */
  get length(): number {
    return this.frames.length - this.head;
  }

  /** Pushes still waiting for room. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  push(frame: Uint8Array): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiting.length === 0 && this.length < this.capacity) {
      this.frames.push(frame);
      this.onFrame();
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => this.waiting.push({ frame, resolve, reject }));
  }

  /** The next frame without taking it. */
  peek(): Uint8Array | undefined {
    return this.head < this.frames.length ? this.frames[this.head] : undefined;
  }

  /** Takes the next frame, admitting the first waiting push. */
  shift(): Uint8Array | undefined {
    if (this.head >= this.frames.length) return undefined;
    const frame = this.frames[this.head]!;
    this.frames[this.head++] = undefined as unknown as Uint8Array;
    if (this.head > 1024 && this.head * 2 > this.frames.length) {
      this.frames.splice(0, this.head);
      this.head = 0;
    }
    const next = this.waiting.shift();
    if (next) {
      this.frames.push(next.frame);
      next.resolve();
      this.onFrame();
    }
    return frame;
  }

  /**
   * Discards every queued frame and rejects every waiting push with `error`; later pushes reject
   * with it too. Returns how many accepted frames were discarded.
   */
  fail(error: TransportError): number {
    const dropped = this.length;
    this.failure = error;
    this.frames.length = 0;
    this.head = 0;
    for (const w of this.waiting.splice(0)) w.reject(error);
    return dropped;
  }
}
