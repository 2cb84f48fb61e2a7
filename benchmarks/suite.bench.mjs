// The benchmark suite (benchmarks/suite/*.scm): each program compiled and interpreted by Termite,
// in hand-written JavaScript where one is natural (suite/js/*.mjs), and in Gambit (gsc, gsi) when
// installed. Every measurement is a fresh process: the program is loaded as a script, `(main)` is
// run once (the first run, V8 not yet warmed up) and then `reps` more times; its result is checked
// against the file's `;; expected:` line. Times are CPU time of the process (process.cpuUsage; the
// machine is shared, CPU time is steadier than the clock), medians within a process and across
// rounds; systems are interleaved within each round so that load drifts touch all alike.
//
//   node benchmarks/suite.bench.mjs [--quick] [--rounds N] [--only a,b] [--readme]
//   node benchmarks/suite.bench.mjs --paired BEFORE_ROOT AFTER_ROOT [--rounds N] [--only a,b]
//
// --quick: one round, two timed runs; --readme: rewrite the table in benchmarks/README.md.
// A child run: node benchmarks/suite.bench.mjs --child SYSTEM FILE REPS
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./stats.mjs";

const here = new URL(".", import.meta.url).pathname;
const suiteDir = join(here, "suite");
const self = fileURLToPath(import.meta.url);

/** CPU milliseconds of this process since `from` (a process.cpuUsage() reading). */
const cpuMs = (from) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

/** The `;; expected: …` line of a program: its result as `write` prints it. */
function expectedOf(text, file) {
  const m = /^;; expected: (.*)$/m.exec(text);
  if (!m) throw new Error(`${file}: no ";; expected:" line`);
  return m[1].trim();
}

async function child(system, file, reps) {
  const text = readFileSync(file, "utf8");
  const times = [];
  let result;
  if (system === "js") {
    const { main } = await import(join(suiteDir, "js", `${basename(file, ".scm")}.mjs`));
    for (let i = 0; i <= reps; i++) {
      const t = process.cpuUsage();
      result = String(main());
      times.push(cpuMs(t));
    }
  } else {
    const { write } = await import("@termite/datum");
    const { memoryIoContext } = await import("@termite/runtime");
    const { evalPart, TermiteSystem, termiteLibraryPart } = await import("@termite/termite");
    const s = await new TermiteSystem({
      io: memoryIoContext({}),
      backend: system === "compiled" ? "compile" : "interpret",
      parts: [evalPart, termiteLibraryPart],
    }).boot();
    const loaded = await s.runScript(text, basename(file));
    if (!loaded.normal) throw new Error(`${file}: ${write(loaded.condition?.payload ?? loaded.condition)}`);
    for (let i = 0; i <= reps; i++) {
      const t = process.cpuUsage();
      const r = await s.runScript("(main)", basename(file));
      times.push(cpuMs(t));
      if (!r.normal) throw new Error(`${file}: ${write(r.condition?.payload ?? r.condition)}`);
      result = write(r.value);
    }
  }
  console.log(JSON.stringify({ result, first: times[0], steady: median(times.slice(1)) }));
}

// Gambit: the program followed by a driver that writes the result, then the CPU times in ms.
function gambitSource(text, reps, compiled) {
  const declare = compiled ? "(declare (standard-bindings) (extended-bindings) (block))\n" : "";
  return `${declare}${text}
(define (suite-time) (let ((t (cpu-time))) (let ((r (main))) (cons r (* 1000. (- (cpu-time) t))))))
(let loop ((i 0) (times '()) (r #f))
  (if (> i ${reps})
      (begin (write r) (newline) (display (reverse times)) (newline))
      (let ((x (suite-time))) (loop (+ i 1) (cons (cdr x) times) (car x)))))
`;
}

