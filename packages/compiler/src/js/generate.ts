// ## Core language -> direct-style JavaScript on the frame protocol
//
// The back end in four steps, each in its own file: lower the core tree to the intermediate form
// (lower.ts, with open-code.ts), find what is live at each control point (liveness.ts), lay out
// the frames (frame-layout.ts), and write the JavaScript (render.ts, render-unit.ts). Only the last
// step produces text, and nothing reads text back.

import type { Lambda, Node } from "@termite/core";
import type { SourceLocation } from "@termite/datum";
import { Analysis } from "./analysis.js";
import type { UnitIR } from "./ir.js";
import { lowerProcedure, lowerUnit } from "./lower.js";
import type { GenerateOptions, LambdaContext, ProcedureOptions } from "./options.js";
import { renderUnit } from "./render-unit.js";

export { COMPILER_ABI } from "./abi.js";
export type { GenerateOptions, LambdaContext, ProcedureOptions } from "./options.js";
export type { RuntimeName } from "./render.js";

/** Generated JS plus the tables it refers to by index. */
export interface GeneratedModule {
  /** The body of `function (rt, cells, K, LOC, NODES, meta)`; returns the unit's thunk. */
  readonly body: string;
  /** Qualified names of the globals, in `$cells` order. */
  readonly globals: readonly string[];
  /** Quoted values that have no JS literal, in `$K` order. */
  readonly constants: readonly unknown[];
  /** Source positions of call sites, in `$LOC` order. */
  readonly locations: readonly (SourceLocation | undefined)[];
  /** Lambda nodes, in `$NODES` order (kept beside the code so closures can travel as trees). */
  readonly nodes: readonly (Lambda | Node)[];
  /** Code ids of every lambda, in order (the control-point table of the manifest). */
  readonly codes: readonly { id: string; name: string | undefined; controlPoints: number }[];
  /** How each lambda was compiled, in `codes` order: what recompiling it alone needs. */
  readonly contexts: readonly LambdaContext[];
}

/** Generates the JS of one unit: `body` is deterministic for the same tree, options and ABI. */
export function generate(body: readonly Node[], options: GenerateOptions): GeneratedModule {
  const ir = lowerUnit(body, options, new Analysis(body, options.block));
  return { ...tables(ir), body: renderUnit(ir) };
}

/**
 * Generates one lambda alone, as it was compiled inside its unit (same code id, control points,
 * frame layouts and free-value order): how a node rebuilds code received as a syntax tree.
 * The result's function returns the lambda's code object (`$code`) instead of a thunk.
 */
export function generateProcedure(
  node: Lambda,
  options: ProcedureOptions,
  context: LambdaContext,
): GeneratedModule {
  const analysis = new Analysis([node], false);
  const free = analysis.freeIn(node).filter((v) => v !== context.self);
  for (const k of context.boxedFree) if (free[k]) analysis.boxed.add(free[k]!);
  const ir = lowerProcedure(node, options, context, analysis);
  return { ...tables(ir), body: renderUnit(ir) };
}

function tables(ir: UnitIR): Omit<GeneratedModule, "body"> {
  const { globals, constants, locations, nodes, codes, contexts } = ir;
  return { globals, constants, locations, nodes, codes, contexts };
}
