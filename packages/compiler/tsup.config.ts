import { defineConfig } from "tsup";

// Two builds of one source: Node.js (ESM + CJS), and the browser's (ESM, `#host` resolved under the
// `browser` condition, into dist/browser/), which the `browser` condition of `exports` selects.
export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: ["!browser/**"],
    target: "node20",
  },
  {
    entry: ["src/index.ts"],
    outDir: "dist/browser",
    format: ["esm"],
    platform: "browser",
    sourcemap: true,
    target: "es2022",
    esbuildOptions(options) {
      options.conditions = ["browser"];
    },
  },
]);
