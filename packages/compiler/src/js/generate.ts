// ## Core language -> direct-style JavaScript on the frame protocol
//
// Every lambda becomes a factory `$mkN(free…)` that returns a JS function: Scheme calls are JS
// calls, Scheme locals are JS locals. Each non-tail call stores its result in a temp and checks for
// `UNWIND`; on the marker it records a frame (this lambda's code, the control point, the live
// values) and returns. Each lambda also gets a resume function `$RN(frame, value)`: one `case` per
// control point restores the live values and runs the rest of the body after that call site,
// written out again (the code after a call is copied into its case; it only runs on resumption).

import type { CaseLambda, Lambda, Node, Variable } from "@termite/core";
import type { SourceLocation } from "@termite/datum";
import { Analysis, isOpenCoded, mayUnwind, OPEN_CODED } from "./analysis.js";

/** Bumped whenever generated code or frame layouts change: frames only travel between equal ABIs. */
export const COMPILER_ABI = 4;

export interface GenerateOptions {
  /** The module the code belongs to (`""` for scripts). */
  readonly module: string;
  /** The unit's id, the root of its code ids (`main`, `u3`). */
  readonly unit: string;
  /** Treat globals defined once by a lambda and never assigned as constants (libraries). */
  readonly block: boolean;
  /** Open-code `+`, `car`, `<`… of `scheme/base` (default true). */
  readonly openCode?: boolean;
  /** Control points, frames and the call budget; off only to measure their price (default true). */
  readonly controlPoints?: boolean;
  /**
   * Leave out the resume functions of every lambda but the unit's own: the code objects get
   * `resume: null` and the linker makes each when a frame of it is first resumed (default false).
   * Resume functions are most of the generated text, and most procedures are never resumed.
   */
  readonly lazyResume?: boolean;
}

/** How `generateProcedure` writes the lambda. */
export interface ProcedureOptions extends GenerateOptions {
  /**
   * Only the resume function, for the code object the unit already has: the generated function
   * returns it, and nested lambdas are made by their existing code objects' `make`, found by id in
   * `$meta.codes`. `$meta.code` is the lambda's own code object.
   */
  readonly resumeOnly?: boolean;
}

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

/**
 * What a lambda's code depends on beyond its own syntax tree. With it, another node can compile the
 * lambda alone and get the same frame layouts and free-value order (closures and frames travel).
 */
export interface LambdaContext {
  /** The letrec variable that is the procedure itself inside its body (`$self`, not captured). */
  readonly self?: Variable | undefined;
  /** The constant global that names the procedure (block compilation). */
  readonly global?: string | undefined;
  /** The script global that names the procedure while it is not redefined. */
  readonly redefinable?: string | undefined;
  /** Positions in `$free` of the captured variables that are boxes. */
  readonly boxedFree: readonly number[];
}

type Stmt =
  | { readonly k: "code"; readonly text: string }
  | { readonly k: "call"; readonly cp: number; readonly target: string; readonly text: string }
  | { readonly k: "if"; readonly test: string; readonly yes: Stmt[]; readonly no: Stmt[] }
  | { readonly k: "self"; readonly args: readonly string[] };

const RUNTIME_NAMES = [
  "UNWIND",
  "UNBOUND",
  "machine",
  "pushFrame",
  "unwindAndCall",
  "noteCallSite",
  "add2",
  "sub2",
  "mul2",
  "negate",
  "lt2",
  "gt2",
  "le2",
  "ge2",
  "numEq2",
  "car",
  "cdr",
  "isZero",
  "vectorRef",
  "Pair",
  "list",
  "fn",
  "gfn",
  "gv",
  "gset",
  "arity",
  "caseLambda",
  "unboundProcedure",
  "UNASSIGNED",
  "primitive",
  "Box",
  "PROCEDURE_SLOT",
] as const;

/** The names the generated code expects in its `rt` argument. */
export type RuntimeName = (typeof RUNTIME_NAMES)[number];

function jsName(v: Variable): string {
  let s = v.name.replace(/[^A-Za-z0-9_]/g, "_");
  if (!/^[A-Za-z_]/.test(s)) s = `_${s}`;
  return `${s}_${v.id}`;
}

/** Identifiers as the liveness analysis sees them (keywords and property names never match a local). */
const IDENTIFIER = /[A-Za-z_$][\w$]*/g;

/** True when straight-line `text` begins by assigning `name` (`name = …`, not `name == …`). */
function assigns(text: string, name: string): boolean {
  return text.startsWith(name) && text.startsWith(" = ", name.length) && text[name.length + 3] !== "=";
}

/** Shared state of one module's generation. */
class ModuleGen {
  readonly globals: string[] = [];
  private readonly globalIndex = new Map<string, number>();
  readonly constants: unknown[] = [];
  readonly locations: (SourceLocation | undefined)[] = [];
  readonly nodes: (Lambda | Node)[] = [];
  readonly codes: { id: string; name: string | undefined; controlPoints: number }[] = [];
  readonly contexts: LambdaContext[] = [];
  readonly chunks: string[] = [];
  readonly primitives: [string, boolean][] = [];
  /** Cell indexes of the known procedures the code refers to (`$B`/`$P` variables). */
  readonly known = new Set<number>();
  private readonly primitiveIndex = new Map<string, number>();
  private readonly usedIds = new Set<string>();
  readonly openCode: boolean;
  readonly controlPoints: boolean;
  readonly lazyResume: boolean;
  readonly resumeOnly: boolean;

