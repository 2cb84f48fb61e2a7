// Bundles the page entry for browsers with esbuild, resolving every @termite package through the
// `browser` condition of its `exports`, and records the sizes (raw and gzipped) in dist/sizes.json.
// A Node.js built-in anywhere in the graph fails the build: platform "browser" has none.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
mkdirSync(dist, { recursive: true });

const bundles = [
  { name: "termite-page", entry: "src/index.ts" },
  { name: "node-packages", entry: "src/node-packages.ts" },
];
const sizes = {};
for (const { name, entry } of bundles) {
  const outfile = join(dist, `${name}.js`);
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    sourcemap: true,
    legalComments: "none",
    logLevel: "warning",
  });
  const bytes = readFileSync(outfile);
  sizes[name] = { bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}
writeFileSync(join(dist, "sizes.json"), `${JSON.stringify(sizes, null, 2)}\n`);
for (const [name, s] of Object.entries(sizes)) {
  console.log(
    `${name}.js: ${(s.bytes / 1024).toFixed(1)} KiB, ${(s.gzipBytes / 1024).toFixed(1)} KiB gzipped`,
  );
}
