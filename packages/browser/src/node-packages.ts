// Every package a node needs, as one browser bundle: building it proves none of them (through the
// `browser` condition of their `exports`) pulls in a Node.js built-in. Not loaded by the page.
export * as compiler from "@termite/compiler";
export * as core from "@termite/core";
export * as datum from "@termite/datum";
export * as libraryExpander from "@termite/library-expander";
export * as reader from "@termite/reader";
export * as runtime from "@termite/runtime";
export * as serializer from "@termite/serializer";
export * as transport from "@termite/transport";
export * as transportWs from "@termite/transport-ws";
