// ## The conformance kit
//
// Every promise of the transport contract (`../transport.ts`) as a check that runs against any
// transport, so the author of a custom carrier tests it with one call:
//
//     describeTransportConformance("my transport", { makeTransport, unreachableAddress }, { describe, it });
//
// The checks use only the public interface and their own assertions, so they run under vitest,
// node:test, jest or a plain script (`transportConformanceChecks` gives them as a list).

import { TransportError, type TransportErrorCode } from "../errors.js";
import { addressScheme, type NodeAddress, type PeerLost, type Transport } from "../transport.js";

/** The limits the kit asks `makeTransport` for: small, so that back-pressure shows quickly. */
export interface ConformanceLimits {
  readonly maxQueuedFrames: number;
  readonly maxFrameBytes: number;
}

/** How the kit makes and addresses the transport under test. */
export interface ConformanceSetup {
  /** A fresh, unlistened transport whose `limits` equal `limits`. */
  makeTransport(limits: ConformanceLimits): Transport | Promise<Transport>;
  /** The address to `listen` on; default: none (the transport picks). Called once per listen. */
  listenAddress?(): string | undefined;
  /** An address of this transport's scheme where nobody listens. */
  unreachableAddress(): string;
  /** An address no transport of this scheme accepts; default `"no-such-scheme:x"`. */
  malformedAddress?: string;
  /** How long to wait for an expected event, in ms (default 15000). */
  timeoutMs?: number;
  /** Default `{ maxQueuedFrames: 8, maxFrameBytes: 1 MiB }`. */
  limits?: ConformanceLimits;
}

/** One check: a name and a function that throws when the transport breaks the contract. */
export interface ConformanceCheck {
  readonly name: string;
  run(): Promise<void>;
}

/** The subset of a test framework's API the kit uses. */
export interface ConformanceTestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>, timeoutMs?: number): void;
}

