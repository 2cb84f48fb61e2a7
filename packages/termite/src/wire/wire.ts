// ## One node's wire: runtime objects to bytes and back
//
// Knows the node's globals (primitives and library procedures travel by name), its console (the
// standard ports travel by role), the units of interpreted code it has loaded or received, and the
// extensions that teach it compiled code.

import type { CodeUnit, InterpretedUnit } from "@termite/compiler";
import type { CodeReference, ResumableCode } from "@termite/datum";
import { write } from "@termite/datum";
import type { GlobalEnvironment, IoContext } from "@termite/runtime";
import { decode, decodeSync, encode, type Reviver } from "@termite/serializer";
import { CompiledCodeTable } from "./compiled-codes.js";
import { type DescribeExtension, makeDescriber, type ScriptScopes } from "./describe.js";
import type { ProcessIdentities } from "./process-identities.js";
import { makeResolver, makeRevivers, type ReviveContext } from "./revive.js";
import { newScope, ScopedGlobals } from "./script-globals.js";

export interface WireOptions {
  /** Teaches the sender more objects (compiled closures, application objects). */
  readonly describe?: readonly DescribeExtension[];
  /** Revivers for the tags those extensions send. */
  readonly revivers?: Readonly<Record<string, Reviver>>;
  /** Resolves code references outside the runtime (compiled modules); may return a promise. */
  readonly resolveCode?: (ref: CodeReference) => unknown;
}

/** What a wire needs of its node. */
export interface WireNode {
  readonly globals: GlobalEnvironment;
  readonly io: IoContext;
  /** This node's processes: a received id of one of them is the id object the node handed out. */
  readonly processes?: ProcessIdentities | undefined;
}

export class Wire {
  /** The scope of this node's own script globals (./script-globals.ts). */
  readonly scope = newScope();
  /** Interpreted units by `module \0 id \0 hash \0 scope`: received ones, so later messages reuse them. */
  private readonly units = new Map<string, InterpretedUnit>();
  /** The scope of each script unit received from another node. */
  private readonly unitScopes = new WeakMap<object, string>();
  /** The globals views of received scopes. */
  private readonly scopedGlobals = new Map<string, GlobalEnvironment>();
  private readonly scriptScopes: ScriptScopes;
  /** The unit of each piece of interpreted code this node knows, for code that does not say. */
  private readonly unitOfCode = new WeakMap<object, CodeUnit>();
  private readonly context: ReviveContext;
  /** Compiled code this node loaded (the system's compile back end) or received. */
  readonly compiled = new CompiledCodeTable();

  constructor(
    readonly node: WireNode,
    private readonly options: WireOptions = {},
  ) {
    this.context = {
      globals: node.globals,
      io: node.io,
      units: this.units,
      compiled: this.compiled,
      compiledUnits: new Map(),
      processes: node.processes,
      // Received units are noted too, so that what was received can be sent on.
      onUnit: (unit, interpreted) => this.noteUnit(unit, interpreted),
      resolveCode: options.resolveCode,
      revivers: options.revivers,
    };
    this.scriptScopes = {
      scopeOf: (unit) => this.unitScopes.get(unit) ?? (unit as { scope?: string }).scope ?? this.scope,
      valueOf: (scope, name) => {
        const globals = this.globalsOf(scope);
        return globals.isDefined(name) ? { value: globals.lookup(name) } : undefined;
      },
    };
  }

  /** The globals a script unit of `scope` runs with on this node. */
  private globalsOf(scope: string): GlobalEnvironment {
    if (scope === this.scope) return this.node.globals;
    let g = this.scopedGlobals.get(scope);
    if (g === undefined) {
      g = new ScopedGlobals(this.node.globals, scope, this.scope);
      this.scopedGlobals.set(scope, g);
    }
    return g;
  }

  /** The revive context of messages: `carried` collects one message's script globals. */
  private messageContext(carried: { scope: string; globals: unknown[] }[]): ReviveContext {
    const context: ReviveContext = {
      ...this.context,
      scripts: {
        globals: (scope) => this.globalsOf(scope),
        noteScope: (unit, scope) => this.unitScopes.set(unit, scope),
        carried,
      },
    };
    // Read when needed: the system makes its process node at boot, after the wire.
    const node = this.node;
    Object.defineProperty(context, "processes", { get: () => node.processes });
    return context;
  }

  /** A copy of each value carried, as sent; this node's own globals are never overwritten by copies. */
  private assign(carried: { scope: string; globals: unknown[] }[]): void {
    for (const { scope, globals } of carried) {
      if (scope === this.scope) continue;
      const env = this.globalsOf(scope);
      for (const g of globals) {
        const entry = g as { name?: unknown; value?: unknown };
        if (typeof entry.name === "string" && entry.name.startsWith("#")) env.define(entry.name, entry.value);
      }
    }
  }

  /**
   * The revivers and resolver of synchronous decodes, made once (making them per message was a
   * tenth of a small message's round trip); their `carried` list is emptied after each message.
   */
  private syncHooks:
    | {
        revivers: ReturnType<typeof makeRevivers>;
        resolver: ReturnType<typeof makeResolver>;
        carried: { scope: string; globals: unknown[] }[];
      }
    | undefined;

  /** Records the unit of every code of `interpreted`, so frames of it can travel. */
  noteUnit(unit: CodeUnit, interpreted: InterpretedUnit): void {
    for (const code of interpreted.codes.values()) this.unitOfCode.set(code, unit);
  }

  /** The message bytes for `value`; throws `SerializeError` naming what cannot travel and its path. */
  encode(value: unknown): Uint8Array {
    const describer = makeDescriber(
      this.node.globals,
      (code: ResumableCode) => this.unitOfCode.get(code),
      this.options.describe,
      (code) => this.compiled.sourceOf(code),
      this.node.processes,
      this.scriptScopes,
    );
    return encode(value, {
      describe: describer.describe,
      print: (v) => describer.nameOf(v) ?? printable(v),
    });
  }

  /** The value of a message; waits for the resolver when it fetches code. */
  async decode(bytes: Uint8Array): Promise<unknown> {
    // Decodes waiting for code may interleave: each has its own context.
    const carried: { scope: string; globals: unknown[] }[] = [];
    const context = this.messageContext(carried);
    const value = await decode(bytes, { revivers: makeRevivers(context), resolver: makeResolver(context) });
    this.assign(carried);
    return value;
  }

  /** The value of a message whose code references resolve synchronously (`needs-async` otherwise). */
  decodeSync(bytes: Uint8Array): unknown {
    if (this.syncHooks === undefined || this.syncHooks.carried.length > 0) {
      const carried: { scope: string; globals: unknown[] }[] = [];
      const context = this.messageContext(carried);
      this.syncHooks = { revivers: makeRevivers(context), resolver: makeResolver(context), carried };
    }
    const { revivers, resolver, carried } = this.syncHooks;
    try {
      const value = decodeSync(bytes, { revivers, resolver });
      this.assign(carried);
      return value;
    } finally {
      carried.length = 0;
    }
  }
}

function printable(value: unknown): string | undefined {
  try {
    return write(value);
  } catch {
    return undefined;
  }
}
