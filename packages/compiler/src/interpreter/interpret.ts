// ## The interpreter: core language -> JS closures, on the frame protocol
//
// Each core node becomes a JS closure `(env) => value` once, before running (closure compilation),
// so the tree is not re-examined at every step. Scheme procedures become JS functions, called
// directly. A node with work left after a subexpression (a call evaluating its arguments, an `if`
// evaluating its test, …) checks for the `UNWIND` marker after that subexpression and records a frame:
// its code (this node), the step it was at, and the live values. The frame's `resume` continues the
// same node from that step, so interpreted frames mix freely with compiled and runtime ones.
//
// Environments are arrays: slot 0 is the enclosing environment, then the variables. Every lambda
// call, `let` and `letrec` makes a new one, so a re-entered continuation sees fresh locations.

import type { Lambda, Node, Variable } from "@termite/core";
import type { CodeReference, Procedure, ResumableCode, SourceLocation } from "@termite/datum";
import { carry, list } from "@termite/datum";
import {
  arityError,
  type GlobalEnvironment,
  machine,
  makeCaseLambda,
  noteCallSite,
  pushFrame,
  schemeError,
  UNASSIGNED,
  UNBOUND,
  UNWIND,
  unboundVariable,
  unwindAndCall,
} from "@termite/runtime";

type Env = unknown[];
type Exec = (env: Env) => unknown;

/** The compiled form of one `lambda`, shared by all closures made from it. */
export interface LambdaCode {
  readonly node: Lambda;
  readonly name: string | undefined;
  readonly ref: CodeReference;
  /** The unit (top-level form) it belongs to, which carries the syntax tree when code travels. */
  readonly unit: CodeUnit;
  /** Makes a closure of this lambda over `env` (how a received closure is rebuilt). */
  makeClosure(env: Env): Procedure;
}

/** Resumable code of the interpreter: a node of `unit` with work pending after a subexpression. */
export interface InterpretedCode extends ResumableCode {
  readonly unit: CodeUnit;
  /** The procedure the node belongs to, as written (`undefined` at top level). */
  readonly name: string | undefined;
}

/** A unit ready to run, with every piece of its code by id (for frames and closures received). */
export interface InterpretedUnit {
  readonly run: () => unknown;
  readonly codes: ReadonlyMap<string, ResumableCode | LambdaCode>;
}

/** One top-level form handed to the interpreter; node ids are numbered within it. */
export interface CodeUnit {
  readonly module: string;
  readonly id: string;
  readonly node: Node;
}

interface Scope {
  readonly vars: Map<Variable, number>;
  readonly parent: Scope | null;
  /** True for `letrec` scopes, whose variables may be read before they are assigned. */
  readonly early: boolean;
}

/** Where a variable lives: how many environments up, and the slot there. */
function address(scope: Scope | null, v: Variable): [number, number] {
  let depth = 0;
  for (let s = scope; s !== null; s = s.parent, depth++) {
    const slot = s.vars.get(v);
    if (slot !== undefined) return [depth, slot];
  }
  throw new Error(`internal: variable ${v.name}.${v.id} is not in scope`);
}

function newScope(vars: readonly Variable[], parent: Scope | null, early = false): Scope {
  const map = new Map<Variable, number>();
  for (let i = 0; i < vars.length; i++) map.set(vars[i]!, i + 1);
  return { vars: map, parent, early };
}

/**
 * An operand the call fast path reads inline instead of calling its closure: a constant, or a
 * variable of the innermost environment that cannot be unassigned. `undefined` otherwise.
 */
type Leaf =
  | { readonly constant: true; readonly value: unknown }
  | { readonly constant: false; readonly slot: number };

function leafOf(node: Node, scope: Scope | null): Leaf | undefined {
  if (node.kind === "quote") return { constant: true, value: node.value };
  if (node.kind === "local" && scope !== null && !scope.early) {
    const slot = scope.vars.get(node.variable);
    if (slot !== undefined) return { constant: false, slot };
  }
  return undefined;
}

/** A node that cannot unwind: evaluating it calls nothing. */
function isSimple(node: Node): boolean {
  switch (node.kind) {
    case "quote":
    case "local":
    case "global":
    case "lambda":
    case "case-lambda":
      return true;
    case "if":
      return isSimple(node.test) && isSimple(node.then) && (node.else === undefined || isSimple(node.else));
    default:
      return false;
  }
}