  constructor(
    readonly options: ProcedureOptions,
    readonly analysis: Analysis,
  ) {
    this.openCode = options.openCode ?? true;
    this.controlPoints = options.controlPoints ?? true;
    this.lazyResume = options.lazyResume ?? false;
    this.resumeOnly = options.resumeOnly ?? false;
  }

  cell(name: string): string {
    let i = this.globalIndex.get(name);
    if (i === undefined) {
      i = this.globals.length;
      this.globals.push(name);
      this.globalIndex.set(name, i);
    }
    return `$c${i}`;
  }

  /** The unchecked entry of a known procedure of this unit (`$B`), and its closure (`$P`, scripts). */
  knownEntry(name: string): number {
    this.cell(name);
    const i = this.globalIndex.get(name)!;
    this.known.add(i);
    return i;
  }

  /** The constant holding a pure primitive's function (its two-argument entry when `binary`). */
  primitive(name: string, binary: boolean): string {
    const key = `${name} ${binary}`;
    let i = this.primitiveIndex.get(key);
    if (i === undefined) {
      i = this.primitives.length;
      this.primitives.push([name, binary]);
      this.primitiveIndex.set(key, i);
    }
    return `$p${i}`;
  }

  constantGlobal(name: string): string {
    this.cell(name);
    return `$G${this.globalIndex.get(name)}`;
  }

  constant(value: unknown): string {
    switch (typeof value) {
      case "boolean":
        return String(value);
      case "undefined":
        return "undefined";
      case "number":
        if (Object.is(value, -0)) return "-0";
        return String(value);
    }
    if (value === null) return "null";
    let i = this.constants.indexOf(value);
    if (i < 0) {
      i = this.constants.length;
      this.constants.push(value);
    }
    return `$K[${i}]`;
  }

  location(loc: SourceLocation | undefined): number {
    this.locations.push(loc);
    return this.locations.length - 1;
  }

  /** A unique code id: the path asked for, or the path with `~2`, `~3`… when it is taken. */
  codeId(path: string): string {
    let id = path;
    for (let i = 2; this.usedIds.has(id); i++) id = `${path}~${i}`;
    this.usedIds.add(id);
    return id;
  }
}

/** How a procedure refers to itself, so that self calls are direct and self tail calls loop. */
interface SelfName {
  readonly variable?: Variable;
  readonly global?: string;
  /** A global that names this procedure unless something redefines it (scripts). */
  readonly redefinable?: string;
}

/** Generates one lambda: its factory, its fast function and its resume function. */
class LambdaGen {
  private readonly index: number;
  private readonly locals: string[] = [];
  /** Each declared local's position in `locals` (frames list live values in that order). */
  private readonly localIndex = new Map<string, number>();
  private temps = 0;
  private cpCount = 0;
  private lambdaCount = 0;
  private selfTail = false;
  /** Whether the body calls a procedure (anything but an open-coded or pure primitive). */
  private makesCalls = false;
  /** Whether some call enters `$body`, this procedure's entry without the arity check. */
  private usesBody = false;
  private block: Stmt[] = [];
  private readonly free: Variable[];
  private readonly params: string[];
  private readonly rest: string | null;

  constructor(
    private readonly m: ModuleGen,
    private readonly node: Lambda,
    private readonly id: string,
    private readonly self: SelfName,
  ) {
    this.index = m.codes.length;
    m.codes.push({ id, name: node.name, controlPoints: 0 });
    m.nodes.push(node);
    // A procedure's own letrec name is `$self` inside it, not a captured value.
    this.free = m.analysis.freeIn(node).filter((v) => v !== self.variable);
    this.params = node.params.map(jsName);
    this.rest = node.rest ? jsName(node.rest) : null;
    m.contexts.push({
      self: self.variable,
      global: self.global,
      redefinable: self.redefinable,
      boxedFree: this.free.flatMap((v, k) => (m.analysis.boxed.has(v) ? [k] : [])),
    });
    for (const v of this.free) this.declare(jsName(v));
    this.declare("$self");
  }

  private declare(name: string): string {
    if (!this.localIndex.has(name)) {
      this.localIndex.set(name, this.locals.length);
      this.locals.push(name);
    }
    return name;
  }

  private temp(): string {
    return this.declare(`$t${this.temps++}`);
  }

  private emit(s: Stmt): void {
    this.block.push(s);
  }

  private code(text: string): void {
    this.emit({ k: "code", text });
  }

