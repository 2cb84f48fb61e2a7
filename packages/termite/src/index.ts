export * from "./create-system.js";
export * from "./distribution/index.js";
export { evalPart } from "./eval.js";
export * from "./report.js";
export * from "./system.js";
export * from "./termite-library/index.js";
export * from "./wire/index.js";
