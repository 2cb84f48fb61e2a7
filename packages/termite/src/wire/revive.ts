// ## The receiver's side: described runtime objects back to live ones
//
// Revivers only rebuild: a received unit is interpreted (compiled to closures, never run), code
// references are looked up in this node's runtime or handed to a resolver the embedder supplies.
// Nothing in the message runs until the program calls what it received.

import {
  type CodeUnit,
  type CompiledUnit,
  compileUnit,
  type InterpretedUnit,
  interpretUnit,
  type LambdaCode,
} from "@termite/compiler";
import {
  Box,
  type CodeReference,
  DynamicEnvironment,
  type Frame,
  type FrameStack,
  frameStack,
  type HandlerNode,
  MString,
  type ParameterBinding,
  type Procedure,
  ProcessId,
  procedureCode,
  RecordType,
  type ResumableCode,
  Tag,
  type Winder,
} from "@termite/datum";
import {
  type Continuation,
  type GlobalEnvironment,
  guardHandler,
  type IoContext,
  ioSystem,
  makeCaseLambda,
  makeContinuation,
  makeParameter,
  memoryPortFrom,
  Promise_,
  remakeRecordProcedure,
  runtimeCodeById,
  UNASSIGNED,
} from "@termite/runtime";
import type { CodeResolver, Reviver } from "@termite/serializer";
import { CodeReferenceError } from "@termite/serializer";
import type { CompiledCodeTable } from "./compiled-codes.js";
import { unpackBody, unpackTree } from "./core-tree.js";
import type { ProcessIdentities } from "./process-identities.js";
import { WireTags } from "./tags.js";

/** Code the JS back end resolves: a compiled closure's code makes closures from its free values. */
export interface CompiledClosureCode {
  /** Makes a closure over `free` (boxes for assigned variables), in `$free` order. */
  make(...free: unknown[]): Procedure;
}

/** What the receiver needs from its node. */
export interface ReviveContext {
  readonly globals: GlobalEnvironment;
  readonly io: IoContext;
  /** Units already interpreted on this node, by `module \0 id \0 hash`. */
  readonly units: Map<string, InterpretedUnit>;
  /** Told of each unit interpreted from a message. */
  readonly onUnit?: ((unit: CodeUnit, interpreted: InterpretedUnit) => void) | undefined;
  /** Compiled code this node loaded or received; received script units are added to it. */
  readonly compiled: CompiledCodeTable;
  /** Compiled units received, by `module \0 unit \0 hash`. */
  readonly compiledUnits: Map<string, Pick<CompiledUnit, "codes" | "compiled">>;
  /** Resolves code references other than the runtime's own (compiled modules). May be async. */
  readonly resolveCode?: ((ref: CodeReference) => unknown) | undefined;
  /** This node's processes, so that a received id of a local process is the node's own id object. */
  readonly processes?: ProcessIdentities | undefined;
  /** Script scopes (./script-globals.ts): where received script units bind their globals. */
  readonly scripts?: ReceivedScripts | undefined;
  /** Extra revivers (application objects). */
  readonly revivers?: Readonly<Record<string, Reviver>> | undefined;
}

function text(x: unknown): string {
  return x instanceof MString ? x.toString() : String(x);
}

function orNull<T>(x: unknown): T | null {
  return x === false ? null : (x as T);
}

/** What the revivers of one message need to bind received script units. */
export interface ReceivedScripts {
  /** The globals a unit of `scope` runs with. */
  globals(scope: string): GlobalEnvironment;
  /** Remembers the scope of a received interpreted unit, so that it travels on with it. */
  noteScope(unit: CodeUnit, scope: string): void;
  /** The script globals carried by this message: assigned after it is decoded. */
  readonly carried: { scope: string; globals: unknown[] }[];
}