  /** Emits the lambda; returns its index and the variables its closures capture, in order. */
  generate(): [number, Variable[]] {
    const n = this.node;
    // A known procedure of the unit always has its unchecked entry: other procedures call it.
    const named = this.self.global ?? this.self.redefinable;
    if (named !== undefined && this.m.analysis.knownProcedures.get(named) === n) this.usesBody = true;
    for (const p of this.params) this.declare(p);
    if (this.rest) this.declare(this.rest);
    const body: Stmt[] = [];
    this.block = body;
    this.tail(n.body);
    this.m.codes[this.index]!.controlPoints = this.cpCount;

    // The unit's own code has no procedure name (its backtrace lines show only the position).
    const name = this.index === 0 ? "undefined" : JSON.stringify(n.name ?? "lambda");
    const i = this.index;
    const nParams = this.params.length;
    const boxParams = [...n.params, ...(n.rest ? [n.rest] : [])]
      .filter((v) => this.m.analysis.boxed.has(v))
      .map((v) => `${jsName(v)} = new $Box(${jsName(v)});`)
      .join(" ");
    // With a rest parameter the JS function takes `...$args`: the Scheme parameters are locals.
    const outer = new Set([...this.free.map(jsName), ...(this.rest ? [] : this.params), "$self"]);
    const innerLocals = this.locals.filter((x) => !outer.has(x));
    const cp = this.m.controlPoints;
    // A block unit's own resume is always written: it assigns the unit's constants.
    const lazy = this.m.lazyResume && (i !== 0 || !this.m.options.block);
    const argList = this.rest ? "...$args" : this.params.join(", ");
    const argArray = this.rest ? "$args" : `[${this.params.join(", ")}]`;
    const lines: string[] = [];
    this.analyseControlPoints(body, !lazy);
    // The factory and its fast function; a resume function made alone needs neither.
    if (!this.m.resumeOnly) {
      lines.push(`function $mk${i}(${this.free.map(jsName).join(", ")}) {`);
      // A procedure that calls itself gets an entry without the arity check, `$body`, for those
      // calls (their argument count is known here); `$self` checks and enters it.
      const arityCheck = `if (arguments.length !== ${nParams}) return $arity(${name}, "${nParams}", arguments.length);`;
      if (this.usesBody) {
        lines.push(`  const $self = function (${argList}) {`);
        lines.push(`    ${arityCheck}`);
        lines.push(`    return $body(${argList});`);
        lines.push("  };");
        lines.push(`  const $body = function (${argList}) {`);
      } else {
        lines.push(`  const $self = function (${argList}) {`);
        if (this.rest) {
          lines.push(
            `    if ($args.length < ${nParams}) return $arity(${name}, "at least ${nParams}", $args.length);`,
          );
        } else {
          lines.push(`    ${arityCheck}`);
        }
      }
      lines.push(`    let $at = -1${innerLocals.map((x) => `, ${x}`).join("")};`);
      lines.push("    try {");
      const loopLabel = this.selfTail ? "      $loop: for (;;) {" : "      {";
      lines.push(loopLabel);
      // A procedure that calls nothing (primitives aside) and does not loop returns at once: it needs
      // no budget check, since its caller's check already bounds the stack and the time slice.
      if (cp && (this.makesCalls || this.selfTail))
        lines.push(`        if (--$M.budget < 0) return $unwindAndCall($self, ${argArray});`);
      if (this.rest) {
        this.params.forEach((p, k) => {
          lines.push(`        ${p} = $args[${k}];`);
        });
        lines.push(`        ${this.rest} = $list($args.slice(${nParams}));`);
      }
      if (boxParams) lines.push(`        ${boxParams}`);
      lines.push(this.render(body, "fast", "        "));
      lines.push("      }");
      lines.push(`    } catch ($e) { $noteCallSite($e, ${name}, $LOC[$at]); throw $e; }`);
      lines.push("  };");
      // What travels (datum's procedure contract): the code, then the free values.
      lines.push(`  $self[$PROCEDURE_SLOT] = [${[`$C${i}`, ...this.free.map(jsName)].join(", ")}];`);
      if (this.usesBody) lines.push("  $self.$body = $body;");
      lines.push("  return $self;");
      lines.push("}");
    }
    if (lazy) {
      lines.push(this.codeObject("null"));
      this.m.chunks.push(lines.join("\n"));
      return [i, this.free];
    }
    // The resume function: one case per control point restores the values saved there and runs
    // the rest of the statement of the body holding that call site; then the body's remaining
    // statements run from `$pc` (written once, entered by fall-through: code size stays linear).
    lines.push(`function $R${i}($f, $v) {`);
    lines.push(`  const $s = $f.values;`);
    lines.push(
      `  let $at = -1, $pc${this.locals.map((x) => `, ${x}`).join("")}${this.usesBody ? ", $body" : ""};`,
    );
    lines.push("  try {");
    lines.push("    switch ($f.cp) {");
    for (const [k, call] of [...this.sites].sort((a, b) => a[0] - b[0])) {
      const live = this.liveOf(k);
      lines.push(`      case ${k}: {`);
      lines.push(
        `        ${live.map((x, j) => `${x} = $s[${j}];`).join(" ")}${this.usesBody && live.includes("$self") ? " $body = $self.$body;" : ""}`,
      );
      lines.push(`        ${call.stmt.target} = $v;`);
      lines.push(call.rest.map((stmt) => this.resumeText(stmt)).join("\n"));
      lines.push(`        $pc = ${call.top + 1};`);
      lines.push("        break;");
      lines.push("      }");
    }
    lines.push(
      `      default: throw new Error("internal: no control point " + $f.cp + " in " + $C${i}.ref.id);`,
    );
    lines.push("    }");
    lines.push("    switch ($pc) {");
    const targets = new Set([...this.sites.values()].map((c) => c.top + 1));
    const firstTarget = Math.min(...targets);
    this.topTexts.forEach((text, k) => {
      if (targets.has(k)) lines.push(`      case ${k}:`);
      if (k > 0 && k >= firstTarget) lines.push(text);
    });
    lines.push("    }");
    lines.push(`  } catch ($e) { $noteCallSite($e, ${name}, $LOC[$at]); throw $e; }`);
    lines.push("}");
    lines.push(this.m.resumeOnly ? `const $C${i} = $meta.code;` : this.codeObject(`$R${i}`));
    this.m.chunks.push(lines.join("\n"));
    return [i, this.free];
  }