/** Compiles core nodes of one unit to closures. */
class UnitCompiler {
  private counter = 0;
  readonly codes = new Map<string, ResumableCode | LambdaCode>();
  constructor(
    private readonly unit: CodeUnit,
    private readonly globals: GlobalEnvironment,
  ) {}

  private code(resume: ResumableCode["resume"], procedure: string | undefined): ResumableCode {
    const ref: CodeReference = { module: this.unit.module, id: `${this.unit.id}:${this.counter++}` };
    // `unit` says where the code came from, so a frame can travel with its unit's syntax tree;
    // `name` is the procedure the node is in, for messages about a pending continuation.
    const code: InterpretedCode = { ref, resume, unit: this.unit, name: procedure };
    this.codes.set(ref.id, code);
    return code;
  }

  compile(node: Node, scope: Scope | null, proc: string | undefined): Exec {
    switch (node.kind) {
      case "quote": {
        const value = node.value;
        return () => value;
      }
      case "local":
        return this.local(node.variable, scope);
      case "global": {
        const cell = this.globals.cell(node.name);
        const name = node.name;
        return () => {
          const v = cell.value;
          return v === UNBOUND ? unboundVariable(name) : v;
        };
      }
      case "set":
      case "define":
        return this.assignment(node, scope, proc);
      case "if":
        return this.conditional(node, scope, proc);
      case "lambda":
        return this.lambda(node, scope);
      case "case-lambda":
        return this.caseLambda(node, scope);
      case "begin":
        return this.sequence(node.body, scope, proc);
      case "let":
        return this.let(node, scope, proc);
      case "letrec":
        return this.letrec(node, scope, proc);
      case "call":
        return this.call(node, scope, proc);
    }
  }

  private local(v: Variable, scope: Scope | null): Exec {
    const [depth, slot] = address(scope, v);
    const check = (x: unknown) =>
      x === UNASSIGNED ? schemeError(v.name, "variable used before its definition") : x;
    switch (depth) {
      case 0:
        return (env) => {
          const x = env[slot];
          return x === UNASSIGNED ? check(x) : x;
        };
      case 1:
        return (env) => {
          const x = (env[0] as Env)[slot];
          return x === UNASSIGNED ? check(x) : x;
        };
      case 2:
        return (env) => {
          const x = ((env[0] as Env)[0] as Env)[slot];
          return x === UNASSIGNED ? check(x) : x;
        };
      default:
        return (env) => {
          let e = env;
          for (let i = 0; i < depth; i++) e = e[0] as Env;
          const x = e[slot];
          return x === UNASSIGNED ? check(x) : x;
        };
    }
  }

  /** `set!` and `define`: evaluate the value (may unwind), then store it. */
  private assignment(
    node: Node & { kind: "set" | "define" },
    scope: Scope | null,
    proc: string | undefined,
  ): Exec {
    const valueE = this.compile(node.value, scope, node.kind === "define" ? shortName(node.name) : proc);
    let store: (env: Env, v: unknown) => void;
    if (node.kind === "define") {
      const cell = this.globals.cell(node.name);
      store = (_env, v) => {
        cell.value = v;
      };
    } else if (node.target.kind === "global") {
      const cell = this.globals.cell(node.target.name);
      const name = node.target.name;
      store = (_env, v) => {
        if (cell.value === UNBOUND) unboundVariable(name);
        cell.value = v;
      };
    } else {
      const [depth, slot] = address(scope, node.target.variable);
      store = (env, v) => {
        let e = env;
        for (let i = 0; i < depth; i++) e = e[0] as Env;
        e[slot] = v;
      };
    }
    if (isSimple(node.value)) {
      return (env) => {
        store(env, valueE(env));
        return undefined;
      };
    }
    const code = this.code((fr, v) => {
      store(fr.values[0] as Env, v);
      return undefined;
    }, proc);
    return (env) => {
      const v = valueE(env);
      if (v === UNWIND) return pushFrame(code, 0, [env]);
      store(env, v);
      return undefined;
    };
  }