function gambitRun(command, args) {
  const r = spawnSync(command, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")}: ${r.stderr}`);
  const [result, times] = r.stdout.trim().split("\n");
  const ms = times.replace(/[()]/g, "").trim().split(/\s+/).map(Number);
  return { result, first: ms[0], steady: median(ms.slice(1)) };
}

function measure(system, file, reps, gambitDir) {
  if (system === "gsc" || system === "gsi") {
    const name = basename(file, ".scm");
    const src = join(gambitDir, `${name}-${system}.scm`);
    writeFileSync(src, gambitSource(readFileSync(file, "utf8"), reps, system === "gsc"));
    if (system === "gsi") return gambitRun("gsi", [src]);
    const exe = join(gambitDir, `${name}-exe`);
    if (!existsSync(exe)) {
      const built = spawnSync("gsc", ["-exe", "-o", exe, src], { encoding: "utf8" });
      if (built.status !== 0) throw new Error(`gsc ${src}: ${built.stderr}`);
    }
    return gambitRun(exe, []);
  }
  const r = spawnSync(process.execPath, [self, "--child", system, file, String(reps)], {
    encoding: "utf8",
    cwd: here,
  });
  if (r.status !== 0) throw new Error(`${system} ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

const has = (command) => spawnSync("which", [command], { encoding: "utf8" }).status === 0;

function geomean(xs) {
  const v = xs.filter((x) => Number.isFinite(x) && x > 0);
  return v.length === 0 ? undefined : Math.exp(v.reduce((s, x) => s + Math.log(x), 0) / v.length);
}

async function main(argv) {
  const quick = argv.includes("--quick");
  const option = (name) => {
    const i = argv.indexOf(name);
    return i < 0 ? undefined : argv[i + 1];
  };
  const rounds = Number(option("--rounds") ?? (quick ? 1 : 3));
  const reps = quick ? 2 : 5;
  const only = option("--only")?.split(",");
  const programs = readdirSync(suiteDir)
    .filter((f) => f.endsWith(".scm"))
    .map((f) => basename(f, ".scm"))
    .filter((p) => !only || only.includes(p))
    .sort();
  const gambit = has("gsi") && has("gsc");
  const systems = ["compiled", "interpreted", "js", ...(gambit ? ["gsc", "gsi"] : [])];
  const gambitDir = mkdtempSync(join(tmpdir(), "termite-suite-"));
  const rows = [];
  for (const name of programs) {
    const file = join(suiteDir, `${name}.scm`);
    const expected = expectedOf(readFileSync(file, "utf8"), file);
    const present = systems.filter((s) => s !== "js" || existsSync(join(suiteDir, "js", `${name}.mjs`)));
    const got = Object.fromEntries(present.map((s) => [s, { first: [], steady: [] }]));
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? present : [...present].reverse();
      for (const s of order) {
        const m = measure(s, file, reps, gambitDir);
        if (m.result !== expected)
          throw new Error(`${name} (${s}) returned ${m.result}, expected ${expected}`);
        got[s].first.push(m.first);
        got[s].steady.push(m.steady);
      }
    }
    const row = { name };
    for (const s of present) row[s] = { first: median(got[s].first), steady: median(got[s].steady) };
    rows.push(row);
    process.stderr.write(`${name} `);
  }
  process.stderr.write("\n");
  const table = render(rows, gambit, { rounds, reps });
  console.log(table);
  if (argv.includes("--readme")) replaceReadmeTable(table);
}

function render(rows, gambit, { rounds, reps }) {
  const f = (x) => (x === undefined ? "—" : x < 10 ? x.toFixed(2) : x.toFixed(1));
  const ratio = (a, b) => (a === undefined || b === undefined ? undefined : a / b);
  const x = (v) => (v === undefined ? "—" : `${v.toFixed(2)}x`);
  const lines = [
    "| program | compiled ms | first run ms | interpreted ms | JS ms | gsc ms | gsi ms | compiled / JS | compiled / gsc | interpreted / gsi | interpreted / compiled |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  const cols = { js: [], gsc: [], gsi: [], ic: [] };
  for (const r of rows) {
    const c = r.compiled.steady;
    const i = r.interpreted.steady;
    const js = r.js?.steady;
    const gsc = r.gsc?.steady;
    const gsi = r.gsi?.steady;
    const ratios = { js: ratio(c, js), gsc: ratio(c, gsc), gsi: ratio(i, gsi), ic: ratio(i, c) };
    for (const k of Object.keys(cols)) if (ratios[k] !== undefined) cols[k].push(ratios[k]);
    lines.push(
      `| ${r.name} | ${f(c)} | ${f(r.compiled.first)} | ${f(i)} | ${f(js)} | ${f(gsc)} | ${f(gsi)} | ${x(ratios.js)} | ${x(ratios.gsc)} | ${x(ratios.gsi)} | ${x(ratios.ic)} |`,
    );
  }
  lines.push(
    `| geometric mean | | | | | | | ${x(geomean(cols.js))} | ${x(geomean(cols.gsc))} | ${x(geomean(cols.gsi))} | ${x(geomean(cols.ic))} |`,
  );
  lines.push(
    "",
    `CPU ms of one \`(main)\`: median of ${reps} runs after the first in a fresh process, median over ${rounds} round(s).` +
      (gambit ? "" : " Gambit columns empty: `gsc`/`gsi` not installed on the machine that ran this."),
  );
  return lines.join("\n");
}

const BEGIN = "<!-- suite table: node benchmarks/suite.bench.mjs --readme -->";
const END = "<!-- end of suite table -->";

function replaceReadmeTable(table) {
  const readme = join(here, "README.md");
  const text = readFileSync(readme, "utf8");
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${BEGIN} … ${END} section`);
  writeFileSync(readme, `${text.slice(0, a + BEGIN.length)}\n${table}\n${text.slice(b)}`);
}

// Two builds of the repository compared (each root built, with this suite in its benchmarks/):
// per program and back end, rounds alternate which root runs first; the median after/before ratio.
function paired(before, after, argv) {
  const option = (name) => {
    const i = argv.indexOf(name);
    return i < 0 ? undefined : argv[i + 1];
  };
  const rounds = Number(option("--rounds") ?? 5);
  const only = option("--only")?.split(",");
  const programs = readdirSync(suiteDir)
    .filter((f) => f.endsWith(".scm") && (!only || only.includes(basename(f, ".scm"))))
    .sort();
  const run = (root, system, program) => {
    const script = join(root, "benchmarks", "suite.bench.mjs");
    const file = join(root, "benchmarks", "suite", program);
    const r = spawnSync(process.execPath, [script, "--child", system, file, "3"], {
      encoding: "utf8",
      cwd: join(root, "benchmarks"),
    });
    if (r.status !== 0) throw new Error(`${root} ${system} ${program}: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split("\n").pop()).steady;
  };
  console.log("| program | back end | before ms | after ms | after/before (median of rounds) |");
  console.log("|---|---|---|---|---|");
  for (const program of programs) {
    for (const system of ["compiled", "interpreted"]) {
      const b = [];
      const a = [];
      const ratio = [];
      for (let r = 0; r < rounds; r++) {
        const first = r % 2 === 0;
        const x = first ? run(before, system, program) : undefined;
        const y = run(after, system, program);
        const z = first ? x : run(before, system, program);
        b.push(z);
        a.push(y);
        ratio.push(y / z);
      }
      console.log(
        `| ${basename(program, ".scm")} | ${system} | ${median(b).toFixed(1)} | ${median(a).toFixed(1)} | ${median(ratio).toFixed(2)} |`,
      );
    }
  }
}

if (process.argv[2] === "--paired") paired(process.argv[3], process.argv[4], process.argv.slice(5));
else if (process.argv[2] === "--child")
  await child(process.argv[3], process.argv[4], Number(process.argv[5]));
else await main(process.argv.slice(2));