/** Registers every check as a test inside `describe(name, …)`. */
export function describeTransportConformance(
  name: string,
  setup: ConformanceSetup,
  api: ConformanceTestApi,
): void {
  const checks = transportConformanceChecks(setup);
  const timeout = 4 * (setup.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  api.describe(name, () => {
    for (const check of checks) api.it(check.name, () => check.run(), timeout);
  });
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** Every check of the contract, to run with any framework or none. */
export function transportConformanceChecks(setup: ConformanceSetup): ConformanceCheck[] {
  const limits = setup.limits ?? { maxQueuedFrames: 8, maxFrameBytes: 1024 * 1024 };
  const timeoutMs = setup.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** Runs `body` with a fresh scope whose transports are all closed afterwards. */
  const check = (name: string, body: (scope: Scope) => Promise<void>): ConformanceCheck => ({
    name,
    async run() {
      const scope = new Scope(setup, limits, timeoutMs);
      try {
        await body(scope);
      } finally {
        await scope.closeAll();
      }
    },
  });

  return [
    check("listen returns an address of the transport's scheme", async (s) => {
      const t = await s.make();
      const address = await t.listen(setup.listenAddress?.());
      assert(typeof address === "string", `listen resolved to ${String(address)}, not a string`);
      assert(
        addressScheme(address) === t.scheme,
        `address ${address} does not start with the scheme "${t.scheme}:"`,
      );
      assert(t.address === address, `transport.address is ${t.address}, listen returned ${address}`);
      assert(
        t.limits.maxFrameBytes === limits.maxFrameBytes &&
          t.limits.maxQueuedFrames === limits.maxQueuedFrames,
        `makeTransport must honour the limits it is given: asked ${JSON.stringify(limits)}, got ${JSON.stringify(t.limits)}`,
      );
      await expectRejection(t.listen(setup.listenAddress?.()), "already-listening", "a second listen");
    }),

    check("send before listen rejects with not-listening", async (s) => {
      const [b] = await s.listening(1);
      const a = await s.make();
      await expectRejection(a.send(b!.address!, bytes(1)), "not-listening", "send before listen");
    }),

    check("delivers frames with the sender's listening address, and replies reach it", async (s) => {
      const [a, b] = await s.listening(2);
      const atB = s.collect(b!);
      const atA = s.collect(a!);
      await a!.send(b!.address!, Uint8Array.of(1, 2, 3));
      await a!.send(b!.address!, new Uint8Array(0));
      await atB.waitCount(2);
      assert(atB.frames[0]!.from === a!.address, `sender seen as ${atB.frames[0]!.from}, is ${a!.address}`);
      assertBytes(atB.frames[0]!.frame, Uint8Array.of(1, 2, 3), "first frame");
      assertBytes(atB.frames[1]!.frame, new Uint8Array(0), "empty frame");
      await b!.send(atB.frames[0]!.from, Uint8Array.of(9));
      await atA.waitCount(1);
      assert(atA.frames[0]!.from === b!.address, `reply seen from ${atA.frames[0]!.from}, not ${b!.address}`);
      assertBytes(atA.frames[0]!.frame, Uint8Array.of(9), "reply");
    }),

    check("keeps per-pair order under load, in both directions and from several senders", async (s) => {
      const [a, b, c] = await s.listening(3);
      const count = 400;
      const atA = s.collect(a!);
      const atB = s.collect(b!);
      const sends: Promise<void>[] = [];
      for (let i = 0; i < count; i++) {
        sends.push(a!.send(b!.address!, sequenced(i, i * 7)));
        sends.push(c!.send(b!.address!, sequenced(i, (i * 13) % 3000)));
        sends.push(b!.send(a!.address!, sequenced(i, (i * 5) % 1500)));
      }
      await Promise.all(sends);
      await atB.waitCount(2 * count);
      await atA.waitCount(count);
      checkSequence(atB.from(a!.address!), count, "a -> b");
      checkSequence(atB.from(c!.address!), count, "c -> b");
      checkSequence(atA.from(b!.address!), count, "b -> a");
    }),

    check("carries a frame of exactly maxFrameBytes intact", async (s) => {
      const [a, b] = await s.listening(2);
      const atB = s.collect(b!);
      const big = bytes(limits.maxFrameBytes, 11);
      await a!.send(b!.address!, big);
      await atB.waitCount(1);
      assertBytes(atB.frames[0]!.frame, bytes(limits.maxFrameBytes, 11), "frame of maxFrameBytes");
    }),

    check("refuses an oversized frame, a non-frame and a bad address, and stays usable", async (s) => {
      const [a, b] = await s.listening(2);
      const atB = s.collect(b!);
      await expectRejection(
        a!.send(b!.address!, new Uint8Array(limits.maxFrameBytes + 1)),
        "frame-too-large",
        "a frame one byte over maxFrameBytes",
      );
      await expectRejection(
        a!.send(b!.address!, "text" as unknown as Uint8Array),
        "not-a-frame",
        "a string as frame",
      );
      await expectRejection(
        a!.send(setup.malformedAddress ?? "no-such-scheme:x", bytes(1)),
        "bad-address",
        "an address of another scheme",
      );
      await a!.send(b!.address!, Uint8Array.of(42));
      await atB.waitCount(1);
      assertBytes(atB.frames[0]!.frame, Uint8Array.of(42), "frame after the refused ones");
      await sleep(50);
      assert(atB.frames.length === 1, `expected 1 frame at the receiver, got ${atB.frames.length}`);
    }),

    check("send waits while the receiver holds back, then everything arrives in order", async (s) => {
      const [a, b] = await s.listening(2);
      const gate = deferred();
      const received: number[] = [];
      b!.on("frame", (_from, frame) => {
        received.push(sequenceOf(frame));
        return received.length === 1 ? gate.promise : undefined;
      });
      const { accepted, waiting } = await fillUntilSendWaits(a!, b!.address!, limits);
      assert(
        accepted >= limits.maxQueuedFrames,
        `send waited after ${accepted} frames, before the queue of ${limits.maxQueuedFrames} was full`,
      );
      gate.resolve();
      await withTimeout(waiting, timeoutMs, "the waiting send to resolve once the receiver went on");
      const last = accepted + 1;
      await a!.send(b!.address!, sequenced(last, 8));
      await until(() => received.length >= last + 1, timeoutMs, `all ${last + 1} frames`);
      for (let i = 0; i <= last; i++) {
        assert(received[i] === i, `frame ${i} arrived as ${received[i]} (order or loss)`);
      }
    }),

    check(
      "reports a peer that closes as lost, to nodes that sent to it and that received from it",
      async (s) => {
        const [a, b, c] = await s.listening(3);
        const atB = s.collect(b!);
        const lostAtA = s.losses(a!);
        const lostAtB = s.losses(b!);
        await a!.send(b!.address!, bytes(3));
        await c!.send(b!.address!, bytes(3));
        await atB.waitCount(2);
        // b only received from c: it must still learn that c went.
        const cAddress = c!.address!;
        await c!.close();
        const cLost = await lostAtB.waitFor(cAddress);
        assert(
          cLost.reason === "closed" || cLost.reason === "disconnected",
          `a closing sender was lost with reason ${cLost.reason}`,
        );
        const bAddress = b!.address!;
        await b!.close();
        const bLost = await lostAtA.waitFor(bAddress);
        assert(
          bLost.reason === "closed" || bLost.reason === "disconnected",
          `a closing receiver was lost with reason ${bLost.reason}`,
        );
      },
    ),

    check(
      "a lost peer's queue is dropped and counted, and waiting sends reject with peer-lost",
      async (s) => {
        const [a, b] = await s.listening(2);
        b!.on("frame", () => new Promise<void>(() => {})); // never reads past the first frame
        const { waiting } = await fillUntilSendWaits(a!, b!.address!, limits);
        const lostAtA = s.losses(a!);
        const bAddress = b!.address!;
        await b!.close();
        await expectRejection(waiting, "peer-lost", "a send waiting for room when its peer was lost");
        const lost = await lostAtA.waitFor(bAddress);
        assert(
          lost.droppedFrames >= 1 && lost.droppedFrames <= limits.maxQueuedFrames,
          `droppedFrames is ${lost.droppedFrames}; the queue was full (${limits.maxQueuedFrames})`,
        );
      },
    ),

    check(
      "a send to an address nobody answers at resolves, then the peer is reported unreachable",
      async (s) => {
        const [a] = await s.listening(1);
        const lostAtA = s.losses(a!);
        const nowhere = setup.unreachableAddress();
        await withTimeout(a!.send(nowhere, bytes(4)), timeoutMs, "send to an unreachable address to resolve");
        const lost = await lostAtA.waitFor(nowhere);
        assert(lost.reason === "unreachable", `expected reason unreachable, got ${lost.reason}`);
        // The transport is still fine afterwards.
        const [b] = await s.listening(1);
        const atB = s.collect(b!);
        await a!.send(b!.address!, bytes(5));
        await atB.waitCount(1);
      },
    ),

    check("a peer that comes back on the same address is reached anew", async (s) => {
      const [a, b] = await s.listening(2);
      const address = b!.address!;
      const atB = s.collect(b!);
      const lostAtA = s.losses(a!);
      await a!.send(address, sequenced(1, 0));
      await atB.waitCount(1);
      await b!.close();
      await lostAtA.waitFor(address);
      const b2 = await s.make();
      await b2.listen(address);
      const atB2 = s.collect(b2);
      await a!.send(address, sequenced(2, 0));
      await atB2.waitCount(1);
      assert(sequenceOf(atB2.frames[0]!.frame) === 2, "the new incarnation got an old frame");
      assert(atB2.frames[0]!.from === a!.address, "the new incarnation saw the wrong sender");
    }),

    check("close rejects waiting sends and later calls, and silences the transport", async (s) => {
      const [a, b] = await s.listening(2);
      const gate = deferred();
      b!.on("frame", () => gate.promise);
      const { waiting } = await fillUntilSendWaits(a!, b!.address!, limits);
      const events: string[] = [];
      a!.on("frame", () => void events.push("frame"));
      a!.on("peerLost", () => void events.push("peerLost"));
      await a!.close();
      await expectRejection(waiting, "closed", "a send waiting at close");
      await expectRejection(a!.send(b!.address!, bytes(1)), "closed", "send after close");
      await expectRejection(a!.listen(setup.listenAddress?.()), "closed", "listen after close");
      await a!.close();
      gate.resolve();
      await sleep(100);
      assert(events.length === 0, `a closed transport fired ${events.join(", ")}`);
    }),

    check("a throwing frame listener is reported and delivery goes on", async (s) => {
      const [a, b] = await s.listening(2);
      const problems: TransportError[] = [];
      b!.on("problem", (p) => void problems.push(p));
      let calls = 0;
      b!.on("frame", () => {
        calls++;
        if (calls === 1) throw new Error("listener bug");
      });
      await a!.send(b!.address!, bytes(1));
      await a!.send(b!.address!, bytes(2));
      await until(() => calls === 2, timeoutMs, "the second frame after a throwing listener");
      assert(
        problems.some((p) => TransportError.isInstance(p) && p.code === "handler-failed"),
        "no handler-failed problem reported",
      );
    }),
  ];
}

// ### Scope: the transports of one check

interface Received {
  from: NodeAddress;
  frame: Uint8Array;
}

class Scope {
  private readonly transports: Transport[] = [];
  private readonly collectors = new Map<Transport, Collector>();
  constructor(
    private readonly setup: ConformanceSetup,
    private readonly limits: ConformanceLimits,
    readonly timeoutMs: number,
  ) {}

  async make(): Promise<Transport> {
    const t = await this.setup.makeTransport(this.limits);
    this.transports.push(t);
    return t;
  }

  async listening(n: number): Promise<Transport[]> {
    const out: Transport[] = [];
    for (let i = 0; i < n; i++) {
      const t = await this.make();
      await t.listen(this.setup.listenAddress?.());
      out.push(t);
    }
    return out;
  }

  /** Records every frame `t` receives (one collector per transport). */
  collect(t: Transport): Collector {
    let c = this.collectors.get(t);
    if (!c) {
      c = new Collector(t, this.timeoutMs);
      this.collectors.set(t, c);
    }
    return c;
  }

  losses(t: Transport): LossLog {
    return new LossLog(t, this.timeoutMs);
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled(this.transports.map((t) => t.close()));
  }
}

class Collector {
  readonly frames: Received[] = [];
  constructor(
    t: Transport,
    private readonly timeoutMs: number,
  ) {
    t.on("frame", (from, frame) => void this.frames.push({ from, frame }));
  }
  from(address: NodeAddress): Uint8Array[] {
    return this.frames.filter((r) => r.from === address).map((r) => r.frame);
  }
  waitCount(n: number): Promise<void> {
    return until(() => this.frames.length >= n, this.timeoutMs, `${n} frames (got ${this.frames.length})`);
  }
}

class LossLog {
  readonly all: PeerLost[] = [];
  constructor(
    t: Transport,
    private readonly timeoutMs: number,
  ) {
    t.on("peerLost", (lost) => void this.all.push(lost));
  }
  async waitFor(peer: NodeAddress): Promise<PeerLost> {
    await until(() => this.all.some((l) => l.peer === peer), this.timeoutMs, `peerLost for ${peer}`);
    return this.all.find((l) => l.peer === peer)!;
  }
}

// ### Back-pressure probe

const PROBE_FRAME_BYTES = 64 * 1024;
const PROBE_MAX_BYTES = 256 * 1024 * 1024;
const PROBE_WAIT_MS = 300;

/**
 * Sends numbered frames until one `send` stays pending for PROBE_WAIT_MS; returns how many were
 * accepted before it and the pending send. Fails if a whole PROBE_MAX_BYTES went without waiting.
 */
async function fillUntilSendWaits(
  sender: Transport,
  to: NodeAddress,
  limits: ConformanceLimits,
): Promise<{ accepted: number; waiting: Promise<void> }> {
  const size = Math.min(PROBE_FRAME_BYTES, limits.maxFrameBytes);
  for (let i = 0; i * size < PROBE_MAX_BYTES; i++) {
    const sending = sender.send(to, sequenced(i, size - 4));
    sending.catch(() => {});
    const settled = await Promise.race([sending.then(() => true), sleep(PROBE_WAIT_MS).then(() => false)]);
    if (!settled) return { accepted: i, waiting: sending };
  }
  throw new ConformanceError(
    `send never waited: ${PROBE_MAX_BYTES} bytes were accepted while the receiver held back its first frame`,
  );
}

// ### Frames and assertions

/** A frame holding `seq` in its first 4 bytes, then `padding` bytes. */
function sequenced(seq: number, padding: number): Uint8Array {
  const frame = new Uint8Array(4 + padding);
  new DataView(frame.buffer).setUint32(0, seq);
  for (let i = 4; i < frame.length; i++) frame[i] = (seq + i) & 0xff;
  return frame;
}

function sequenceOf(frame: Uint8Array): number {
  return new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0);
}

function checkSequence(frames: Uint8Array[], count: number, pair: string): void {
  assert(frames.length === count, `${pair}: ${frames.length} frames arrived, ${count} were sent`);
  frames.forEach((frame, i) => {
    const seq = sequenceOf(frame);
    assert(seq === i, `${pair}: frame ${i} carries sequence number ${seq}`);
    assertBytes(frame, sequenced(seq, frame.length - 4), `${pair}: frame ${i}`);
  });
}

function bytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A failed conformance check. */
export class ConformanceError extends Error {
  override name = "ConformanceError";
}

function assert(ok: boolean, message: string): asserts ok {
  if (!ok) throw new ConformanceError(message);
}

function assertBytes(actual: Uint8Array, expected: Uint8Array, what: string): void {
  assert(actual instanceof Uint8Array, `${what}: delivered a ${typeof actual}, not a Uint8Array`);
  assert(actual.length === expected.length, `${what}: ${actual.length} bytes, expected ${expected.length}`);
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] !== expected[i]) throw new ConformanceError(`${what}: byte ${i} differs`);
  }
}

async function expectRejection(promise: Promise<unknown>, code: TransportErrorCode, what: string) {
  try {
    await promise;
  } catch (e) {
    assert(TransportError.isInstance(e), `${what}: rejected with ${String(e)}, not a TransportError`);
    assert(e.code === code, `${what}: rejected with code ${e.code}, expected ${code}`);
    return;
  }
  throw new ConformanceError(`${what}: resolved, expected a rejection with code ${code}`);
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function until(ok: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline)
      throw new ConformanceError(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ConformanceError(`timed out after ${timeoutMs} ms waiting for ${what}`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
