import { defineConfig } from "vitest/config";

// One file at a time: each spawns installs and packs of the whole workspace.
export default defineConfig({
  test: {
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    include: ["test/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
  },
});
