import { defineConfig } from "tsup";

export default defineConfig({
  // `internal` is the machine for back ends and the system (`@termite/runtime/internal`).
  entry: ["src/index.ts", "src/internal.ts"],
  format: ["esm", "cjs"],
  // Both entries share one copy of the machine's state (`machine`, the current thread) in each
  // format: without splitting, the CJS build would give each entry its own.
  splitting: true,
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
});
