export * from "./interpreter/interpret.js";
export * from "./js/index.js";
