export * from "./interpreter/interpret.js";
