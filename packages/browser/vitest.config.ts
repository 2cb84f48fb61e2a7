import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    fileParallelism: false,
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
  },
});
