// ## Compiling a unit and loading the generated JavaScript
//
// In memory the generated body becomes a function through `new Function`; on disk it is an ES
// module exporting the same function, with a manifest beside it. Either way the function receives
// the runtime helpers, the unit's global cells, its constants, call-site positions and lambda nodes.

import type { Lambda, Node } from "@termite/core";
import type { CodeReference, ResumableCode, SourceLocation } from "@termite/datum";
import type { GlobalEnvironment } from "@termite/runtime";
import { sha256Hex } from "#host";
import {
  COMPILER_ABI,
  type GeneratedModule,
  type GenerateOptions,
  generate,
  generateProcedure,
  type LambdaContext,
} from "./generate.js";
import { runtimeSupport } from "./support.js";

/** A compiled procedure's code: frame code and closure code at once (what `$code` holds). */
export interface CompiledCode extends ResumableCode {
  readonly ref: CodeReference;
  /** The procedure's name as written, for backtraces. */
  readonly name: string | undefined;
  /** The lambda's core syntax tree, so closures of code that is not hosted can travel. */
  readonly node: Node;
  /** Makes a closure from its free values (boxes for assigned variables), in `$free` order. */
  readonly make: (...free: unknown[]) => (...args: unknown[]) => unknown;
  /** How it was compiled (in memory only): what `compileProcedure` needs to rebuild it elsewhere. */
  readonly context?: LambdaContext;
}

export interface CompileOptions extends Partial<Omit<GenerateOptions, "module" | "unit">> {
  /** The module supplied (`""` for scripts and programs). */
  readonly module?: string;
  /** The unit's id: the root of its code ids. */
  readonly unit?: string;
  /** The source text, hashed with the ABI version (otherwise the generated code is hashed). */
  readonly source?: string;
}

/** Generated code and what it needs, before it is loaded. */
export interface CompiledModule extends GeneratedModule {
  /** sha256 of the source (or the generated code) and the ABI version, in hex. */
  readonly hash: string;
  readonly abi: number;
  readonly module: string;
  readonly unit: string;
}

/** A loaded unit: the thunk that runs it, and its codes by id (for frames and closures received). */
export interface CompiledUnit {
  readonly run: () => unknown;
  readonly codes: ReadonlyMap<string, CompiledCode>;
  readonly compiled: CompiledModule;
}

/** Hash of a source text and the compiler ABI. */
export function sourceHash(text: string): string {
  return sha256Hex(`termite-js-abi-${COMPILER_ABI}\n`, text);
}

/** Core nodes -> JavaScript text and tables; deterministic for the same tree, options and ABI. */
export function compileModule(body: readonly Node[], options: CompileOptions = {}): CompiledModule {
  const module = options.module ?? "";
  const unit = options.unit ?? "main";
  const generated = generate(body, { ...options, module, unit, block: options.block ?? false });
  const hash = sourceHash(options.source ?? generated.body);
  return { ...generated, hash, abi: COMPILER_ABI, module, unit };
}

/** The parameters of the function whose body `generate` writes. */
export const MODULE_PARAMETERS = ["$rt", "$cells", "$K", "$LOC", "$NODES", "$meta"] as const;

/** What generated code finds in `$meta`. */
interface ModuleMeta {
  readonly hash: string;
  /** For a resume function alone: the code object it resumes, and its unit's codes by id. */
  readonly code?: CompiledCode;
  readonly codes?: ReadonlyMap<string, CompiledCode>;
}

type ModuleFunction = (
  rt: unknown,
  cells: unknown[],
  constants: readonly unknown[],
  locations: readonly (SourceLocation | undefined)[],
  nodes: readonly unknown[],
  meta: ModuleMeta,
) => () => unknown;

type Resume = ResumableCode["resume"];

/** Links a module function (from memory or from a file) to a global environment. */
export function linkModule(
  fn: ModuleFunction,
  compiled: Pick<CompiledModule, "globals" | "constants" | "locations" | "nodes" | "hash" | "codes"> & {
    contexts?: readonly LambdaContext[];
  },
  globals: GlobalEnvironment,
): { run: () => unknown; codes: Map<string, CompiledCode> } {
  const cells = compiled.globals.map((g) => globals.cell(g));
  const thunk = fn(runtimeSupport, cells, compiled.constants, compiled.locations, compiled.nodes, {
    hash: compiled.hash,
  });
  const codes = new Map<string, CompiledCode>();
  const table = (thunk as unknown as { $codes: { context?: LambdaContext; ref: CodeReference }[] }).$codes;
  table.forEach((c, i) => {
    if (compiled.contexts?.[i]) c.context = compiled.contexts[i];
    codes.set(c.ref.id, c as CompiledCode);
  });
  for (const c of codes.values()) {
    if (c.resume !== null) continue;
    // Generated with `lazyResume`: the first frame of `c` to be resumed makes its resume function.
    const code = c as { -readonly [K in keyof CompiledCode]: CompiledCode[K] };
    code.resume = (frame, value) => {
      code.resume = compileResume(code, globals, codes);
      return code.resume(frame, value);
    };
  }
  return { run: thunk, codes };
}

/** The resume function of `code`, generated alone from its syntax tree for the object it belongs to. */
function compileResume(
  code: CompiledCode,
  globals: GlobalEnvironment,
  codes: ReadonlyMap<string, CompiledCode>,
): Resume {
  if (code.context === undefined) throw new Error(`internal: no context to resume ${code.ref.id}`);
  const generated = generateProcedure(
    code.node as Lambda,
    { module: code.ref.module, unit: code.ref.id, block: false, resumeOnly: true },
    code.context,
  );
  const fn = new Function(...MODULE_PARAMETERS, generated.body) as ModuleFunction;
  const cells = generated.globals.map((g) => globals.cell(g));
  const meta = { hash: code.ref.hash ?? "", code, codes };
  return fn(runtimeSupport, cells, generated.constants, generated.locations, generated.nodes, meta) as Resume;
}

/**
 * Compiles one procedure from its syntax tree, as its unit compiled it: the same id, control
 * points and frame layouts, so frames and closures made by the original code resume and rebuild
 * with the result. `ref.hash` is kept, so the code still names the version it came from.
 */
export function compileProcedure(
  code: { readonly ref: CodeReference; readonly node: Lambda; readonly context: LambdaContext },
  globals: GlobalEnvironment,
  options: Pick<CompileOptions, "openCode" | "controlPoints"> = {},
): CompiledCode {
  const generated = generateProcedure(
    code.node,
    { ...options, module: code.ref.module, unit: code.ref.id, block: false },
    code.context,
  );
  const fn = new Function(...MODULE_PARAMETERS, generated.body) as ModuleFunction;
  const cells = generated.globals.map((g) => globals.cell(g));
  const result = fn(runtimeSupport, cells, generated.constants, generated.locations, generated.nodes, {
    hash: code.ref.hash ?? "",
  }) as unknown as CompiledCode & { context?: LambdaContext };
  (result as { context?: LambdaContext }).context = code.context;
  return result;
}

/** Compiles core nodes and loads them into `globals`: the result runs like an interpreted unit. */
export function compileUnit(
  body: readonly Node[],
  globals: GlobalEnvironment,
  options: CompileOptions = {},
): CompiledUnit {
  // In memory the unit keeps its trees and contexts, so resume functions can wait until needed.
  const compiled = compileModule(body, { lazyResume: true, ...options });
  const fn = new Function(...MODULE_PARAMETERS, compiled.body) as ModuleFunction;
  const { run, codes } = linkModule(fn, compiled, globals);
  return { run, codes, compiled };
}