/** The revivers of the runtime's described objects. */
export function makeRevivers(ctx: ReviveContext): Record<string, Reviver> {
  /**
   * A script unit's scope (its fields after `at`): its `#x` are read in that scope, and the values
   * carried are noted, to be assigned once the message is decoded.
   */
  const scopeOf = (fields: unknown[], at: number): string | undefined => {
    if (fields.length <= at || ctx.scripts === undefined) return undefined;
    const scope = text(fields[at]);
    if (!/^script-[0-9a-f]{16}$/.test(scope)) throw new Error(`a script unit's scope is malformed: ${scope}`);
    if (Array.isArray(fields[at + 1]))
      ctx.scripts.carried.push({ scope, globals: fields[at + 1] as unknown[] });
    return scope;
  };
  const unitOf = (fields: unknown[]): InterpretedUnit => {
    const [module, id, hash, bytes] = fields;
    const scope = text(module) === "" ? scopeOf(fields, 4) : undefined;
    const key = `${text(module)}\u0000${text(id)}\u0000${text(hash)}\u0000${scope ?? ""}`;
    let unit = ctx.units.get(key);
    if (unit === undefined) {
      if (!(bytes instanceof Uint8Array)) throw new Error("a code unit without its syntax tree");
      const code: CodeUnit = { module: text(module), id: text(id), node: unpackTree(bytes) };
      unit = interpretUnit(code, scope === undefined ? ctx.globals : ctx.scripts!.globals(scope));
      ctx.units.set(key, unit);
      if (scope !== undefined) ctx.scripts!.noteScope(code, scope);
      ctx.onUnit?.(code, unit);
    }
    return unit;
  };
  return {
    [WireTags.GLOBAL]: ([name]) => {
      const n = text(name);
      if (!ctx.globals.isDefined(n)) throw new Error(`the global ${n} is not defined on this node`);
      return ctx.globals.lookup(n);
    },
    [WireTags.CODE_UNIT]: unitOf,
    [WireTags.COMPILED_UNIT]: (fields) => {
      const [module, unitId, hash, bytes, block] = fields;
      const m = text(module);
      const u = text(unitId);
      const h = text(hash);
      const scope = m === "" ? scopeOf(fields, 5) : undefined;
      const key = `${m}\u0000${u}\u0000${h}\u0000${scope ?? ""}`;
      let unit = ctx.compiledUnits.get(key);
      if (unit === undefined) {
        if (!(bytes instanceof Uint8Array)) throw new Error("a compiled unit without its syntax tree");
        const body = unpackBody(bytes);
        const globals = scope === undefined ? ctx.globals : ctx.scripts!.globals(scope);
        const compiled = compileUnit(body, globals, { module: m, unit: u, block: block === true });
        // The same tree and options give the same code on every node of the same compiler ABI.
        if (compiled.compiled.hash !== h)
          throw CodeReferenceError.hashMismatch({ module: m, id: u, hash: h }, compiled.compiled.hash);
        unit = compiled;
        ctx.compiledUnits.set(key, unit);
        ctx.compiled.add(unit, { unit: u, block: block === true, body, scope });
      }
      return unit;
    },
    [WireTags.COMPILED_CODE]: ([unit, id]) => {
      const code = (unit as Pick<CompiledUnit, "codes">).codes.get(text(id));
      if (code === undefined) throw new Error(`no code ${text(id)} in the received compiled unit`);
      return code;
    },
    [WireTags.INTERPRETED_CODE]: ([unit, id]) => {
      const code = (unit as InterpretedUnit).codes.get(text(id));
      if (code === undefined) throw new Error(`no code ${text(id)} in the received unit`);
      return code;
    },
    [WireTags.INTERPRETED_CLOSURE]: ([code, env]) => {
      if (!(code as LambdaCode).makeClosure)
        throw new Error("an interpreted closure whose code is no lambda");
      return (code as LambdaCode).makeClosure(env as unknown[]);
    },
    [WireTags.SCRIPT_GLOBAL]: ([name, value]) => ({ name: text(name), value }),
    [WireTags.CASE_LAMBDA]: ([name, ...clauses]) => caseLambda(text(name), clauses as Procedure[]),
    [WireTags.CLOSURE]: ([code, ...free]) => {
      if (typeof (code as CompiledClosureCode)?.make !== "function")
        throw new Error("a compiled closure whose code cannot make closures");
      return (code as CompiledClosureCode).make(...free);
    },
    // Two-phase: a box may hold a closure that holds the box.
    // Filled after creation: a promise's thunk may refer back to the promise.
    [WireTags.PROMISE]: {
      create: () => new Promise_(false, undefined),
      fill: (promise, [done, value]) => {
        (promise as Promise_).done = done === true;
        (promise as Promise_).value = value;
      },
    },
    [WireTags.BOX]: {
      create: () => new Box(undefined),
      fill: (box, [value]) => {
        (box as Box).v = value;
      },
    },
    [WireTags.FRAME]: ([code, cp, values]): Frame => {
      if (typeof (code as ResumableCode)?.resume !== "function")
        throw new Error("a frame whose code cannot resume");
      return { code: code as ResumableCode, cp: Number(cp), values: values as unknown[] };
    },
    [WireTags.CONTINUATION]: ([dyn, ...frames]) => {
      let stack: FrameStack | null = null;
      for (let i = frames.length - 1; i >= 0; i--) stack = frameStack(frames[i] as Frame, stack);
      return makeContinuation(stack, dyn as DynamicEnvironment);
    },
    [WireTags.DYNAMIC_ENVIRONMENT]: ([winders, handlers, parameters]): DynamicEnvironment =>
      new DynamicEnvironment(
        orNull<Winder>(winders),
        orNull<HandlerNode>(handlers),
        orNull<ParameterBinding>(parameters),
      ),
    [WireTags.WINDER]: ([before, after, outer, next]): Winder => {
      const n = orNull<Winder>(next);
      return {
        before: before as Procedure,
        after: after as Procedure,
        outer: outer as DynamicEnvironment,
        next: n,
        depth: (n?.depth ?? 0) + 1,
      };
    },
    [WireTags.HANDLER]: ([handler, next]): HandlerNode => ({
      handler: handler as Procedure,
      next: orNull<HandlerNode>(next),
    }),
    [WireTags.PARAMETER_BINDING]: ([parameter, value, next]): ParameterBinding => ({
      parameter: parameter as object,
      value,
      next: orNull<ParameterBinding>(next),
    }),
    [WireTags.GUARD_HANDLER]: ([guardK, handler]) =>
      guardHandler(guardK as Continuation, handler as Procedure),
    [WireTags.PARAMETER]: ([value, converter]) =>
      makeParameter(value, converter === false ? undefined : (converter as Procedure)),
    [WireTags.CONSOLE_PORT]: ([role]) => {
      const io = ioSystem(ctx.io);
      const r = text(role);
      if (r === "stdin") return io.stdin;
      if (r === "stdout") return io.stdout;
      if (r === "stderr") return io.stderr;
      throw new Error(`no console port ${r}`);
    },
    [WireTags.UNASSIGNED]: () => UNASSIGNED,
    [WireTags.MEMORY_PORT]: ([kind, direction, content, open, foldCase]) => {
      const k = text(kind);
      const d = text(direction);
      if ((k !== "string" && k !== "bytevector") || (d !== "input" && d !== "output"))
        throw new Error(`no ${k} ${d} port`);
      if (k === "bytevector" && !(content instanceof Uint8Array))
        throw new Error("a bytevector port's content is a bytevector");
      return memoryPortFrom({
        kind: k,
        direction: d,
        content: k === "string" ? text(content) : (content as Uint8Array),
        open: open === true,
        foldCase: foldCase === true,
      });
    },
    // The field numbers are plain fields (a vector would still be empty while revivers run).
    [WireTags.RECORD_PROCEDURE]: ([kind, type, name, ...fields]) => {
      const k = text(kind);
      if (k !== "constructor" && k !== "predicate" && k !== "accessor" && k !== "modifier")
        throw new Error(`no record procedure of kind ${k}`);
      if (!(type instanceof RecordType)) throw new Error("a record procedure needs a record type");
      if (!fields.every((f) => Number.isInteger(f)))
        throw new Error("a record procedure's fields are field numbers");
      return remakeRecordProcedure({ role: k, type, fields: fields as number[], name: text(name) });
    },
    pid: (fields) => {
      const ids = ctx.processes;
      if (ids?.reviveId !== undefined) return ids.reviveId("pid", fields);
      const pid = new ProcessId(text(fields[0]), Number(fields[1]));
      return ids?.find(pid)?.pid ?? pid;
    },
    tag: (fields) => ctx.processes?.reviveId?.("tag", fields) ?? new Tag(text(fields[0]), Number(fields[1])),
    ...ctx.revivers,
  };
}

/** The resolver of code references: the runtime's own frames here, others through `resolveCode`. */
export function makeResolver(ctx: ReviveContext): CodeResolver {
  return {
    resolve(ref) {
      if (ref.module === "termite/runtime") return runtimeCodeById(ref.id);
      if (ctx.compiled.has(ref)) return ctx.compiled.resolve(ref);
      if (ctx.resolveCode !== undefined) return ctx.resolveCode(ref);
      return ctx.compiled.resolve(ref);
    },
  };
}

/** A `case-lambda` rebuilt from its clauses, each clause's arity read from its lambda's tree. */
function caseLambda(name: string, clauses: Procedure[]): Procedure {
  return makeCaseLambda(
    name,
    clauses.map((procedure) => {
      const node = procedureCode(procedure)?.node as LambdaCode["node"] | undefined;
      return { min: node?.params.length ?? 0, rest: node ? node.rest !== null : true, procedure };
    }),
  );
}