  private conditional(node: Node & { kind: "if" }, scope: Scope | null, proc: string | undefined): Exec {
    const testE = this.compile(node.test, scope, proc);
    const thenE = this.compile(node.then, scope, proc);
    const elseE: Exec = node.else ? this.compile(node.else, scope, proc) : () => undefined;
    if (isSimple(node.test)) return (env) => (testE(env) !== false ? thenE(env) : elseE(env));
    const code = this.code((fr, v) => {
      const env = fr.values[0] as Env;
      return v !== false ? thenE(env) : elseE(env);
    }, proc);
    const fused = this.fusedTest(node.test, scope, proc);
    if (fused !== undefined) {
      // `(if (< n 2) …)`: the test's global call made here, with its operands read inline.
      return (env) => {
        const t = fused(env);
        if (t === UNWIND) return pushFrame(code, 0, [env]);
        return t !== false ? thenE(env) : elseE(env);
      };
    }
    return (env) => {
      const t = testE(env);
      if (t === UNWIND) return pushFrame(code, 0, [env]);
      return t !== false ? thenE(env) : elseE(env);
    };
  }

  /**
   * For a test that calls a global with a local and a constant, or two locals, of the innermost
   * environment: a closure making that call directly. The most common test of a recursion.
   */
  private fusedTest(test: Node, scope: Scope | null, proc: string | undefined): Exec | undefined {
    if (test.kind !== "call" || test.fn.kind !== "global" || test.args.length !== 2) return undefined;
    const l1 = leafOf(test.args[0]!, scope);
    const l2 = leafOf(test.args[1]!, scope);
    if (l1 === undefined || l2 === undefined || l1.constant) return undefined;
    const cell = this.globals.cell(test.fn.name);
    const fname = test.fn.name;
    const loc = test.loc;
    const s1 = l1.slot;
    const call = (f: unknown, a: unknown, b: unknown): unknown => {
      if (typeof f !== "function")
        return f === UNBOUND ? unboundOperator(fname, loc, proc) : notAProcedure(f, loc, proc);
      try {
        return (f as Procedure)(a, b);
      } catch (e) {
        noteCallSite(e, proc, loc);
        throw e;
      }
    };
    if (l2.constant) {
      const c2 = l2.value;
      return (env) => call(cell.value, env[s1], c2);
    }
    const s2 = l2.slot;
    return (env) => call(cell.value, env[s1], env[s2]);
  }

  private sequence(body: readonly Node[], scope: Scope | null, proc: string | undefined): Exec {
    const execs = body.map((n) => this.compile(n, scope, proc));
    if (execs.length === 1) return execs[0]!;
    const last = execs.length - 1;
    const run = (env: Env, from: number): unknown => {
      for (let i = from; i < last; i++) if (execs[i]!(env) === UNWIND) return pushFrame(code, i, [env]);
      return execs[last]!(env);
    };
    const code = this.code((fr) => run(fr.values[0] as Env, fr.cp + 1), proc);
    return (env) => run(env, 0);
  }

  private let(node: Node & { kind: "let" }, scope: Scope | null, proc: string | undefined): Exec {
    const inits = node.bindings.map(([v, init]) =>
      this.compile(init, scope, (init.kind === "lambda" && v.name) || proc),
    );
    const inner = newScope(
      node.bindings.map(([v]) => v),
      scope,
    );
    const body = this.compile(node.body, inner, proc);
    const n = inits.length;
    const run = (env: Env, frameEnv: Env, from: number): unknown => {
      for (let i = from; i < n; i++) {
        const v = inits[i]!(env);
        if (v === UNWIND) return pushFrame(code, i, [env, frameEnv.slice()]);
        frameEnv[i + 1] = v;
      }
      return body(frameEnv);
    };
    const code = this.code((fr, v) => {
      const frameEnv = (fr.values[1] as Env).slice();
      frameEnv[fr.cp + 1] = v;
      return run(fr.values[0] as Env, frameEnv, fr.cp + 1);
    }, proc);
    return (env) => {
      const frameEnv: Env = new Array(n + 1);
      frameEnv[0] = env;
      return run(env, frameEnv, 0);
    };
  }

