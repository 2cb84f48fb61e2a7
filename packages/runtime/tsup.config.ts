import { defineConfig } from "tsup";

// Two builds of one source: Node.js (ESM + CJS), and the browser's (ESM, `#host` resolved under the
// `browser` condition, into dist/browser/), which the `browser` condition of `exports` selects.
// `internal` is the machine for back ends and the system (`@termite/runtime/internal`); both
// entries share one copy of the machine's state (`machine`, the current thread) in each build:
// without splitting, the CJS build would give each entry its own.
export default defineConfig([
  {
    entry: ["src/index.ts", "src/internal.ts"],
    format: ["esm", "cjs"],
    splitting: true,
    dts: true,
    sourcemap: true,
    clean: ["!browser/**"],
    target: "node20",
  },
  {
    entry: ["src/index.ts", "src/internal.ts"],
    outDir: "dist/browser",
    format: ["esm"],
    splitting: true,
    platform: "browser",
    sourcemap: true,
    target: "es2022",
    esbuildOptions(options) {
      options.conditions = ["browser"];
    },
  },
]);