  /** The code object: frame code and closure code at once. */
  private codeObject(resume: string): string {
    const i = this.index;
    const name = this.node.name === undefined || i === 0 ? "undefined" : JSON.stringify(this.node.name);
    return `const $C${i} = { ref: { module: ${JSON.stringify(this.m.options.module)}, id: ${JSON.stringify(this.id)}, hash: $meta.hash }, name: ${name}, node: $NODES[${i}], resume: ${resume}, make: $mk${i} };`;
  }

  /** How this function passes `v` to a nested factory: the box itself when boxed. */
  private outerRef(v: Variable): string {
    if (this.self.variable === v) return "$self";
    return this.declare(jsName(v));
  }

  // ---------------------------------------------------------------- rendering

  /** Each control point: its call, the top-level statement holding it, and what follows it there. */
  private readonly sites = new Map<number, { stmt: Stmt & { k: "call" }; top: number; rest: Stmt[] }>();
  /** Each top-level statement of the body, rendered for the resume function. */
  private topTexts: string[] = [];
  /** The names saved at each control point, in declaration order. */
  private readonly liveAt = new Map<number, string[]>();
  private readonly frameTexts = new Map<number, string>();
  private readonly resumeTexts = new Map<Stmt, string>();

  /**
   * Finds every control point and computes what is live at each, in one backward pass over the
   * statements (the code a resume case runs is what follows its call site, so this is what it reads).
   */
  private analyseControlPoints(body: Stmt[], resumes: boolean): void {
    body.forEach((stmt, top) => {
      const walk = (block: Stmt[], after: readonly (readonly [Stmt[], number])[]): void => {
        block.forEach((s, idx) => {
          if (s.k === "call") {
            const rest = block.slice(idx + 1);
            for (const [b, from] of after) for (let j = from; j < b.length; j++) rest.push(b[j]!);
            this.sites.set(s.cp, { stmt: s, top, rest });
          } else if (s.k === "if") {
            const outer = [[block, idx + 1] as const, ...after];
            walk(s.yes, outer);
            walk(s.no, outer);
          }
        });
      };
      walk([stmt], []);
    });
    this.liveBefore(body, new Set());
    if (resumes) this.topTexts = body.map((stmt) => this.render([stmt], "resume", "      "));
  }

  /**
   * Backward liveness over the statements as the resume code runs them: `live` holds what is live
   * after `block` and becomes what is live before it. A name is live when some path reads it before
   * assigning it (boxes are assigned through `.v`, which reads the box). Records each control
   * point's set: what is live after its call, less the call's own result.
   */
  private liveBefore(block: readonly Stmt[], live: Set<string>): void {
    for (let i = block.length - 1; i >= 0; i--) {
      const s = block[i]!;
      switch (s.k) {
        case "code": {
          const tokens = s.text.match(IDENTIFIER) ?? [];
          const first = tokens[0];
          // `x = …` at the start assigns `x` (its other mentions, if any, still read it).
          if (first !== undefined && assigns(s.text, first)) {
            live.delete(first);
            tokens.shift();
          }
          this.reads(tokens, live);
          break;
        }
        case "call": {
          const saved = [...live].filter((x) => x !== s.target);
          saved.sort((a, b) => this.localIndex.get(a)! - this.localIndex.get(b)!);
          this.liveAt.set(s.cp, saved);
          live.delete(s.target);
          this.reads(s.text.match(IDENTIFIER) ?? [], live);
          break;
        }
        case "self":
          // Resumed, a self tail call is `return $self(…)`: nothing after it runs.
          live.clear();
          live.add("$self");
          for (const a of s.args) this.reads(a.match(IDENTIFIER) ?? [], live);
          break;
        case "if": {
          const no = new Set(live);
          this.liveBefore(s.yes, live);
          this.liveBefore(s.no, no);
          for (const x of no) live.add(x);
          this.reads(s.test.match(IDENTIFIER) ?? [], live);
          break;
        }
      }
    }
  }

  /** Adds the locals among `tokens` to `live`. */
  private reads(tokens: readonly string[], live: Set<string>): void {
    for (const x of tokens) {
      if (this.localIndex.has(x)) live.add(x);
      // `$body` is reached through `$self` (`$self.$body`) when resumed.
      else if (x === "$body") live.add("$self");
    }
  }

  /** The names to save at control point `cp`, in declaration order. */
  private liveOf(cp: number): string[] {
    return this.liveAt.get(cp)!;
  }