  private letrec(node: Node & { kind: "letrec" }, scope: Scope | null, proc: string | undefined): Exec {
    const inner = newScope(
      node.bindings.map(([v]) => v),
      scope,
      true,
    );
    const inits = node.bindings.map(([v, init]) =>
      this.compile(init, inner, (init.kind === "lambda" && v.name) || proc),
    );
    const body = this.compile(node.body, inner, proc);
    const n = inits.length;
    const run = (frameEnv: Env, from: number): unknown => {
      for (let i = from; i < n; i++) {
        const v = inits[i]!(frameEnv);
        if (v === UNWIND) return pushFrame(code, i, [frameEnv]);
        frameEnv[i + 1] = v;
      }
      return body(frameEnv);
    };
    const code = this.code((fr, v) => {
      const frameEnv = fr.values[0] as Env;
      frameEnv[fr.cp + 1] = v;
      return run(frameEnv, fr.cp + 1);
    }, proc);
    return (env) => {
      const frameEnv: Env = new Array(n + 1).fill(UNASSIGNED);
      frameEnv[0] = env;
      return run(frameEnv, 0);
    };
  }

  /**
   * A call. The operator and operands are evaluated left to right under the frame protocol; the
   * call itself is outside the protected region: it is the node's last act, so it leaves no frame.
   */
  private call(node: Node & { kind: "call" }, scope: Scope | null, proc: string | undefined): Exec {
    const parts = [node.fn, ...node.args].map((n) => this.compile(n, scope, proc));
    const n = parts.length;
    const loc = node.loc;
    // A global operator read before an operand unwound may be the unbound marker (the fast paths
    // below save the cell's value in the frame): that is an unbound variable, not a bad operator.
    const unboundName = node.fn.kind === "global" ? node.fn.name : undefined;
    const apply = (vals: unknown[]): unknown => {
      const f = vals[0];
      if (typeof f !== "function")
        return f === UNBOUND && unboundName !== undefined
          ? unboundOperator(unboundName, loc, proc)
          : notAProcedure(f, loc, proc);
      try {
        return (f as Procedure).apply(undefined, vals.slice(1));
      } catch (e) {
        noteCallSite(e, proc, loc);
        throw e;
      }
    };
    const run = (env: Env, vals: unknown[], from: number): unknown => {
      for (let i = from; i < n; i++) {
        const v = parts[i]!(env);
        if (v === UNWIND) return pushFrame(code, i, [env, vals.slice(0, i)]);
        vals[i] = v;
      }
      return apply(vals);
    };
    const code = this.code((fr, v) => {
      const saved = fr.values[1] as unknown[];
      const vals: unknown[] = new Array(n);
      for (let i = 0; i < saved.length; i++) vals[i] = saved[i];
      vals[fr.cp] = v;
      return run(fr.values[0] as Env, vals, fr.cp + 1);
    }, proc);
    // The most common call: a global procedure applied to one or two operands. Reading the
    // global's cell inline saves a call through a megamorphic site per call.
    if (node.fn.kind === "global" && (n === 2 || n === 3)) {
      const cell = this.globals.cell(node.fn.name);
      const fname = node.fn.name;
      const leaves = node.args.map((a) => leafOf(a, scope));
      const call2 = (f: unknown, a: unknown, b: unknown): unknown => {
        if (typeof f !== "function")
          return f === UNBOUND ? unboundOperator(fname, loc, proc) : notAProcedure(f, loc, proc);
        try {
          return (f as Procedure)(a, b);
        } catch (e) {
          noteCallSite(e, proc, loc);
          throw e;
        }
      };
      // Operands read inline: `(< n 2)`, `(- n 1)`, `(f x y)` cost no closure call per operand.
      const [l1, l2] = leaves;
      if (n === 3 && l1 !== undefined && l2 !== undefined) {
        if (!l1.constant && l2.constant) {
          const s1 = l1.slot;
          const c2 = l2.value;
          return (env) => call2(cell.value, env[s1], c2);
        }
        if (!l1.constant && !l2.constant) {
          const s1 = l1.slot;
          const s2 = l2.slot;
          return (env) => call2(cell.value, env[s1], env[s2]);
        }
        if (l1.constant && !l2.constant) {
          const c1 = l1.value;
          const s2 = l2.slot;
          return (env) => call2(cell.value, c1, env[s2]);
        }
      }
      if (n === 2 && l1 !== undefined && !l1.constant) {
        const s1 = l1.slot;
        return (env) => {
          const f = cell.value;
          if (typeof f !== "function")
            return f === UNBOUND ? unboundOperator(fname, loc, proc) : notAProcedure(f, loc, proc);
          try {
            return (f as Procedure)(env[s1]);
          } catch (e) {
            noteCallSite(e, proc, loc);
            throw e;
          }
        };
      }
      const p1 = parts[1]!;
      if (n === 2) {
        return (env) => {
          const a = p1(env);
          if (a === UNWIND) return pushFrame(code, 1, [env, [cell.value]]);
          const f = cell.value;
          if (typeof f !== "function")
            return f === UNBOUND ? unboundOperator(fname, loc, proc) : notAProcedure(f, loc, proc);
          try {
            return (f as Procedure)(a);
          } catch (e) {
            noteCallSite(e, proc, loc);
            throw e;
          }
        };
      }
      const p2 = parts[2]!;
      return (env) => {
        const a = p1(env);
        if (a === UNWIND) return pushFrame(code, 1, [env, [cell.value]]);
        const b = p2(env);
        if (b === UNWIND) return pushFrame(code, 2, [env, [cell.value, a]]);
        const f = cell.value;
        if (typeof f !== "function")
          return f === UNBOUND ? unboundOperator(fname, loc, proc) : notAProcedure(f, loc, proc);
        try {
          return (f as Procedure)(a, b);
        } catch (e) {
          noteCallSite(e, proc, loc);
          throw e;
        }
      };
    }
    // Specialised entries for the common small arities keep values in JS locals. The call itself
    // is the node's last act: its result (a value or UNWIND) is returned as is, leaving no frame.
    // Each entry makes its call in its own code on purpose: moving the call into shared helpers
    // (one per arity) made fib 30 1.7x slower, as every call then went through one megamorphic site.
    const [p0, p1, p2, p3] = parts;
    switch (n) {
      case 1:
        return (env) => {
          const f = p0!(env);
          if (f === UNWIND) return pushFrame(code, 0, [env, []]);
          if (typeof f !== "function") return notAProcedure(f, loc, proc);
          try {
            return (f as Procedure)();
          } catch (e) {
            noteCallSite(e, proc, loc);
            throw e;
          }
        };
      case 2:
        return (env) => {
          const f = p0!(env);
          if (f === UNWIND) return pushFrame(code, 0, [env, []]);
          const a = p1!(env);
          if (a === UNWIND) return pushFrame(code, 1, [env, [f]]);
          if (typeof f !== "function") return notAProcedure(f, loc, proc);
          try {
            return (f as Procedure)(a);
          } catch (e) {
            noteCallSite(e, proc, loc);
            throw e;
          }
        };
      case 3:
        return (env) => {
          const f = p0!(env);
          if (f === UNWIND) return pushFrame(code, 0, [env, []]);
          const a = p1!(env);
          if (a === UNWIND) return pushFrame(code, 1, [env, [f]]);
          const b = p2!(env);
          if (b === UNWIND) return pushFrame(code, 2, [env, [f, a]]);
          if (typeof f !== "function") return notAProcedure(f, loc, proc);
          try {
            return (f as Procedure)(a, b);
          } catch (e) {
            noteCallSite(e, proc, loc);
            throw e;
          }
        };
      case 4:
        return (env) => {
          const f = p0!(env);
          if (f === UNWIND) return pushFrame(code, 0, [env, []]);
          const a = p1!(env);
          if (a === UNWIND) return pushFrame(code, 1, [env, [f]]);
          const b = p2!(env);
          if (b === UNWIND) return pushFrame(code, 2, [env, [f, a]]);
          const c = p3!(env);
          if (c === UNWIND) return pushFrame(code, 3, [env, [f, a, b]]);
          if (typeof f !== "function") return notAProcedure(f, loc, proc);
          try {
            return (f as Procedure)(a, b, c);
          } catch (e) {
            noteCallSite(e, proc, loc);
            throw e;
          }
        };
      default:
        return (env) => run(env, new Array(n), 0);
    }
  }

