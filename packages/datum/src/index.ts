export * from "./location.js";
export { registry as sharedRegistry } from "./shared.js";
export * from "./values.js";
