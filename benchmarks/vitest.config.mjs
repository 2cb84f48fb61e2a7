import { defineConfig } from "vitest/config";

// The ELS'20 checks start git daemons and termite processes: one file at a time, long timeouts.
export default defineConfig({
  test: {
    testTimeout: 600_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    include: ["test/**/*.test.mjs"],
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
  },
});
