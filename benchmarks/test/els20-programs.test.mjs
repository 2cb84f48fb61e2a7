// The ELS'20 programs: the committed 400 KB program is what its generator writes, the generator's
// JavaScript twins agree with Scheme (on smaller programs of other seeds, both back ends), and
// each of the three programs, made a hosted module in a repository on a local git daemon and
// installed from there, gives its checked answer.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HostedLoader } from "@termite/hosted-loader";
import { memoryIoContext } from "@termite/runtime";
import { createSystem } from "@termite/termite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateMosaic, MOSAIC_OPTIONS } from "../els20/mosaic-generator.mjs";
import { flatModuleName, importSet, PROGRAMS, programText } from "../els20/programs.mjs";
import { serveProgramRepositories } from "../els20/repositories.mjs";

async function runScheme(text, backend, searchPath = []) {
  const system = await createSystem({ io: memoryIoContext({}), backend, searchPath });
  const result = await system.runScript(text, "els20-test.scm");
  if (!result.normal) throw new Error(system.write(result.condition));
  return system.write(result.value);
}

describe("the generated 400 KB program", () => {
  it("is the generator's output, of about 400 KB", () => {
    const program = generateMosaic(MOSAIC_OPTIONS);
    const committed = programText("mosaic");
    expect(committed).toBe(`${program.scheme}\n(run-mosaic)\n`);
    expect(Buffer.byteLength(committed)).toBeGreaterThan(380 * 1024);
    expect(Buffer.byteLength(committed)).toBeLessThan(440 * 1024);
  });

  it("has no two procedures with the same body", () => {
    const definitions = programText("mosaic").split("\n(define (").slice(1);
    const bodies = definitions.map((d) => d.slice(d.indexOf("\n")));
    expect(definitions.length).toBeGreaterThan(800);
    expect(new Set(bodies).size).toBe(bodies.length);
  });

  for (const seed of [7, 1234]) {
    it(`answers what its JavaScript twin answers (seed ${seed}, both back ends)`, async () => {
      const program = generateMosaic({ seed, targetBytes: 24 * 1024, rounds: 2 });
      const text = `${program.scheme}\n(run-mosaic)\n`;
      expect(await runScheme(text, "compile")).toBe(program.expected());
      expect(await runScheme(text, "interpret")).toBe(program.expected());
    });
  }
});

describe("the three programs as hosted modules from a git daemon", () => {
  let served;
  let home;
  beforeAll(async () => {
    served = await serveProgramRepositories(PROGRAMS.map((p) => p.name));
    home = mkdtempSync(join(tmpdir(), "termite-els20-home-"));
  });
  afterAll(() => {
    served?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  for (const program of PROGRAMS) {
    it(`${program.name} (${program.size}) installs and gives its answer`, async () => {
      const loader = new HostedLoader({ root: home, env: { ...process.env, ...served.gitEnv } });
      const installed = await loader.install(flatModuleName(program.name));
      expect(readFileSync(installed.moduleFile, "utf8")).toContain("(export run)");
      expect(await runScheme(`(import ${importSet(program.name)}) (run)`, "compile", [home])).toBe(
        program.expected(),
      );
    });
  }
});