  /** Control point `cp`'s `$pushFrame(…);`, written once (resume cases repeat the code after calls). */
  private frameOf(cp: number): string {
    let text = this.frameTexts.get(cp);
    if (text === undefined) {
      text = `$pushFrame($C${this.index}, ${cp}, [${this.liveOf(cp).join(", ")}]);`;
      this.frameTexts.set(cp, text);
    }
    return text;
  }

  /** One statement as resume cases run it; a statement follows many call sites, rendered once. */
  private resumeText(stmt: Stmt): string {
    let text = this.resumeTexts.get(stmt);
    if (text === undefined) {
      text = this.render([stmt], "resume", "        ");
      this.resumeTexts.set(stmt, text);
    }
    return text;
  }

  private render(stmts: Stmt[], mode: "fast" | "resume", indent: string): string {
    const out: string[] = [];
    const go = (block: Stmt[], ind: string): void => {
      for (const s of block) {
        switch (s.k) {
          case "code":
            out.push(ind + s.text);
            continue;
          case "call": {
            out.push(`${ind}${s.target} = ${s.text};`);
            if (this.m.controlPoints) {
              out.push(`${ind}if (${s.target} === $UNWIND) return ${this.frameOf(s.cp)}`);
            }
            continue;
          }
          case "if": {
            // A chain of ifs in else branches (a long `cond`) is written flat, as `else if`:
            // nesting it would indent each clause further and grow the text quadratically.
            let branch: Stmt & { k: "if" } = s;
            out.push(`${ind}if (${branch.test} !== false) {`);
            for (;;) {
              go(branch.yes, `${ind}  `);
              const next: Stmt | undefined = branch.no.length === 1 ? branch.no[0] : undefined;
              if (next?.k === "if") {
                branch = next;
                out.push(`${ind}} else if (${branch.test} !== false) {`);
                continue;
              }
              if (branch.no.length > 0) {
                out.push(`${ind}} else {`);
                go(branch.no, `${ind}  `);
              }
              break;
            }
            out.push(`${ind}}`);
            continue;
          }
          case "self": {
            if (mode === "resume") {
              out.push(`${ind}return $self(${s.args.join(", ")});`);
              continue;
            }
            const ps = this.rest ? [...this.params, this.rest] : this.params;
            const tmps = s.args.map((a, j) => {
              if (a === ps[j]) return a;
              const t = `$a${j}`;
              out.push(`${ind}${t} = ${a};`);
              return t;
            });
            tmps.forEach((t, j) => {
              if (t !== ps[j]) out.push(`${ind}${ps[j]} = ${t};`);
            });
            out.push(`${ind}continue $loop;`);
            continue;
          }
        }
      }
    };
    go(stmts, indent);
    return out.join("\n");
  }

  // ---------------------------------------------------------------- compiling nodes

  private local(v: Variable): string {
    if (this.self.variable === v) return "$self";
    const name = jsName(v);
    this.declare(name);
    return this.m.analysis.boxed.has(v) ? `${name}.v` : name;
  }

  private global(name: string): string {
    if (this.self.global === name) return "$self";
    if (this.m.analysis.constantProcedures.has(name)) return this.m.constantGlobal(name);
    return `$gv(${this.m.cell(name)})`;
  }

  /** A JS expression safe to evaluate twice: identifiers and literals stay, others go to a temp. */
  private atom(js: string): string {
    if (/^[\w$.[\]-]+$/.test(js) && !js.includes("(")) return js;
    const t = this.temp();
    this.code(`${t} = ${js};`);
    return t;
  }

  private effect(node: Node): void {
    const js = this.expr(node);
    if (!/^[\w$.[\]]+$/.test(js) || js.startsWith("$gv")) this.code(`${js};`);
  }

