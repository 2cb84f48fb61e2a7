// A tiny evaluator of the core language, for tests only: it lets the tests check what expanded
// programs *do* (hygiene, derived forms) rather than only their printed shape. It is not the
// project's interpreter (that lives in @termite/compiler).

import {
  type CoreModule,
  type Handlers,
  type Lambda,
  type Node,
  type Variable,
  validate,
  visit,
} from "@termite/core";
import {
  cons,
  isEqual,
  isEqv,
  list,
  listToArray,
  MString,
  MultipleValues,
  Pair,
  RecordType,
  Record as SchemeRecord,
  Sym,
  values,
} from "@termite/datum";
import { LibraryRegistry } from "../src/index.js";

type Frame = Map<Variable, { value: unknown }>;

/** Thrown by `raise`: carries the raised object. */
export class Raised {
  constructor(readonly payload: unknown) {}
}

interface Promise_ {
  done: boolean;
  value: unknown;
}

const PROMISE = Symbol("promise");

function makePromise(done: boolean, value: unknown): unknown {
  const p: Promise_ & { [PROMISE]: true } = { done, value, [PROMISE]: true };
  return p;
}

function force(p: unknown): unknown {
  if (typeof p !== "object" || p === null || !(PROMISE in p)) return p;
  const box = p as unknown as Promise_;
  while (!box.done) {
    const next = (box.value as () => unknown)() as Promise_;
    if (!box.done) {
      box.done = next.done;
      box.value = next.value;
    }
  }
  return box.value;
}

function num(...xs: unknown[]): number[] {
  return xs as number[];
}

/** The primitives the tests' programs use, by qualified name. */
export function primitives(): Map<string, unknown> {
  const g = new Map<string, unknown>();
  const base: Record<string, unknown> = {
    "+": (...xs: unknown[]) => num(...xs).reduce((a, b) => a + b, 0),
    "-": (a: number, ...xs: number[]) => (xs.length === 0 ? -a : xs.reduce((x, y) => x - y, a)),
    "*": (...xs: unknown[]) => num(...xs).reduce((a, b) => a * b, 1),
    "<": (a: number, b: number) => a < b,
    ">": (a: number, b: number) => a > b,
    "=": (a: number, b: number) => a === b,
    "<=": (a: number, b: number) => a <= b,
    "eqv?": isEqv,
    "eq?": isEqv,
    "equal?": isEqual,
    cons,
    car: (p: Pair) => p.car,
    cdr: (p: Pair) => p.cdr,
    cadr: (p: Pair) => (p.cdr as Pair).car,
    list: (...xs: unknown[]) => list(xs),
    length: (l: unknown) => listToArray(l).length,
    append: (...ls: unknown[]) => {
      if (ls.length === 0) return null;
      let out = ls[ls.length - 1];
      for (let i = ls.length - 2; i >= 0; i--) out = list(listToArray(ls[i]), out);
      return out;
    },
    "list->vector": (l: unknown) => listToArray(l),
    vector: (...xs: unknown[]) => xs,
    "vector-ref": (v: unknown[], i: number) => v[i],
    not: (x: unknown) => x === false,
    "null?": (x: unknown) => x === null,
    "pair?": (x: unknown) => x instanceof Pair,
    "symbol?": (x: unknown) => x instanceof Sym,
    "number?": (x: unknown) => typeof x === "number",
    "string?": (x: unknown) => x instanceof MString,
    memv: (x: unknown, l: unknown) => {
      for (let n = l; n instanceof Pair; n = n.cdr) if (isEqv(x, n.car)) return n;
      return false;
    },
    "list-ref": (l: unknown, i: number) => listToArray(l)[i],
    "list-tail": (l: unknown, i: number) => {
      let n = l;
      for (let k = 0; k < i; k++) n = (n as Pair).cdr;
      return n;
    },
    apply: (f: (...a: unknown[]) => unknown, ...args: unknown[]) =>
      f(...args.slice(0, -1), ...listToArray(args[args.length - 1])),
    values: (...xs: unknown[]) => values(xs),
    "call-with-values": (producer: () => unknown, consumer: (...a: unknown[]) => unknown) => {
      const v = producer();
      return v instanceof MultipleValues ? consumer(...v.values) : consumer(v);
    },
    raise: (x: unknown) => {
      throw new Raised(x);
    },
    "make-promise": (v: unknown) =>
      typeof v === "object" && v !== null && PROMISE in v ? v : makePromise(true, v),
    force,
    "make-parameter": (init: unknown, convert?: (x: unknown) => unknown) => {
      const p = Object.assign(() => p.value, { value: convert ? convert(init) : init, convert });
      return p;
    },
  };
  for (const [n, f] of Object.entries(base)) g.set(`scheme/base#${n}`, f);
  const internal: Record<string, unknown> = {
    "make-record-type": (name: Sym, fields: Sym[], uid: unknown) =>
      new RecordType(
        name.name,
        String(uid),
        fields.map((f) => f.name),
      ),
    "record-constructor":
      (rtd: RecordType, idx: number[]) =>
      (...args: unknown[]) => {
        const fields: unknown[] = rtd.fieldNames.map(() => false);
        idx.forEach((i, k) => {
          fields[i] = args[k];
        });
        return new SchemeRecord(rtd, fields);
      },
    "record-predicate": (rtd: RecordType) => (x: unknown) => x instanceof SchemeRecord && x.type === rtd,
    "record-accessor": (_rtd: RecordType, i: number) => (r: SchemeRecord) => r.fields[i],
    "record-modifier": (_rtd: RecordType, i: number) => (r: SchemeRecord, v: unknown) => {
      r.fields[i] = v;
    },
    "make-lazy-promise": (thunk: () => unknown) => makePromise(false, thunk),
    "with-parameters": (ps: unknown, vs: unknown, thunk: () => unknown) => {
      const params = listToArray(ps) as { value: unknown; convert?: (x: unknown) => unknown }[];
      const vals = listToArray(vs);
      const saved = params.map((p) => p.value);
      params.forEach((p, i) => {
        p.value = p.convert ? p.convert(vals[i]) : vals[i];
      });
      try {
        return thunk();
      } finally {
        params.forEach((p, i) => {
          p.value = saved[i];
        });
      }
    },
    "with-guard": (thunk: () => unknown, handler: (c: unknown, reraise: () => unknown) => unknown) => {
      try {
        return thunk();
      } catch (e) {
        if (!(e instanceof Raised)) throw e;
        return handler(e.payload, () => {
          throw e;
        });
      }
    },
  };
  for (const [n, f] of Object.entries(internal)) g.set(`termite/internal#${n}`, f);
  return g;
}

