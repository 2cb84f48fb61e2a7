// ## The 400 KB program: a generator of distinct procedures
//
// The ELS'20 evaluation needs a program of about 400 KB whose procedures are all different (a
// file that repeats one procedure a thousand times lets V8 and our compiler see through the
// repetition). This generator writes one: sections, each with its own record type and a dozen
// procedures, every procedure built from one of ten control-flow shapes (a fold over a list, a
// vector sorted in place, tree recursion, a string scan, a `case` dispatch, a record pipeline,
// closures, an association table, a `do` loop with several state variables, a character
// classifier) with a random arity, random parameter types and random expressions inside, calling
// procedures written before it. No two procedures share a body.
//
// Each procedure is written twice from the same choices, in Scheme and in JavaScript, so the
// generator knows the program's answer without trusting our Scheme: the JavaScript twin runs here
// and its result is the program's expected result.
//
// Integers stay exact in both languages: every variable holds a value below a prime modulus (each
// procedure has its own), every expression's bound is tracked, and `modulo` brings a value back
// before it is bound, so nothing passes 2^53.

/** A small linear congruential generator: the same program on every machine. */
function randomSource(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) / 16777216;
  };
  return {
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

const PRIMES = [7919, 8191, 9973, 10007, 12011, 15013, 19997, 24989, 30011, 32749, 40009, 49999, 65521];
const WORDS = [
  "ledger",
  "harbor",
  "lantern",
  "quartz",
  "meadow",
  "cobalt",
  "vertex",
  "saffron",
  "tundra",
  "pixel",
  "orchid",
  "glacier",
  "amber",
  "falcon",
  "nebula",
  "cipher",
  "willow",
  "ember",
];
const BIG = 2 ** 50;

/** An expression in both languages with an upper bound on its absolute value. */
const expr = (s, j, bound) => ({ s, j, bound });

// JavaScript helpers the twins use; the Scheme side has these as primitives.
const JS_PRELUDE = `
const mod = (a, b) => ((a % b) + b) % b;
const quot = (a, b) => (a - (a % b)) / b;
const rem = (a, b) => a % b;
`;

/**
 * Generates the program. Returns the Scheme text (a body of definitions ending with
 * `(define (run-mosaic) …)`, no call), the JavaScript twin's text, and counts.
 */
export function generateMosaic({ seed = 20200427, targetBytes = 400 * 1024, rounds = 12 } = {}) {
  const rnd = randomSource(seed);
  const scheme = [];
  const js = [JS_PRELUDE];
  const procedures = []; // { name, jsName, params: [type], modulus, cost }
  let size = 0;
  let section = 0;
  const sectionMains = [];

  const emit = (s, j) => {
    scheme.push(s);
    js.push(j);
    size += s.length + 1;
  };

  // ### Expressions over the variables in scope
  //
  // `env` lists the variables a procedure body may use: { s, j, type, bound }.

  function intAtom(env) {
    const ints = env.filter((v) => v.type === "int");
    const roll = rnd.int(10);
    if (roll < 6 && ints.length > 0) {
      const v = rnd.pick(ints);
      return expr(v.s, v.j, v.bound);
    }
    const lists = env.filter((v) => v.type === "list");
    if (roll === 6 && lists.length > 0) {
      const v = rnd.pick(lists);
      return expr(`(length ${v.s})`, `${v.j}.length`, 64);
    }
    const strs = env.filter((v) => v.type === "str");
    if (roll === 7 && strs.length > 0) {
      const v = rnd.pick(strs);
      return expr(`(string-length ${v.s})`, `${v.j}.length`, 256);
    }
    const vecs = env.filter((v) => v.type === "vec");
    if (roll === 8 && vecs.length > 0 && ints.length > 0) {
      const v = rnd.pick(vecs);
      const i = rnd.pick(ints);
      return expr(
        `(vector-ref ${v.s} (modulo ${i.s} (vector-length ${v.s})))`,
        `${v.j}[mod(${i.j}, ${v.j}.length)]`,
        v.bound,
      );
    }
    const n = 1 + rnd.int(997);
    return expr(String(n), String(n), n);
  }

  function intExpr(env, depth) {
    if (depth <= 0 || rnd.chance(0.25)) return intAtom(env);
    const a = intExpr(env, depth - 1);
    const b = intExpr(env, depth - 1);
    const ops = [];
    if (a.bound + b.bound < BIG) ops.push("+", "-", "max", "min", "absdiff");
    if (a.bound * b.bound < BIG) ops.push("*");
    ops.push("quotient", "remainder");
    switch (rnd.pick(ops)) {
      case "+":
        return expr(`(+ ${a.s} ${b.s})`, `(${a.j} + ${b.j})`, a.bound + b.bound);
      case "-":
        return expr(`(- ${a.s} ${b.s})`, `(${a.j} - ${b.j})`, a.bound + b.bound);
      case "*":
        return expr(`(* ${a.s} ${b.s})`, `(${a.j} * ${b.j})`, a.bound * b.bound);
      case "max":
        return expr(`(max ${a.s} ${b.s})`, `Math.max(${a.j}, ${b.j})`, Math.max(a.bound, b.bound));
      case "min":
        return expr(`(min ${a.s} ${b.s})`, `Math.min(${a.j}, ${b.j})`, Math.max(a.bound, b.bound));
      case "absdiff":
        return expr(`(abs (- ${a.s} ${b.s}))`, `Math.abs(${a.j} - ${b.j})`, a.bound + b.bound);
      case "quotient":
        return expr(`(quotient ${a.s} (+ 1 (abs ${b.s})))`, `quot(${a.j}, 1 + Math.abs(${b.j}))`, a.bound);
      default:
        return expr(
          `(remainder ${a.s} (+ 1 (abs ${b.s})))`,
          `rem(${a.j}, 1 + Math.abs(${b.j}))`,
          Math.min(a.bound, b.bound + 1),
        );
    }
  }

  /** An int expression reduced below `p` (non-negative). */
  function reduced(env, depth, p) {
    const e = intExpr(env, depth);
    return expr(`(modulo ${e.s} ${p})`, `mod(${e.j}, ${p})`, p);
  }

  function test(env) {
    const a = intExpr(env, 1);
    const b = intExpr(env, 1);
    const k = 2 + rnd.int(5);
    return rnd.pick([
      () => ({ s: `(< ${a.s} ${b.s})`, j: `(${a.j} < ${b.j})` }),
      () => ({ s: `(>= ${a.s} ${b.s})`, j: `(${a.j} >= ${b.j})` }),
      () => ({ s: `(= ${a.s} ${b.s})`, j: `(${a.j} === ${b.j})` }),
      () => ({ s: `(even? ${a.s})`, j: `(${a.j} % 2 === 0)` }),
      () => ({ s: `(odd? ${a.s})`, j: `(${a.j} % 2 !== 0)` }),
      () => ({ s: `(zero? (remainder ${a.s} ${k}))`, j: `(rem(${a.j}, ${k}) === 0)` }),
    ])();
  }

  // A call of an earlier procedure, when one fits the budget; arguments made from `env`.
  function call(env, budget, p) {
    const affordable = procedures.filter((q) => q.cost <= budget);
    if (affordable.length === 0) return null;
    const q = affordable[affordable.length - 1 - rnd.int(Math.min(affordable.length, 40))];
    const args = [];
    for (const type of q.params) {
      const v = env.filter((x) => x.type === type);
      if (type === "int") args.push(reduced(env, 1, p));
      else if (v.length > 0) args.push(rnd.pick(v));
      else args.push(literalOf(type, p));
    }
    return {
      e: expr(
        `(${q.name} ${args.map((a) => a.s).join(" ")})`,
        `${q.jsName}(${args.map((a) => a.j).join(", ")})`,
        q.modulus,
      ),
      cost: q.cost,
    };
  }

  function literalOf(type, p) {
    if (type === "list") {
      const items = Array.from({ length: 3 + rnd.int(8) }, () => rnd.int(p));
      return expr(`(list ${items.join(" ")})`, `[${items.join(", ")}]`, p);
    }
    if (type === "str") {
      const w = `${rnd.pick(WORDS)}-${rnd.pick(WORDS)}`;
      return expr(`"${w}"`, `"${w}"`, 0);
    }
    const n = rnd.int(p);
    return expr(String(n), String(n), n);
  }

  // ### The ten shapes of procedure
  //
  // Each returns { s, j, cost } for the body; `v` are the parameters (typed), `p` the modulus.

  const shapes = {
    // A named-let fold over a list parameter, with a branch on each element.
    fold(v, p, name) {
      const lst = v.find((x) => x.type === "list");
      const env = [
        ...v,
        { s: "x", j: "x", type: "int", bound: p },
        { s: "acc", j: "acc", type: "int", bound: p },
      ];
      const t = test(env);
      const a = reduced(env, 2, p);
      const b = reduced(env, 2, p);
      const init = reduced(v, 1, p);
      return {
        s: `(let loop ((l ${lst.s}) (acc ${init.s}))
    (if (null? l)
        acc
        (let ((x (car l)))
          (loop (cdr l) (if ${t.s} ${a.s} ${b.s})))))`,
        j: `(function loop(l, acc) { return l.length === 0 ? acc : ((x) => loop(l.slice(1), ${t.j} ? ${a.j} : ${b.j}))(l[0]); })(${lst.j}, ${init.j})`,
        cost: 20,
        needs: "list",
        name,
      };
    },
    // A vector filled from an index expression, insertion-sorted, then probed.
    sort(v, p) {
      const n = 5 + rnd.int(14);
      const env = [...v, { s: "i", j: "i", type: "int", bound: 64 }];
      const fill = reduced(env, 2, p);
      const asc = rnd.chance(0.5);
      const cmp = asc ? "<" : ">";
      const vec = [{ s: "vec", j: "vec", type: "vec", bound: p }, ...v];
      const probe = reduced(vec, 2, p);
      return {
        s: `(let ((vec (make-vector ${n} 0)))
    (do ((i 0 (+ i 1))) ((= i ${n}))
      (vector-set! vec i ${fill.s}))
    (do ((i 1 (+ i 1))) ((= i ${n}))
      (let ((key (vector-ref vec i)))
        (let shift ((j (- i 1)))
          (if (and (>= j 0) (${cmp} key (vector-ref vec j)))
              (begin (vector-set! vec (+ j 1) (vector-ref vec j)) (shift (- j 1)))
              (vector-set! vec (+ j 1) key)))))
    ${probe.s})`,
        j: `(() => { const vec = new Array(${n}).fill(0);
    for (let i = 0; i < ${n}; i++) vec[i] = ${fill.j};
    for (let i = 1; i < ${n}; i++) { const key = vec[i]; let j = i - 1;
      while (j >= 0 && key ${cmp} vec[j]) { vec[j + 1] = vec[j]; j--; } vec[j + 1] = key; }
    return ${probe.j}; })()`,
        cost: n * n,
      };
    },
    // Tree recursion on a small counter, with a different combination at each level.
    recursion(v, p, name) {
      const ints = v.filter((x) => x.type === "int");
      const depth = 7 + rnd.int(5);
      const env = [
        ...v,
        { s: "left", j: "left", type: "int", bound: p },
        { s: "right", j: "right", type: "int", bound: p },
        { s: "k", j: "k", type: "int", bound: depth },
      ];
      const base = reduced([...v, { s: "k", j: "k", type: "int", bound: depth }], 1, p);
      const combine = reduced(env, 2, p);
      const start = ints.length > 0 ? rnd.pick(ints) : { s: "0", j: "0" };
      return {
        s: `(let walk ((k (modulo ${start.s} ${depth})))
    (if (< k 2)
        ${base.s}
        (let ((left (walk (- k 1))) (right (walk (- k 2))))
          ${combine.s})))`,
        j: `(function walk(k) { if (k < 2) return ${base.j}; const left = walk(k - 1), right = walk(k - 2); return ${combine.j}; })(mod(${start.j}, ${depth}))`,
        cost: 2 ** (depth - 2),
        name,
      };
    },
    // A scan over the characters of a string parameter.
    scan(v, p) {
      const str = v.find((x) => x.type === "str");
      const env = [
        ...v,
        { s: "c", j: "c", type: "int", bound: 128 },
        { s: "acc", j: "acc", type: "int", bound: p },
      ];
      const step = reduced(env, 2, p);
      const init = reduced(v, 1, p);
      return {
        s: `(let ((n (string-length ${str.s})))
    (let scan ((i 0) (acc ${init.s}))
      (if (= i n)
          acc
          (let ((c (char->integer (string-ref ${str.s} i))))
            (scan (+ i 1) ${step.s})))))`,
        j: `(() => { const str = ${str.j}; let acc = ${init.j};
    for (let i = 0; i < str.length; i++) { const c = str.charCodeAt(i); acc = ${step.j}; } return acc; })()`,
        cost: 40,
        needs: "str",
      };
    },
    // A `case` dispatch with a random number of arms; arms may call earlier procedures.
    dispatch(v, p) {
      const arms = 2 + rnd.int(4);
      const sel = reduced(v, 1, arms + 1);
      const bodies = [];
      let cost = 1;
      for (let i = 0; i <= arms; i++) {
        const c = rnd.chance(0.5) ? call(v, 400, p) : null;
        if (c) cost += c.cost;
        bodies.push(c ? c.e : reduced(v, 2, p));
      }
      const sArms = bodies
        .slice(0, arms)
        .map((b, i) => `((${i}) ${b.s})`)
        .join("\n      ");
      const jArms = bodies
        .slice(0, arms)
        .map((b, i) => `t === ${i} ? ${b.j} : `)
        .join("");
      return {
        s: `(case ${sel.s}
      ${sArms}
      (else ${bodies[arms].s}))`,
        j: `((t) => ${jArms}${bodies[arms].j})(${sel.j})`,
        cost,
      };
    },
    // Records of the section's type made from a range, mapped, then folded.
    records(v, p, _name, rec) {
      const count = 4 + rnd.int(9);
      const env = [...v, { s: "i", j: "i", type: "int", bound: 64 }];
      const fields = rec.fields.map(() => reduced(env, 1, p));
      const renv = [
        ...v,
        ...rec.fields.map((f) => ({ s: `(${rec.name}-${f} r)`, j: `r.${f}`, type: "int", bound: p })),
        { s: "acc", j: "acc", type: "int", bound: p },
      ];
      const step = reduced(renv, 2, p);
      return {
        s: `(let build ((i 0) (rs '()))
    (if (< i ${count})
        (build (+ i 1) (cons (make-${rec.name} ${fields.map((f) => f.s).join(" ")}) rs))
        (let total ((rs rs) (acc 0))
          (if (null? rs)
              acc
              (let ((r (car rs)))
                (total (cdr rs) ${step.s}))))))`,
        j: `(() => { const rs = []; for (let i = 0; i < ${count}; i++) rs.unshift({ ${rec.fields.map((f, i) => `${f}: ${fields[i].j}`).join(", ")} });
    let acc = 0; for (const r of rs) acc = ${step.j}; return acc; })()`,
        cost: count * 3,
      };
    },
    // A closure made inside and applied through `map`.
    closures(v, p) {
      const kenv = [...v];
      const k = reduced(kenv, 1, p);
      const env = [
        ...v,
        { s: "x", j: "x", type: "int", bound: p },
        { s: "k", j: "k", type: "int", bound: p },
      ];
      const body = reduced(env, 2, p);
      const items = Array.from({ length: 3 + rnd.int(6) }, () => reduced(v, 1, p));
      const fold = rnd.pick(["+", "max", "min"]);
      const jfold = {
        "+": "(a, b) => a + b",
        max: "(a, b) => Math.max(a, b)",
        min: "(a, b) => Math.min(a, b)",
      }[fold];
      return {
        s: `(let* ((k ${k.s})
         (f (lambda (x) ${body.s})))
    (modulo (apply ${fold} (map f (list ${items.map((i) => i.s).join(" ")}))) ${p}))`,
        j: `(() => { const k = ${k.j}; const f = (x) => ${body.j};
    return mod([${items.map((i) => i.j).join(", ")}].map(f).reduce(${jfold}), ${p}); })()`,
        cost: items.length * 3,
      };
    },
    // An association list keyed by small integers, then looked up.
    table(v, p) {
      const size = 4 + rnd.int(10);
      const env = [...v, { s: "i", j: "i", type: "int", bound: 64 }];
      const val = reduced(env, 2, p);
      const key = reduced(v, 1, size + 3);
      const miss = reduced(v, 1, p);
      return {
        s: `(let fill ((i 0) (alist '()))
    (if (< i ${size})
        (fill (+ i 1) (cons (cons i ${val.s}) alist))
        (let ((hit (assv ${key.s} alist)))
          (if hit (cdr hit) ${miss.s}))))`,
        j: `(() => { const alist = new Map(); for (let i = 0; i < ${size}; i++) alist.set(i, ${val.j});
    const key = ${key.j}; return alist.has(key) ? alist.get(key) : ${miss.j}; })()`,
        cost: size * 2,
      };
    },
    // A `do` loop with two state variables updated together.
    iterate(v, p) {
      const steps = 6 + rnd.int(25);
      const env = [
        ...v,
        { s: "a", j: "a", type: "int", bound: p },
        { s: "b", j: "b", type: "int", bound: p },
        { s: "i", j: "i", type: "int", bound: steps },
      ];
      const a0 = reduced(v, 1, p);
      const b0 = reduced(v, 1, p);
      const na = reduced(env, 2, p);
      const nb = reduced(env, 2, p);
      const out = reduced(env, 1, p);
      return {
        s: `(do ((i 0 (+ i 1))
       (a ${a0.s} ${na.s})
       (b ${b0.s} ${nb.s}))
      ((= i ${steps}) ${out.s}))`,
        j: `(() => { let a = ${a0.j}, b = ${b0.j}, i = 0;
    for (; i !== ${steps}; i++) { const na = ${na.j}, nb = ${nb.j}; a = na; b = nb; } return ${out.j}; })()`,
        cost: steps,
      };
    },
    // Counts the kinds of character in a string built from the arguments. (`for-each` over
    // `string->list`: a compiled `string-for-each` resumed after preemption passes its arguments
    // to `apply` shifted, a compiler bug of 2026-12-08 reported to the integrator.)
    classify(v, p) {
      const ints = v.filter((x) => x.type === "int");
      const parts = (ints.length > 0 ? ints : [{ s: "0", j: "0" }]).map((x) => ({
        s: `(number->string ${x.s})`,
        j: `String(${x.j})`,
      }));
      const word = `${rnd.pick(WORDS)} ${rnd.pick(WORDS).toUpperCase()}`;
      const weights = [1 + rnd.int(9), 1 + rnd.int(9), 1 + rnd.int(9)];
      return {
        s: `(let ((text (string-append "${word} " ${parts.map((x) => x.s).join(' "-" ')})) (score 0))
    (for-each
     (lambda (ch)
       (set! score
             (cond ((char-numeric? ch) (+ score ${weights[0]}))
                   ((char-upper-case? ch) (+ score ${weights[1]}))
                   ((char-alphabetic? ch) (+ score ${weights[2]}))
                   (else (+ score 1)))))
     (string->list text))
    (modulo (* score (string-length text)) ${p}))`,
        j: `(() => { const text = "${word} " + ${parts.map((x) => x.j).join(' + "-" + ')}; let score = 0;
    for (const ch of text) score += /[0-9]/.test(ch) ? ${weights[0]} : /[A-Z]/.test(ch) ? ${weights[1]} : /[a-z]/.test(ch) ? ${weights[2]} : 1;
    return mod(score * text.length, ${p}); })()`,
        cost: 30,
      };
    },
  };
  const shapeNames = Object.keys(shapes);

  function paramTypes(shape) {
    const arity = 1 + rnd.int(4);
    const types = Array.from({ length: arity }, () => rnd.pick(["int", "int", "int", "list", "str"]));
    if (shape === "fold" && !types.includes("list")) types[rnd.int(arity)] = "list";
    if (shape === "scan" && !types.includes("str")) types[rnd.int(arity)] = "str";
    return types;
  }

  // ### Sections
  while (size < targetBytes) {
    section++;
    const fieldCount = 2 + rnd.int(3);
    const rec = {
      name: `${rnd.pick(WORDS)}-${section}`,
      fields: Array.from({ length: fieldCount }, (_, i) => `${"abcdefg"[i]}${rnd.int(90)}`),
    };
    emit(
      `;;;; Section ${section}\n\n(define-record-type ${rec.name}\n  (make-${rec.name} ${rec.fields.join(" ")})\n  ${rec.name}?\n${rec.fields
        .map((f) => `  (${f} ${rec.name}-${f})`)
        .join("\n")})\n`,
      "",
    );
    const mine = [];
    const count = 8 + rnd.int(8);
    for (let k = 0; k < count; k++) {
      const shape = rnd.pick(shapeNames);
      const types = paramTypes(shape);
      const p = rnd.pick(PRIMES);
      const params = types.map((type, i) => ({
        s: `${type === "int" ? "n" : type === "list" ? "items" : "text"}${i}`,
        j: `${type === "int" ? "n" : type === "list" ? "items" : "text"}${i}`,
        type,
        bound: type === "int" ? 65521 : 0,
      }));
      const name = `${rec.name}-${shape}-${k}`;
      const body = shapes[shape](params, p, name, rec);
      const jsName = name.replace(/-/g, "_");
      emit(
        `(define (${name} ${params.map((x) => x.s).join(" ")})\n  (modulo ${body.s} ${p}))\n`,
        `function ${jsName}(${params.map((x) => x.j).join(", ")}) { return mod(${body.j}, ${p}); }`,
      );
      const proc = { name, jsName, params: types, modulus: p, cost: body.cost + 2 };
      procedures.push(proc);
      mine.push(proc);
    }
    // The section's main calls each of its procedures on arguments derived from a seed.
    const mainName = `section-${section}`;
    const calls = mine.map((q, i) => {
      const args = q.params.map((type, a) => {
        if (type === "int")
          return { s: `(modulo (+ seed ${i * 7 + a}) 65521)`, j: `mod(seed + ${i * 7 + a}, 65521)` };
        if (type === "list")
          return {
            s: `(list seed ${i} ${a} (modulo (* seed ${a + 3}) 1000))`,
            j: `[seed, ${i}, ${a}, mod(seed * ${a + 3}, 1000)]`,
          };
        return { s: `(number->string seed)`, j: `String(seed)` };
      });
      return {
        s: `(${q.name} ${args.map((x) => x.s).join(" ")})`,
        j: `${q.jsName}(${args.map((x) => x.j).join(", ")})`,
      };
    });
    emit(
      `(define (${mainName} seed)\n  (modulo (+ ${calls.map((c) => c.s).join("\n             ")}) 65521))\n`,
      `function ${mainName.replace(/-/g, "_")}(seed) { return mod(${calls.map((c) => c.j).join(" + ")}, 65521); }`,
    );
    sectionMains.push(mainName);
  }

  // ### The entry point: every section, `rounds` times with different seeds, folded.
  const sSections = sectionMains.map((m) => `(${m} seed)`).join("\n                ");
  emit(
    `;;;; The entry point\n\n(define (run-sections seed)\n  (modulo (+ ${sSections}) 65521))\n\n(define (run-mosaic)\n  (let loop ((round 0) (checksum 0))\n    (if (= round ${rounds})\n        (list checksum ${procedures.length})\n        (loop (+ round 1) (modulo (+ (* checksum 31) (run-sections (+ round 1))) 65521)))))\n`,
    `function run_sections(seed) { return mod(${sectionMains.map((m) => `${m.replace(/-/g, "_")}(seed)`).join(" + ")}, 65521); }
function run() { let checksum = 0; for (let round = 0; round < ${rounds}; round++) checksum = mod(checksum * 31 + run_sections(round + 1), 65521); return [checksum, ${procedures.length}]; }
return run();`,
  );

  const header = `;; A generated program of distinct procedures (${procedures.length} of them in ${section} sections), for the
;; ELS'20 evaluation: see benchmarks/els20/mosaic-generator.mjs, which writes it and knows its
;; answer from a JavaScript twin of every procedure. (run-mosaic) returns (checksum procedure-count).
;; Regenerate: node benchmarks/els20/write-programs.mjs

`;
  return {
    scheme: header + scheme.join("\n"),
    js: js.join("\n"),
    procedureCount: procedures.length,
    sectionCount: section,
    /** The answer of `(run-mosaic)` as Scheme would write it, computed by the JavaScript twin. */
    expected() {
      const [checksum, count] = new Function(this.js)();
      return `(${checksum} ${count})`;
    },
  };
}

/** The options the committed benchmarks/programs/mosaic.scm was generated with. */
export const MOSAIC_OPTIONS = { seed: 20200427, targetBytes: 400 * 1024, rounds: 80 };