  private expr(node: Node): string {
    switch (node.kind) {
      case "quote":
        return this.m.constant(node.value);
      case "local":
        return this.local(node.variable);
      case "global":
        return this.global(node.name);
      case "set": {
        const value = this.expr(node.value);
        if (node.target.kind === "global") this.code(`$gset(${this.m.cell(node.target.name)}, ${value});`);
        else this.code(`${this.local(node.target.variable)} = ${value};`);
        return "undefined";
      }
      case "define": {
        // Top-level procedures are known by their qualified name (within the unit for scripts).
        const self = this.m.analysis.constantProcedures.has(node.name)
          ? { global: node.name }
          : { redefinable: node.name };
        const path = this.m.options.block ? node.name : `${this.id}/${node.name}`;
        const value =
          node.value.kind === "lambda"
            ? this.lambdaAt(node.value, path, self)
            : node.value.kind === "case-lambda"
              ? this.caseLambda(node.value, undefined, path)
              : this.expr(node.value);
        const cell = this.m.cell(node.name);
        const known = this.m.analysis.knownProcedures.has(node.name) ? this.m.knownEntry(node.name) : -1;
        if (this.m.analysis.constantProcedures.has(node.name)) {
          const g = this.m.constantGlobal(node.name);
          const entry = known >= 0 ? ` $B${known} = ${g}.$body ?? ${g};` : "";
          this.code(`${g} = ${value};${entry} ${cell}.value = ${g};`);
        } else if (known >= 0) {
          const p = `$P${known}`;
          this.code(`${p} = ${value}; $B${known} = ${p}.$body ?? ${p}; ${cell}.value = ${p};`);
        } else this.code(`${cell}.value = ${value};`);
        return "undefined";
      }
      case "if": {
        const test = this.expr(node.test);
        const els: Node = node.else ?? { kind: "quote", value: undefined };
        if (!mayUnwind(node.then, this.m.openCode) && !mayUnwind(els, this.m.openCode)) {
          const saved = this.block;
          const thenBlock: Stmt[] = [];
          const elseBlock: Stmt[] = [];
          this.block = thenBlock;
          const a = this.expr(node.then);
          this.block = elseBlock;
          const b = this.expr(els);
          this.block = saved;
          if (thenBlock.length === 0 && elseBlock.length === 0) return `(${test} !== false ? ${a} : ${b})`;
          const t = this.temp();
          thenBlock.push({ k: "code", text: `${t} = ${a};` });
          elseBlock.push({ k: "code", text: `${t} = ${b};` });
          this.emit({ k: "if", test, yes: thenBlock, no: elseBlock });
          return t;
        }
        const t = this.temp();
        const saved = this.block;
        const thenBlock: Stmt[] = [];
        const elseBlock: Stmt[] = [];
        this.block = thenBlock;
        const a = this.expr(node.then);
        thenBlock.push({ k: "code", text: `${t} = ${a};` });
        this.block = elseBlock;
        const b = this.expr(els);
        elseBlock.push({ k: "code", text: `${t} = ${b};` });
        this.block = saved;
        this.emit({ k: "if", test, yes: thenBlock, no: elseBlock });
        return t;
      }
      case "lambda":
        return this.lambda(node, undefined, {});
      case "case-lambda":
        return this.caseLambda(node, undefined);
      case "begin": {
        for (let i = 0; i < node.body.length - 1; i++) this.effect(node.body[i]!);
        return this.expr(node.body[node.body.length - 1]!);
      }
      case "let":
      case "letrec":
        this.bind(node);
        return this.expr(node.body);
      case "call":
        return this.call(node, false) as string;
    }
  }

  private tail(node: Node): void {
    switch (node.kind) {
      case "if": {
        const test = this.expr(node.test);
        const saved = this.block;
        const thenBlock: Stmt[] = [];
        const elseBlock: Stmt[] = [];
        this.block = thenBlock;
        this.tail(node.then);
        this.block = elseBlock;
        this.tail(node.else ?? { kind: "quote", value: undefined });
        this.block = saved;
        this.emit({ k: "if", test, yes: thenBlock, no: elseBlock });
        return;
      }
      case "begin":
        for (let i = 0; i < node.body.length - 1; i++) this.effect(node.body[i]!);
        this.tail(node.body[node.body.length - 1]!);
        return;
      case "let":
      case "letrec":
        this.bind(node);
        this.tail(node.body);
        return;
      case "call":
        if (!isOpenCoded(node, this.m.openCode)) {
          this.call(node, true);
          return;
        }
        this.code(`return ${this.expr(node)};`);
        return;
      default:
        this.code(`return ${this.expr(node)};`);
    }
  }

  private bind(node: Node & { kind: "let" | "letrec" }): void {
    const boxed = this.m.analysis.boxed;
    if (node.kind === "let") {
      for (const [v, init] of node.bindings) {
        const value = this.named(init, v.name, {});
        const name = this.declare(jsName(v));
        this.code(boxed.has(v) ? `${name} = new $Box(${value});` : `${name} = ${value};`);
      }
      return;
    }
    for (const [v] of node.bindings) {
      const name = this.declare(jsName(v));
      this.code(boxed.has(v) ? `${name} = new $Box($UNASSIGNED);` : `${name} = $UNASSIGNED;`);
    }
    for (const [v, init] of node.bindings) {
      const self = !v.assigned && !boxed.has(v) ? { variable: v } : {};
      const value = this.named(init, v.name, self);
      this.code(boxed.has(v) ? `${jsName(v)}.v = ${value};` : `${jsName(v)} = ${value};`);
    }
  }

  /** An init that may be a lambda known by a name (for ids, backtraces and self calls). */
  private named(init: Node, name: string, self: SelfName): string {
    if (init.kind === "lambda") return this.lambda(init, name, self);
    if (init.kind === "case-lambda") return this.caseLambda(init, name);
    return this.expr(init);
  }

  private lambda(node: Lambda, name: string | undefined, self: SelfName): string {
    return this.lambdaAt(node, name ? `${this.id}/${name}` : `${this.id}/lambda${++this.lambdaCount}`, self);
  }

  private lambdaAt(node: Lambda, path: string, self: SelfName): string {
    if (this.m.resumeOnly) {
      // The unit made this lambda's code already: its closures come from that code's factory.
      const id = this.m.codeId(path);
      const free = this.m.analysis.freeIn(node).filter((v) => v !== self.variable);
      return `$meta.codes.get(${JSON.stringify(id)}).make(${free.map((v) => this.outerRef(v)).join(", ")})`;
    }
    const [i, free] = new LambdaGen(this.m, node, this.m.codeId(path), self).generate();
    return `$mk${i}(${free.map((v) => this.outerRef(v)).join(", ")})`;
  }

