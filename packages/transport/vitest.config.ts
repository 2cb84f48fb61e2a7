import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The README's example imports the package by name, as a user would; here that is the source.
    alias: [
      {
        find: /^@termite\/transport\/conformance$/,
        replacement: fileURLToPath(new URL("./src/conformance/index.ts", import.meta.url)),
      },
      {
        find: /^@termite\/transport$/,
        replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)),
      },
    ],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
  },
});
