// ## A unit of core code
//
// What the expander hands a back end: a library, an R7RS program or a script, as the ELS'20
// expansion has it — `(declare (block))`, `supply-module`, `demand-module`s, a namespace table,
// then the body.

import type { SourceLocation } from "@termite/datum";
import type { Node } from "./nodes.js";

/** One row of a namespace table (Gambit's `##namespace`), kept for readers of the expansion. */
export interface NamespaceRule {
  /** The prefix given, `gitlab.com/zoo/cats@2.0#`, or `""` for "leave unqualified". */
  readonly prefix: string;
  /** `undefined`: every free identifier; otherwise the listed ones, each `[from, to]`. */
  readonly names?: readonly (readonly [string, string])[] | undefined;
}

/** A unit of code ready for a back end. */
export interface CoreModule {
  /** Library, program, or script/REPL input. */
  readonly kind: "library" | "program" | "script";
  /** True for libraries: their globals are constants unless the module itself assigns them. */
  readonly block: boolean;
  /** The module this unit supplies, e.g. `gitlab.com/zoo/cats@2.0` or `scheme/base`. */
  readonly supplies: string | null;
  /** Every hosted module it imports, in import order, e.g. `github.com/fred/hello@1.0`. */
  readonly demands: readonly string[];
  /** Every library it imports (hosted or not), in order; the loader runs them first. */
  readonly imports: readonly string[];
  readonly namespace: readonly NamespaceRule[];
  /** Exported name -> qualified global name (libraries only). */
  readonly exports: ReadonlyMap<string, string>;
  readonly body: readonly Node[];
  /** The source file, when there is one. */
  readonly file?: string | undefined;
  /** Libraries only: the ELS'20 build options, kept as metadata (this back end has no C step). */
  readonly metadata?: LibraryMetadata | undefined;
  /** What the expander noted without failing (for example: C build options ignored). */
  readonly warnings?: readonly ModuleWarning[] | undefined;
}

/** The ELS'20 `define-library` extensions, as written (strings). */
export interface LibraryMetadata {
  readonly ccOptions: readonly string[];
  readonly ldOptions: readonly string[];
  readonly ldOptionsPrelude: readonly string[];
  readonly pkgConfig: readonly string[];
  readonly pkgConfigPath: readonly string[];
  /** The `(namespace ...)` declaration, when there is one. */
  readonly namespace?: string | undefined;
}

/** A note attached to an expansion. */
export interface ModuleWarning {
  readonly code: string;
  readonly message: string;
  readonly location?: SourceLocation | undefined;
}

/** True when `x` is a whole module rather than one node. */
export function isCoreModule(x: CoreModule | Node): x is CoreModule {
  return (x as CoreModule).namespace !== undefined && Array.isArray((x as CoreModule).body);
}
