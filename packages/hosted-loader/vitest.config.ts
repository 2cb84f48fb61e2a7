import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Real git over a local daemon on a shared, slow machine: generous limits, never speed asserts.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
  },
});