  private lambda(node: Lambda, scope: Scope | null): Exec {
    const vars = node.rest ? [...node.params, node.rest] : node.params;
    const ref: CodeReference = { module: this.unit.module, id: `${this.unit.id}:${this.counter++}` };
    const lam = { node, name: node.name, ref, unit: this.unit } as {
      -readonly [K in keyof LambdaCode]: LambdaCode[K];
    };
    const body = this.compile(node.body, newScope(vars, scope), node.name ?? "lambda");
    const make = closureMaker(lam, node.params.length, node.rest !== null, body);
    lam.makeClosure = make;
    this.codes.set(ref.id, lam);
    return (env) => make(env);
  }

  private caseLambda(node: Node & { kind: "case-lambda" }, scope: Scope | null): Exec {
    const clauses = node.clauses.map((c) => ({
      min: c.params.length,
      rest: c.rest !== null,
      make: this.lambda(c, scope),
    }));
    const name = node.name;
    return (env) =>
      makeCaseLambda(
        name ?? "case-lambda",
        clauses.map((c) => ({ min: c.min, rest: c.rest, procedure: c.make(env) as Procedure })),
      );
  }
}

function shortName(qualified: string): string {
  const i = qualified.lastIndexOf("#");
  return i >= 0 ? qualified.slice(i + 1) : qualified;
}

