// Whether call/cc-heavy code costs in proportion to its work: ctak (suite/ctak.scm: tak where
// every call captures its continuation and returns through it) at three sizes, compiled and
// interpreted, in CPU ns per tak call (the call count is tak's, counted in JS). Linear cost gives
// the same figure on every row. One process per back end; each size runs once to warm up, then
// the median of three.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { median } from "./stats.mjs";

const SIZES = [
  [18, 12, 6],
  [22, 12, 6],
  [24, 16, 8],
];

function takCalls(x, y, z) {
  let n = 0;
  const tak = (x, y, z) => {
    n++;
    return !(y < x) ? z : tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
  };
  tak(x, y, z);
  return n;
}

async function child(backend) {
  const { memoryIoContext } = await import("@termite/runtime");
  const { evalPart, TermiteSystem, termiteLibraryPart } = await import("@termite/termite");
  const s = await new TermiteSystem({
    io: memoryIoContext({}),
    backend,
    parts: [evalPart, termiteLibraryPart],
  }).boot();
  const here = new URL(".", import.meta.url).pathname;
  await s.runScript(readFileSync(`${here}suite/ctak.scm`, "utf8"), "ctak.scm");
  const out = [];
  for (const [x, y, z] of SIZES) {
    const times = [];
    for (let i = 0; i < 4; i++) {
      const t = process.cpuUsage();
      const r = await s.runScript(`(ctak ${x} ${y} ${z})`, "ctak.scm");
      const u = process.cpuUsage(t);
      if (!r.normal) throw new Error(`ctak ${x} ${y} ${z} failed`);
      times.push((u.user + u.system) / 1000);
    }
    out.push(median(times.slice(1)));
  }
  console.log(JSON.stringify(out));
}

if (process.argv[2] === "--child") await child(process.argv[3]);
else {
  const ms = {};
  for (const backend of ["compile", "interpret"]) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", backend], {
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(r.stderr);
    ms[backend] = JSON.parse(r.stdout.trim());
  }
  console.log("| ctak | tak calls | compiled ms | ns per call | interpreted ms | ns per call |");
  console.log("|---|---|---|---|---|---|");
  SIZES.forEach(([x, y, z], i) => {
    const n = takCalls(x, y, z);
    const c = ms.compile[i];
    const it = ms.interpret[i];
    console.log(
      `| ${x} ${y} ${z} | ${n} | ${c.toFixed(0)} | ${((c * 1e6) / n).toFixed(0)} | ${it.toFixed(0)} | ${((it * 1e6) / n).toFixed(0)} |`,
    );
  });
}
