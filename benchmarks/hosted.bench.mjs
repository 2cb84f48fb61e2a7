// Hosted modules (@termite/termite's hosted part): puzzle.scm (~4 KB) and scheme.scm (~40 KB) of
// programs/, each made a module in its own repository on a local `git daemon`, then imported in a
// fresh Node process:
//   first install  — empty TERMITE_HOME: clone + expand + compile (into the cache) + load + run body
//   compile only   — installed, compiled cache removed: expand + compile + load
//   steady state   — installed and compiled: expand + load from the cache
// Each figure is the `import` inside the child (system booted before the clock starts) and the
// child's whole life (Node start, boot, import, exit); medians.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { locationOf } from "@termite/datum";
import { GitServer } from "@termite/hosted-loader/testing";
import { readAll } from "@termite/reader";
import { median } from "./stats.mjs";

const here = new URL(".", import.meta.url).pathname;

if (process.argv[2] === "child") {
  // The child: boot a system with the hosted part, then time the import alone.
  const { createSystem, hostedModulesPart } = await import("@termite/termite");
  const { memoryIoContext } = await import("@termite/runtime");
  const system = await createSystem({
    io: memoryIoContext({}),
    parts: [hostedModulesPart({ whitelist: ["github.com/bench"] })],
  });
  const t = performance.now();
  const r = await system.runScript(`(import (github.com/bench ${process.argv[3]} @1.0))`);
  const ms = performance.now() - t;
  if (!r.normal) throw new Error(String(r.condition?.message ?? r.condition));
  process.stdout.write(`${ms}\n`);
  process.exit(0);
}

/** A program of programs/ as a library exporting `run`, which evaluates its last expression. */
function asModule(name) {
  const text = readFileSync(join(here, "programs", `${name}.scm`), "utf8");
  const forms = readAll(text, { file: `${name}.scm` });
  const last = locationOf(forms.at(-1)).offset;
  return `(define-library (github.com/bench ${name})
  (export run)
  (import (scheme base) (scheme char) (scheme cxr) (scheme write) (scheme inexact)
          (except (srfi 1) member assoc map for-each) (srfi 132))
  (begin
${text.slice(0, last)}
(define (run) ${text.slice(last)})))
`;
}

const server = new GitServer({ from: 46000, to: 46999 });
await server.start();
server.mapHosts(["github.com"], 1);
const programs = ["puzzle", "scheme"];
for (const name of programs) {
  const repo = server.repository(`github.com/bench/${name}`);
  repo.commit({ [`${name}.sld`]: asModule(name) });
  repo.tag("1.0");
}

function child(home, name) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [new URL(import.meta.url).pathname, "child", name], {
    env: { ...process.env, TERMITE_HOME: home, GIT_CONFIG_GLOBAL: server.config, GIT_CONFIG_NOSYSTEM: "1" },
    encoding: "utf8",
  });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return { inside: Number(r.stdout.trim()), wall };
}

const ROUNDS = 5;
const fmt = (xs) => median(xs).toFixed(0).padStart(6);
console.log(
  "module              size   first install ms (import / process)   compile only ms   steady state ms",
);
try {
  for (const name of programs) {
    const size = `${(readFileSync(join(here, "programs", `${name}.scm`)).length / 1024).toFixed(1)} KB`;
    const first = [];
    const compileOnly = [];
    const steady = [];
    for (let round = 0; round < ROUNDS; round++) {
      const home = mkdtempSync(join(server.scratch, "home-"));
      first.push(child(home, name));
      rmSync(join(home, "compiled"), { recursive: true, force: true });
      compileOnly.push(child(home, name));
      for (let i = 0; i < 2; i++) steady.push(child(home, name));
    }
    const col = (runs) => `${fmt(runs.map((r) => r.inside))} /${fmt(runs.map((r) => r.wall))}`;
    console.log(
      `${`github.com/bench/${name}`.padEnd(20)}${size.padStart(8)}   ${col(first).padEnd(36)}${col(compileOnly).padEnd(18)}${col(steady)}`,
    );
  }
} finally {
  await server.stop();
}