/** An unbound operator is reported at its call, as the JavaScript back end does. */
function unboundOperator(name: string, loc: SourceLocation | undefined, proc: string | undefined): never {
  try {
    return unboundVariable(name);
  } catch (e) {
    noteCallSite(e, proc, loc);
    throw e;
  }
}

function notAProcedure(f: unknown, loc: SourceLocation | undefined, proc: string | undefined): never {
  try {
    return schemeError(undefined, "attempt to call a non-procedure", f);
  } catch (e) {
    noteCallSite(e, proc, loc);
    throw e;
  }
}

/**
 * Returns the function that makes closures of one lambda. Fixed arities 0..3 get their own shape
 * so that calls pass arguments in registers instead of through an array.
 */
function closureMaker(lam: LambdaCode, n: number, rest: boolean, body: Exec): (env: Env) => Procedure {
  const name = lam.name;
  const tag = (f: Procedure, env: Env): Procedure =>
    carry(f, { kind: "interpreted", code: lam, environment: env });
  if (rest) {
    return (env) => {
      const f = tag((...args: unknown[]) => {
        if (args.length < n) arityError(name, `at least ${n}`, args.length);
        if (--machine.budget < 0) return unwindAndCall(f, args);
        const e: Env = new Array(n + 2);
        e[0] = env;
        for (let i = 0; i < n; i++) e[i + 1] = args[i];
        e[n + 1] = list(args.slice(n));
        return body(e);
      }, env);
      return f;
    };
  }
  switch (n) {
    case 0:
      return (env) => {
        const f = tag(function (this: unknown) {
          if (arguments.length !== 0) arityError(name, "0", arguments.length);
          if (--machine.budget < 0) return unwindAndCall(f, []);
          return body([env]);
        }, env);
        return f;
      };
    case 1:
      return (env) => {
        const f = tag(function (this: unknown, a: unknown) {
          if (arguments.length !== 1) arityError(name, "1", arguments.length);
          if (--machine.budget < 0) return unwindAndCall(f, [a]);
          return body([env, a]);
        }, env);
        return f;
      };
    case 2:
      return (env) => {
        const f = tag(function (this: unknown, a: unknown, b: unknown) {
          if (arguments.length !== 2) arityError(name, "2", arguments.length);
          if (--machine.budget < 0) return unwindAndCall(f, [a, b]);
          return body([env, a, b]);
        }, env);
        return f;
      };
    case 3:
      return (env) => {
        const f = tag(function (this: unknown, a: unknown, b: unknown, c: unknown) {
          if (arguments.length !== 3) arityError(name, "3", arguments.length);
          if (--machine.budget < 0) return unwindAndCall(f, [a, b, c]);
          return body([env, a, b, c]);
        }, env);
        return f;
      };
    default:
      return (env) => {
        const f = tag((...args: unknown[]) => {
          if (args.length !== n) arityError(name, String(n), args.length);
          if (--machine.budget < 0) return unwindAndCall(f, args);
          const e: Env = new Array(n + 1);
          e[0] = env;
          for (let i = 0; i < n; i++) e[i + 1] = args[i];
          return body(e);
        }, env);
        return f;
      };
  }
}

/** Compiles one unit (a top-level form, or a whole module body) to a thunk that runs it. */
export function interpret(unit: CodeUnit, globals: GlobalEnvironment): () => unknown {
  return interpretUnit(unit, globals).run;
}

/**
 * Compiles one unit and returns its code table too. Compiling the same unit again (on another
 * node, from its syntax tree) gives the same ids: they are numbered in tree order.
 */
export function interpretUnit(unit: CodeUnit, globals: GlobalEnvironment): InterpretedUnit {
  const compiler = new UnitCompiler(unit, globals);
  const exec = compiler.compile(unit.node, null, undefined);
  return { run: () => exec([]), codes: compiler.codes };
}
