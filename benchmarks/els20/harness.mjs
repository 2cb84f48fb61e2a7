// ## The ELS'20 measurement: one RPC per fresh destination process, three scenarios
//
// INTERPRETED   A runs the program as a script; the closure and every procedure it reaches
//               travel as syntax trees; B interprets them.
// STEADY-STATE  A imports the hosted module; B has it installed and compiled on disk (a home
//               prepared with `termite install` before any run); B's time includes loading it.
// FIRST-INSTALL As STEADY-STATE, but B starts with an empty TERMITE_HOME: decoding the closure
//               clones the repository from the git daemon, compiles and installs the module.
//
// Each run starts a new B and waits until it listens before A starts its clock.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { startDestination, termite, writeScripts } from "./nodes.mjs";
import { flatModuleName, MODULE_HOST, PROGRAMS } from "./programs.mjs";
import { freePort, serveProgramRepositories } from "./repositories.mjs";

export const SCENARIOS = ["INTERPRETED", "STEADY-STATE", "FIRST-INSTALL"];

/** Mean and sample standard deviation. */
export function meanSd(xs) {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, sd, n: xs.length };
}

/** Reads A's line `(els20 VALUE TOTAL DECODE CALL)`; VALUE is written Scheme, compared as text. */
export function parseAnswer(stdout) {
  const line = stdout.split("\n").find((l) => l.startsWith("(els20 "));
  if (!line) throw new Error(`the source node printed no answer: ${stdout.trim()}`);
  const match = /^\(els20 (.*) (\S+) (\S+) (\S+)\)$/.exec(line.trim());
  if (!match) throw new Error(`malformed answer line: ${line}`);
  return {
    value: match[1],
    totalMs: Number(match[2]),
    decodeMs: Number(match[3]),
    callMs: Number(match[4]),
  };
}

/**
 * Measures. `programs`: names of PROGRAMS; `runs(name, scenario)`: how many runs; `onRun`:
 * called after each run with `{ name, scenario, run, value, totalMs, decodeMs, callMs }`. Returns
 * rows `{ name, size, scenario, total, decode, call }`, each figure `{ mean, sd, n }` in ms.
 */
export async function measure({ programs, scenarios = SCENARIOS, runs, onRun = () => {} }) {
  const chosen = PROGRAMS.filter((p) => programs.includes(p.name));
  const served = await serveProgramRepositories(chosen.map((p) => p.name));
  const work = join(served.scratch, "nodes");
  mkdirSync(work);
  const envFor = (home) => ({
    ...process.env,
    ...served.gitEnv,
    TERMITE_HOME: home,
    TERMITE_WHITELIST: MODULE_HOST,
  });
  // A's home, also B's for STEADY-STATE: the modules installed and compiled once, before any clock.
  const sourceHome = join(served.scratch, "installed-home");
  const steadyHome = sourceHome;
  const emptyHome = join(served.scratch, "empty-home");
  mkdirSync(emptyHome);
  const rows = [];
  try {
    for (const program of chosen) {
      if (scenarios.some((s) => s !== "INTERPRETED")) {
        await termite(["install", flatModuleName(program.name)], envFor(sourceHome)).done;
      }
      const expected = program.expected();
      for (const scenario of scenarios) {
        const scripts = writeScripts(work, program.name, scenario);
        const totals = [];
        const decodes = [];
        const calls = [];
        for (let run = 0; run < runs(program.name, scenario); run++) {
          const destinationHome =
            scenario === "FIRST-INSTALL"
              ? mkdtempSync(join(served.scratch, "first-home-"))
              : scenario === "STEADY-STATE"
                ? steadyHome
                : emptyHome;
          const answer = await oneRpc(scripts, envFor(sourceHome), envFor(destinationHome));
          if (scenario === "FIRST-INSTALL") rmSync(destinationHome, { recursive: true, force: true });
          if (answer.value !== expected)
            throw new Error(`${program.name} ${scenario}: answer ${answer.value}, expected ${expected}`);
          totals.push(answer.totalMs);
          decodes.push(answer.decodeMs);
          calls.push(answer.callMs);
          onRun({ name: program.name, scenario, run, ...answer });
        }
        rows.push({
          name: program.name,
          size: program.size,
          scenario,
          total: meanSd(totals),
          decode: meanSd(decodes),
          call: meanSd(calls),
        });
      }
    }
  } finally {
    served.close();
  }
  return rows;
}

// One RPC: a fresh B on a free port (another one if B cannot bind it), then A.
async function oneRpc(scripts, sourceEnv, destinationEnv) {
  let lastError;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const destination = startDestination(scripts.destination, port, destinationEnv);
    try {
      await destination.ready;
    } catch (error) {
      lastError = error;
      destination.node.child.kill();
      await destination.node.done.catch(() => {});
      continue;
    }
    const source = termite(["run", scripts.source, `:${port}`], sourceEnv);
    try {
      // B failing (or ending without answering) must not leave A waiting for its answer.
      const stdout = await Promise.race([source.done, destination.node.done.then(() => source.done)]);
      await destination.node.done;
      return parseAnswer(stdout);
    } catch (error) {
      source.child.kill();
      destination.node.child.kill();
      await Promise.allSettled([source.done, destination.node.done]);
      throw error;
    }
  }
  throw lastError;
}
