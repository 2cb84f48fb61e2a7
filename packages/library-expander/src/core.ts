// ## The core language
//
// The contract between the expander and the back ends (interpreter and JS compiler). Everything a
// program says is reduced to these few node kinds; derived forms, macros, libraries and namespaces
// are gone by then. Globals are fully qualified (`github.com/fred/hello@1.0#hi`, `#x` for a
// script's own, `scheme/base#car` for the standard libraries); locals are `Variable` objects,
// unique per binding, so back ends never reason about names or hygiene.

import type { SourceLocation } from "@termite/datum";

/** A local variable: one per binding occurrence, compared by identity. */
export interface Variable {
  /** The name as written, for messages and debugging only. */
  readonly name: string;
  /** Unique within one expansion; stable for the same source (used in printed forms). */
  readonly id: number;
  /** True when some `set!` assigns it: a back end that captures it must box it. */
  assigned: boolean;
}

interface NodeBase {
  /** Where the form this node came from was read, when known. */
  readonly loc?: SourceLocation | undefined;
}

/** `(quote datum)` and self-evaluating constants. */
export interface Quote extends NodeBase {
  readonly kind: "quote";
  readonly value: unknown;
}

/** A reference to a local variable. */
export interface LocalRef extends NodeBase {
  readonly kind: "local";
  readonly variable: Variable;
}

/** A reference to a global, by qualified name. */
export interface GlobalRef extends NodeBase {
  readonly kind: "global";
  readonly name: string;
}

/** `(set! x v)` on a local or a global. */
export interface Assign extends NodeBase {
  readonly kind: "set";
  readonly target: LocalRef | GlobalRef;
  readonly value: Node;
}

/** A top-level definition of a global. */
export interface Define extends NodeBase {
  readonly kind: "define";
  readonly name: string;
  readonly value: Node;
}

export interface If extends NodeBase {
  readonly kind: "if";
  readonly test: Node;
  readonly then: Node;
  /** `undefined` when the source had no alternative (the value is then unspecified). */
  readonly else: Node | undefined;
}

/** A procedure with fixed parameters and an optional rest parameter. */
export interface Lambda extends NodeBase {
  readonly kind: "lambda";
  readonly params: readonly Variable[];
  readonly rest: Variable | null;
  readonly body: Node;
  /** The name it is known by when bound by a definition or `let` (unqualified, for backtraces). */
  readonly name?: string | undefined;
}

/** `case-lambda`: the first clause whose arity fits is applied. */
export interface CaseLambda extends NodeBase {
  readonly kind: "case-lambda";
  readonly clauses: readonly Lambda[];
  readonly name?: string | undefined;
}

/** Evaluates `body` in order; the value is the last one's. Never empty. */
export interface Sequence extends NodeBase {
  readonly kind: "begin";
  readonly body: readonly Node[];
}

/** `let`: evaluates the inits in the outer scope, then binds them. */
export interface Let extends NodeBase {
  readonly kind: "let";
  readonly bindings: readonly (readonly [Variable, Node])[];
  readonly body: Node;
}

/** `letrec*`: binds all variables, then evaluates and assigns each init in order. */
export interface Letrec extends NodeBase {
  readonly kind: "letrec";
  readonly bindings: readonly (readonly [Variable, Node])[];
  readonly body: Node;
}

/** A procedure call. */
export interface Call extends NodeBase {
  readonly kind: "call";
  readonly fn: Node;
  readonly args: readonly Node[];
}

export type Node =
  | Quote
  | LocalRef
  | GlobalRef
  | Assign
  | Define
  | If
  | Lambda
  | CaseLambda
  | Sequence
  | Let
  | Letrec
  | Call;

/** One row of a namespace table (Gambit's `##namespace`), kept for readers of the expansion. */
export interface NamespaceRule {
  /** The prefix given, `gitlab.com/zoo/cats@2.0#`, or `""` for "leave unqualified". */
  readonly prefix: string;
  /** `undefined`: every free identifier; otherwise the listed ones, each `[from, to]`. */
  readonly names?: readonly (readonly [string, string])[] | undefined;
}

/**
 * A unit of code ready for a back end: a library, an R7RS program or a script. Mirrors the
 * ELS'20 expansion: `(declare (block))`, `supply-module`, `demand-module`s, a namespace table,
 * then the body.
 */
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
