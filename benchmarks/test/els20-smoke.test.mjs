// CI's smoke test of the ELS'20 benchmark: `els20.bench.mjs --quick` runs every scenario once on
// the 4 KB and 40 KB programs across two termite processes, checks each answer, and writes the
// table and the chart. Its times are not asserted (the machine is shared).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const bench = new URL("../els20.bench.mjs", import.meta.url).pathname;

it("els20.bench.mjs --quick measures every scenario and draws the chart", async () => {
  const dir = mkdtempSync(join(tmpdir(), "termite-els20-smoke-"));
  try {
    const chart = join(dir, "chart.svg");
    const { stdout } = await promisify(execFile)(process.execPath, [bench, "--quick", "--chart", chart], {
      maxBuffer: 16 * 1024 * 1024,
    });
    for (const scenario of ["INTERPRETED", "STEADY-STATE", "FIRST-INSTALL"])
      for (const program of ["4 KB (puzzle)", "40 KB (scheme)"])
        expect(stdout).toMatch(
          new RegExp(`\\| ${scenario} \\| ${program.replace(/[()]/g, "\\$&")} \\| 1 \\| \\d`),
        );
    const svg = readFileSync(chart, "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("FIRST-INSTALL");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
