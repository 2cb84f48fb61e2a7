// Writes benchmarks/programs/mosaic.scm, the ELS'20 evaluation's 400 KB program, from the
// generator (same seed, same text on every machine). Run: node benchmarks/els20/write-programs.mjs
import { writeFileSync } from "node:fs";
import { generateMosaic, MOSAIC_OPTIONS } from "./mosaic-generator.mjs";

const program = generateMosaic(MOSAIC_OPTIONS);
const file = new URL("../programs/mosaic.scm", import.meta.url).pathname;
writeFileSync(file, `${program.scheme}\n(run-mosaic)\n`);
console.log(
  `${file}: ${(Buffer.byteLength(program.scheme) / 1024).toFixed(1)} KB, ${program.procedureCount} procedures in ${program.sectionCount} sections, expected ${program.expected()}`,
);