  private caseLambda(node: CaseLambda, name: string | undefined, path?: string): string {
    const clauses = node.clauses.map((c, k) => {
      const make = path ? this.lambdaAt(c, `${path}/${k}`, {}) : this.lambda(c, name, {});
      return `[${c.params.length}, ${c.rest !== null}, ${make}]`;
    });
    return `$caseLambda(${JSON.stringify(node.name ?? name ?? "case-lambda")}, [${clauses.join(", ")}])`;
  }

  /** Evaluates operands left to right: an operand is held in a temp when a later one may unwind. */
  private operands(nodes: readonly Node[]): string[] {
    const out: string[] = [];
    let lastUnwinding = -1;
    nodes.forEach((n, i) => {
      if (mayUnwind(n, this.m.openCode)) lastUnwinding = i;
    });
    nodes.forEach((n, i) => {
      const js = this.expr(n);
      out.push(i < lastUnwinding ? this.atom(js) : js);
    });
    return out;
  }

  private at(loc: SourceLocation | undefined): string {
    return loc ? `$at = ${this.m.location(loc)}, ` : "";
  }

  /** A call; in tail position emits `return` (or a loop jump) and returns nothing. */
  private call(node: Node & { kind: "call" }, tail: boolean): string | undefined {
    if (isOpenCoded(node, this.m.openCode)) return this.primitive(node);
    this.makesCalls = true;
    const fn = node.fn;
    const selfCall =
      (fn.kind === "local" && this.self.variable === fn.variable) ||
      (fn.kind === "global" && this.self.global === fn.name);
    // A script's procedure may be redefined while it runs: its self tail calls loop only while
    // the global still holds this very closure.
    const guarded = fn.kind === "global" && this.self.redefinable === fn.name;
    if (tail && guarded && !this.node.rest && node.args.length === this.node.params.length) {
      const args = this.operands(node.args).map((a) => this.atom(a));
      this.selfTail = true;
      for (let j = 0; j < args.length; j++) this.declare(`$a${j}`);
      const cell = this.m.cell(fn.name);
      const other = `return (${this.at(node.loc)}$gfn(${cell}))(${args.join(", ")});`;
      this.emit({
        k: "if",
        test: `(${cell}.value === $self)`,
        yes: [{ k: "self", args }],
        no: [{ k: "code", text: other }],
      });
      return;
    }
    if (tail && selfCall && !this.node.rest && node.args.length === this.node.params.length) {
      const args = this.operands(node.args);
      this.selfTail = true;
      for (let j = 0; j < args.length; j++) this.declare(`$a${j}`);
      this.emit({ k: "self", args: args.map((a) => (/^[\w$]+$/.test(a) ? a : `(${a})`)) });
      return;
    }
    let callee: string;
    let args: string[];
    if (selfCall && !this.node.rest && node.args.length === this.node.params.length) {
      args = this.operands(node.args);
      callee = "$body";
      this.usesBody = true;
    } else if (selfCall) {
      args = this.operands(node.args);
      callee = "$self";
    } else if (guarded && !this.node.rest && node.args.length === this.node.params.length) {
      // A script's procedure calls itself directly while its global still holds it.
      args = this.operands(node.args);
      const cell = this.m.cell(fn.name);
      callee = `${cell}.value === $self ? $body : $gfn(${cell})`;
      this.usesBody = true;
    } else if (
      fn.kind === "global" &&
      this.m.analysis.knownProcedures.get(fn.name)?.params.length === node.args.length
    ) {
      // A procedure of this unit, called with its argument count: its entry without the check.
      args = this.operands(node.args);
      const i = this.m.knownEntry(fn.name);
      callee = this.m.analysis.constantProcedures.has(fn.name)
        ? `$B${i}`
        : `$c${i}.value === $P${i} ? $B${i} : $gfn($c${i})`;
    } else if (fn.kind === "global" && this.m.analysis.constantProcedures.has(fn.name)) {
      args = this.operands(node.args);
      callee = this.m.constantGlobal(fn.name);
    } else if (fn.kind === "global") {
      args = this.operands(node.args);
      callee = `$gfn(${this.m.cell(fn.name)})`;
    } else {
      const all = this.operands([fn, ...node.args]);
      callee = `$fn(${all[0]})`;
      args = all.slice(1);
    }
    const text = `(${this.at(node.loc)}${callee})(${args.join(", ")})`;
    if (tail) {
      this.code(`return ${text};`);
      return;
    }
    if (!this.m.controlPoints) {
      const t = this.temp();
      this.code(`${t} = ${text};`);
      return t;
    }
    const t = this.temp();
    this.emit({ k: "call", cp: this.cpCount++, target: t, text });
    return t;
  }

