import { defineConfig } from "tsup";

// Two entries: the Node.js server node (over `ws`) and the tab node (the browser's own WebSocket),
// chosen by the `browser` condition of `exports`. The tab entry imports nothing of Node.js.
export default defineConfig({
  entry: { index: "src/index.ts", browser: "src/browser.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  external: ["ws"],
});
