// The ELS'20 evaluation reproduced (issue 16): RPC of the 4 KB, 40 KB and 400 KB programs from
// one `termite` process to another over ZeroMQ on loopback, INTERPRETED / STEADY-STATE /
// FIRST-INSTALL, a fresh destination process per run. Prints the tables of benchmarks/README.md,
// writes the figures to benchmarks/results/els20.json and the chart to benchmarks/els20.svg.
//
//   node benchmarks/els20.bench.mjs           10 runs of each (5 of FIRST-INSTALL 400 KB)
//   node benchmarks/els20.bench.mjs --quick   one run of each scenario, 4 KB and 40 KB only
//   node benchmarks/els20.bench.mjs --runs 3 --programs puzzle,mosaic --scenarios INTERPRETED
//   node benchmarks/els20.bench.mjs --from benchmarks/results/els20.json   tables and chart again
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { renderChart } from "./els20/chart.mjs";
import { measure, SCENARIOS } from "./els20/harness.mjs";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    runs: { type: "string" },
    programs: { type: "string" },
    scenarios: { type: "string" },
    chart: { type: "string" },
    from: { type: "string" },
    out: { type: "string" },
  },
});

// The paper's Table (ms, M_ARM/Linux doing RPC to M_x86/Linux): total and on destination.
const PAPER = {
  INTERPRETED: {
    total: [179.2, 1002.7, 10801.1],
    sd: [1.6, 8.1, 11.0],
    destination: [132.6, 954.6, 10390.5],
  },
  "STEADY-STATE": { total: [26.9, 60.4, 492.5], sd: [1.2, 0.6, 0.7], destination: [2.2, 35.2, 462.8] },
  "FIRST-INSTALL": { total: [1159.8, 2502.0, 153272.6], sd: [0, 0, 0], destination: [2.2, 37.1, 464.1] },
};
const SIZES = ["4 KB", "40 KB", "400 KB"];
const GOALS = {
  INTERPRETED: [179, 1003, 10801],
  "STEADY-STATE": [26.9, 60.4, 492.5],
  "FIRST-INSTALL": [300, 600, 3000],
};

const programs =
  values.programs?.split(",") ?? (values.quick ? ["puzzle", "scheme"] : ["puzzle", "scheme", "mosaic"]);
const runs = (name, scenario) => {
  if (values.runs) return Number(values.runs);
  if (values.quick) return 1;
  return name === "mosaic" && scenario === "FIRST-INSTALL" ? 5 : 10;
};

// Measure, or read the figures of an earlier run back.
const saved = values.from ? JSON.parse(readFileSync(values.from, "utf8")) : undefined;
const machine =
  saved?.machine ??
  `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node.js ${process.version}`;
const loadBefore = saved?.loadBefore ?? loadavg();
const started = saved ? new Date(saved.started) : new Date();
const rows =
  saved?.rows ??
  (await measure({
    programs,
    scenarios: values.scenarios?.split(",") ?? SCENARIOS,
    runs,
    onRun: (r) =>
      console.error(
        `  ${r.name} ${r.scenario} #${r.run + 1}: total ${r.totalMs.toFixed(1)} ms, decode ${r.decodeMs.toFixed(1)} ms, call ${r.callMs.toFixed(1)} ms`,
      ),
  }));
const loadAfter = saved?.loadAfter ?? loadavg();

const fmt = (f) => `${f.mean.toFixed(1)} ± ${f.sd.toFixed(1)}`;
const sizeIndex = (row) => SIZES.indexOf(row.size);
console.log(
  `\nRun of ${started.toISOString()}; ${machine}; load average ${loadBefore.map((l) => l.toFixed(1)).join(" ")} before, ${loadAfter.map((l) => l.toFixed(1)).join(" ")} after.\n`,
);
console.log(
  "| scenario | program | runs | total ms (ours) | total ms (paper) | ours / paper | goal | decode on B ms | call on B ms (ours) | on destination ms (paper) |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const scenario of SCENARIOS) {
  for (const row of rows.filter((r) => r.scenario === scenario)) {
    const i = sizeIndex(row);
    const paper = PAPER[scenario];
    const goal = GOALS[scenario][i];
    const met = row.total.mean <= goal ? "met" : "missed";
    console.log(
      `| ${scenario} | ${row.size} (${row.name}) | ${row.total.n} | ${fmt(row.total)} | ${paper.total[i]}${paper.sd[i] ? ` ± ${paper.sd[i]}` : ""} | ${(row.total.mean / paper.total[i]).toFixed(2)} | ≤ ${goal}: ${met} | ${fmt(row.decode)} | ${fmt(row.call)} | ${paper.destination[i]} |`,
    );
  }
}
console.log(
  "\n| program | INTERPRETED / STEADY-STATE (ours) | (paper) | FIRST-INSTALL / INTERPRETED (ours) | (paper) |",
);
console.log("|---|---|---|---|---|");
for (const name of [...new Set(rows.map((r) => r.name))]) {
  const of = (scenario) => rows.find((r) => r.name === name && r.scenario === scenario);
  const interpreted = of("INTERPRETED");
  if (!interpreted) continue;
  const i = sizeIndex(interpreted);
  const ratio = (a, b) => (a && b ? `${(a.total.mean / b.total.mean).toFixed(1)}x` : "—");
  console.log(
    `| ${interpreted.size} (${name}) | ${ratio(interpreted, of("STEADY-STATE"))} | ${(PAPER.INTERPRETED.total[i] / PAPER["STEADY-STATE"].total[i]).toFixed(1)}x | ${ratio(of("FIRST-INSTALL"), interpreted)} | ${(PAPER["FIRST-INSTALL"].total[i] / PAPER.INTERPRETED.total[i]).toFixed(1)}x |`,
  );
}

// The chart of ours beside the paper's, and the raw figures.
const chartRows = [];
for (const row of rows)
  chartRows.push({ source: "ours", program: row.size, scenario: row.scenario, ...row.total });
for (const scenario of SCENARIOS) {
  for (const [i, program] of SIZES.entries()) {
    const paper = PAPER[scenario];
    chartRows.push({ source: "ELS'20 paper", program, scenario, mean: paper.total[i], sd: paper.sd[i] });
  }
}
const here = new URL(".", import.meta.url).pathname;
mkdirSync(`${here}results`, { recursive: true });
const chartFile = values.chart ?? (values.quick ? `${here}results/els20-quick.svg` : `${here}els20.svg`);
writeFileSync(
  chartFile,
  await renderChart(chartRows, "Total RPC time: ours (loopback, this machine) beside the ELS'20 paper's"),
);
if (!saved)
  writeFileSync(
    values.out ?? `${here}results/els20${values.quick ? "-quick" : ""}.json`,
    `${JSON.stringify({ started: started.toISOString(), machine, loadBefore, loadAfter, rows }, null, 2)}\n`,
  );
console.log(`\nChart: ${chartFile}`);