  private primitive(node: Node & { kind: "call" }): string {
    const qualified = (node.fn as { name: string }).name;
    if (!OPEN_CODED.get(qualified)?.includes(node.args.length)) {
      // A pure primitive: its JS function, called directly (no cell, no arity check, no frame).
      const args = this.operands(node.args);
      const fn = this.m.primitive(qualified, args.length === 2);
      return `(${this.at(node.loc)}${fn}(${args.join(", ")}))`;
    }
    const name = qualified.slice("scheme/base#".length);
    const args = this.operands(node.args);
    const at = this.at(node.loc);
    const [a, b] = args.length === 2 ? [this.atom(args[0]!), this.atom(args[1]!)] : [args[0]!, ""];
    // The checks an operand needs for the fast path (none for a literal that passes them).
    const isNumber = (x: string) => (/^-?\d/.test(x) ? [] : [`typeof ${x} === "number"`]);
    const isSmall = (x: string) =>
      /^-?\d+$/.test(x) && Math.abs(Number(x)) < 2 ** 31
        ? []
        : [`typeof ${x} === "number"`, `(${x} | 0) === ${x}`];
    const guarded = (checks: string[], fast: string, slow: string) =>
      checks.length === 0 ? `(${fast})` : `(${checks.join(" && ")} ? ${fast} : (${at}${slow}))`;
    const compare = (op: string, slow: string) =>
      guarded([...isNumber(a), ...isNumber(b)], `${a} ${op} ${b}`, `$${slow}(${a}, ${b})`);
    switch (name) {
      // Exact integers of 32 bits add and subtract without leaving the safe range: no overflow check.
      case "+":
        return guarded([...isSmall(a), ...isSmall(b)], `${a} + ${b}`, `$add2(${a}, ${b})`);
      case "-":
        return args.length === 1
          ? `(${at}$negate(${a}))`
          : guarded([...isSmall(a), ...isSmall(b)], `${a} - ${b}`, `$sub2(${a}, ${b})`);
      case "*":
        return `(${at}$mul2(${a}, ${b}))`;
      case "<":
        return compare("<", "lt2");
      case ">":
        return compare(">", "gt2");
      case "<=":
        return compare("<=", "le2");
      case ">=":
        return compare(">=", "ge2");
      case "=":
        return compare("===", "numEq2");
      case "car":
        return `(${at}$car(${a}))`;
      case "cdr":
        return `(${at}$cdr(${a}))`;
      case "cons":
        return `new $Pair(${a}, ${b})`;
      case "null?":
        return `(${a} === null)`;
      case "pair?":
        return `(${a} instanceof $Pair)`;
      case "not":
        return `(${a} === false)`;
      case "zero?":
        return `(${at}$isZero(${a}))`;
      case "vector-ref":
        return `(${at}$vectorRef(${a}, ${b}))`;
      default:
        throw new Error(`internal: no open-coding for ${name}`);
    }
  }
}

/** Generates the JS of one unit: `body` is deterministic for the same tree, options and ABI. */
export function generate(body: readonly Node[], options: GenerateOptions): GeneratedModule {
  const analysis = new Analysis(body, options.block);
  const m = new ModuleGen(options, analysis);
  const top: Lambda = {
    kind: "lambda",
    params: [],
    rest: null,
    body:
      body.length === 0
        ? { kind: "quote", value: undefined }
        : body.length === 1
          ? body[0]!
          : { kind: "begin", body },
  };
  const [topIndex] = new LambdaGen(m, top, m.codeId(options.unit), {}).generate();
  return assemble(m, `$mk${topIndex}()`);
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
  const m = new ModuleGen(options, analysis);
  const self: SelfName = { variable: context.self, global: context.global, redefinable: context.redefinable };
  new LambdaGen(m, node, m.codeId(options.unit), self).generate();
  return assemble(m, m.resumeOnly ? "$R0" : "$C0");
}

function assemble(m: ModuleGen, result: string): GeneratedModule {
  const { options, analysis } = m;
  // Strict mode: V8 gives sloppy functions that read `arguments` a mapped arguments object;
  // in-memory units (`new Function`) measured 3–10% faster strict. ES module files are strict anyway.
  const lines: string[] = ['"use strict";'];
  lines.push(
    `// Termite compiled unit ${JSON.stringify(options.unit)} of ${JSON.stringify(options.module)}, ABI ${COMPILER_ABI}`,
  );
  lines.push(
    `const { ${RUNTIME_NAMES.map((n) => `${n}: $${n === "machine" ? "M" : n}`).join(", ")} } = $rt;`,
  );
  m.globals.forEach((_, i) => {
    lines.push(`const $c${i} = $cells[${i}];`);
  });
  m.primitives.forEach(([name, binary], i) => {
    lines.push(`const $p${i} = $primitive(${JSON.stringify(name)}, ${binary});`);
  });
  m.globals.forEach((g, i) => {
    if (analysis.constantProcedures.has(g)) lines.push(`let $G${i} = $unboundProcedure($c${i});`);
  });
  // `$P` starts as an object no cell holds, so a script's call takes the global until the
  // definition has run.
  if ([...m.known].some((i) => !analysis.constantProcedures.has(m.globals[i]!)))
    lines.push("const $none = {};");
  for (const i of m.known) {
    lines.push(
      analysis.constantProcedures.has(m.globals[i]!) ? `let $B${i} = $G${i};` : `let $P${i} = $none, $B${i};`,
    );
  }
  lines.push(...m.chunks);
  lines.push(`const $unit = ${result};`);
  lines.push(`$unit.$codes = [${m.codes.map((_, i) => `$C${i}`).join(", ")}];`);
  lines.push("return $unit;");
  return {
    body: lines.join("\n"),
    globals: m.globals,
    constants: m.constants,
    locations: m.locations,
    nodes: m.nodes,
    codes: m.codes,
    contexts: m.contexts,
  };
}
