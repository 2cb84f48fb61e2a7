// ## A compiled unit on disk: a JS file Node loads directly, and its manifest
//
// `NAME.mjs` exports the module function; `NAME.manifest.json` holds what links it: the globals it
// refers to, its constants (as Scheme text), call-site positions, the control-point table, the
// hash of source and ABI, exports and dependencies.

import type { CoreModule } from "@termite/core";
import { type SourceLocation, write } from "@termite/datum";
import { readAll } from "@termite/reader";
import type { GlobalEnvironment } from "@termite/runtime";
import { importFile, readTextFile } from "#host";
import {
  type CompiledUnit,
  type CompileOptions,
  compileModule,
  linkModule,
  MODULE_PARAMETERS,
} from "./compile.js";

/** The manifest written beside a compiled unit's JavaScript. */
export interface CompiledManifest {
  readonly format: "termite-compiled-unit";
  readonly abi: number;
  /** sha256 of the source text (or generated code) and the ABI version. */
  readonly hash: string;
  readonly module: string;
  readonly unit: string;
  readonly kind: CoreModule["kind"];
  /** Exported name -> qualified global (libraries). */
  readonly exports: Readonly<Record<string, string>>;
  /** Libraries the unit imports, in order: they must be loaded first. */
  readonly dependencies: readonly string[];
  readonly globals: readonly string[];
  /** Each constant written as a Scheme datum. */
  readonly constants: readonly string[];
  readonly locations: readonly (SourceLocation | null)[];
  /** The control-point table: each procedure's code id, name and number of control points. */
  readonly codes: readonly { id: string; name: string | undefined; controlPoints: number }[];
}

export interface CompiledFiles {
  /** The ES module text. */
  readonly js: string;
  readonly manifest: CompiledManifest;
}

/** Compiles an expanded unit to the two files' contents. Deterministic for the same input. */
export function compileToFiles(module: CoreModule, options: CompileOptions = {}): CompiledFiles {
  const compiled = compileModule(module.body, {
    module: module.supplies ?? "",
    unit: "body",
    block: module.block,
    ...options,
  });
  const js = `export default function (${MODULE_PARAMETERS.join(", ")}) {\n${compiled.body}\n}\n`;
  const manifest: CompiledManifest = {
    format: "termite-compiled-unit",
    abi: compiled.abi,
    hash: compiled.hash,
    module: compiled.module,
    unit: compiled.unit,
    kind: module.kind,
    exports: Object.fromEntries(module.exports),
    dependencies: module.imports,
    globals: compiled.globals,
    constants: compiled.constants.map((c) => write(c)),
    locations: compiled.locations.map((l) =>
      l ? { file: l.file, line: l.line, column: l.column, offset: l.offset } : null,
    ),
    codes: compiled.codes,
  };
  return { js, manifest };
}

/** Loads a compiled unit written by `compileToFiles` (`FILE.mjs` beside `FILE.manifest.json`). */
export async function loadCompiledFile(jsFile: string, globals: GlobalEnvironment): Promise<CompiledUnit> {
  const manifestFile = jsFile.replace(/\.mjs$/, ".manifest.json");
  const manifest = JSON.parse(await readTextFile(manifestFile)) as CompiledManifest;
  const loaded = (await importFile(jsFile)) as { default: Parameters<typeof linkModule>[0] };
  return linkCompiled(loaded.default, manifest, globals);
}

/**
 * Links the texts `compileToFiles` wrote without importing the file: synchronously, for a loader
 * that runs inside a synchronous expansion (a system loading a library from a compiled cache).
 */
export function loadCompiledText(
  js: string,
  manifest: CompiledManifest,
  globals: GlobalEnvironment,
): CompiledUnit {
  const head = `export default function (${MODULE_PARAMETERS.join(", ")}) {\n`;
  if (!js.startsWith(head) || !js.endsWith("\n}\n"))
    throw new Error(`not a compiled unit written by compileToFiles (module ${manifest.module})`);
  const body = js.slice(head.length, js.length - "\n}\n".length);
  const fn = new Function(...MODULE_PARAMETERS, body) as Parameters<typeof linkModule>[0];
  return linkCompiled(fn, manifest, globals);
}

function linkCompiled(
  fn: Parameters<typeof linkModule>[0],
  manifest: CompiledManifest,
  globals: GlobalEnvironment,
): CompiledUnit {
  const constants = manifest.constants.map((text) => readAll(text)[0]);
  const tables = {
    globals: manifest.globals,
    constants,
    locations: manifest.locations.map((l) => l ?? undefined),
    // Hosted code travels by reference: its syntax trees are not kept on disk.
    nodes: [],
    contexts: [],
    hash: manifest.hash,
    codes: manifest.codes,
  };
  const { run, codes } = linkModule(fn, tables, globals);
  return {
    run,
    codes,
    compiled: { ...tables, body: "", abi: manifest.abi, module: manifest.module, unit: manifest.unit },
  };
}