/** A registry with the expander's keywords and the test primitives as `(scheme base)` & co. */
export function testRegistry(
  options: ConstructorParameters<typeof LibraryRegistry>[0] = {},
): LibraryRegistry {
  const reg = new LibraryRegistry(options);
  const names = [...primitives().keys()].filter((k) => k.startsWith("scheme/base#")).map((k) => k.slice(12));
  reg.defineNativeLibrary(
    ["scheme", "base"],
    names.filter((n) => n !== "force"),
  );
  reg.defineNativeLibrary(["scheme", "lazy"], {
    force: "scheme/base#force",
    "make-promise": "scheme/base#make-promise",
  });
  reg.defineNativeLibrary(["scheme", "write"], ["display", "write"]);
  return reg;
}

/** One handler per core node kind, each given the node and the frame it runs in. */
type Evaluate = Handlers<unknown, [Frame]>;

export class CoreEvaluator {
  readonly globals = primitives();

  /** Runs a module's body, first checking that the expander made well-formed core nodes. */
  run(module: CoreModule): unknown {
    module.body.forEach((node, i) => {
      validate(node, `body[${i}]`);
    });
    let last: unknown;
    for (const node of module.body) last = this.eval(node, new Map());
    return last;
  }

  eval(node: Node, frame: Frame): unknown {
    return visit(node, this.handlers, frame);
  }

  private readonly handlers: Evaluate = {
    quote: (node) => node.value,
    local: (node, frame) => {
      const cell = frame.get(node.variable);
      if (cell === undefined) throw new Error(`unbound local ${node.variable.name}.${node.variable.id}`);
      return cell.value;
    },
    global: (node) => {
      if (!this.globals.has(node.name)) throw new Error(`unbound global ${node.name}`);
      return this.globals.get(node.name);
    },
    set: (node, frame) => {
      const v = this.eval(node.value, frame);
      if (node.target.kind === "local") frame.get(node.target.variable)!.value = v;
      else this.globals.set(node.target.name, v);
      return undefined;
    },
    define: (node, frame) => {
      this.globals.set(node.name, this.eval(node.value, frame));
      return undefined;
    },
    if: (node, frame) => {
      if (this.eval(node.test, frame) !== false) return this.eval(node.then, frame);
      return node.else === undefined ? undefined : this.eval(node.else, frame);
    },
    lambda: (node, frame) => this.closure(node, frame),
    "case-lambda": (node, frame) => {
      const clauses = node.clauses.map((c) => ({ c, f: this.closure(c, frame) }));
      return (...args: unknown[]) => {
        for (const { c, f } of clauses)
          if (args.length === c.params.length || (c.rest !== null && args.length >= c.params.length))
            return f(...args);
        throw new Error("no case-lambda clause matches");
      };
    },
    begin: (node, frame) => {
      let v: unknown;
      for (const n of node.body) v = this.eval(n, frame);
      return v;
    },
    let: (node, frame) => {
      const inner = new Map(frame);
      const vals = node.bindings.map(([, init]) => this.eval(init, frame));
      for (let i = 0; i < node.bindings.length; i++) inner.set(node.bindings[i]![0], { value: vals[i] });
      return this.eval(node.body, inner);
    },
    letrec: (node, frame) => {
      const inner = new Map(frame);
      for (const [v] of node.bindings) inner.set(v, { value: undefined });
      for (const [v, init] of node.bindings) inner.get(v)!.value = this.eval(init, inner);
      return this.eval(node.body, inner);
    },
    call: (node, frame) => {
      const f = this.eval(node.fn, frame);
      const args = node.args.map((a) => this.eval(a, frame));
      if (typeof f !== "function") throw new Error(`not a procedure: ${String(f)}`);
      return f(...args);
    },
  };

  private closure(node: Lambda, frame: Frame): (...args: unknown[]) => unknown {
    return (...args: unknown[]) => {
      const inner = new Map(frame);
      for (let i = 0; i < node.params.length; i++) inner.set(node.params[i]!, { value: args[i] });
      if (node.rest !== null) inner.set(node.rest, { value: list(args.slice(node.params.length)) });
      return this.eval(node.body, inner);
    };
  }
}
