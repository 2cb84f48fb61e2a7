// ## Installed hosted modules compiled once, kept on disk
//
// A hosted library's compiled unit is named by a hash of what decides its code: the module's exact
// name, the source hash its install recorded, the hashes of the hosted libraries it imports (their
// macros shape its expansion), this Termite's version and prelude, and the compiler ABI (mixed in
// by `sourceHash`). The same hash is the unit's code hash, so it travels in every code reference:
// two nodes agree on a module's code exactly when they would compile the same JavaScript.
//
// Files: `ROOT/compiled/HOST/PATH/@VERSION/HASH.mjs` and `HASH.manifest.json`, as `termite compile`
// writes them. A unit whose hash has no files is compiled and written (atomically: a temporary
// file renamed into place), older hashes of that version removed; a fresh one is only read.

import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type CompiledManifest, sourceHash } from "@termite/compiler";
import { type HostedModuleName, installDirectory } from "@termite/namespace";
import { schemeFile } from "../scheme-files.js";

/** What a hosted library's compiled code depends on, written out and hashed into its unit hash. */
export interface HostedUnitInputs {
  /** The exact flat name: `github.com/fred/hello@1.0`. */
  readonly module: string;
  /** The install's source hash (`sha256-…`). */
  readonly sourceHash: string;
  /** Each hosted library it imports, flat name and unit hash, in import order. */
  readonly imports: readonly (readonly [string, string])[];
}

let fingerprint: string | undefined;

/** This Termite's version and prelude: built-in macros and library code it expands against. */
function systemFingerprint(): string {
  if (fingerprint === undefined) {
    const hash = createHash("sha256");
    hash.update(readFileSync(schemeFile("..", "package.json")));
    hash.update(readFileSync(schemeFile("termite", "prelude.sld")));
    fingerprint = hash.digest("hex").slice(0, 32);
  }
  return fingerprint;
}

/** The text hashed (with the ABI) into a hosted unit's hash; also what its manifest is compiled with. */
export function hostedUnitSource(inputs: HostedUnitInputs): string {
  const lines = [
    "termite-hosted-unit 1",
    `module ${inputs.module}`,
    `source ${inputs.sourceHash}`,
    `system ${systemFingerprint()}`,
    ...inputs.imports.map(([name, hash]) => `import ${name} ${hash}`),
  ];
  return `${lines.join("\n")}\n`;
}

/** The unit hash `compileModule` gives a hosted unit compiled with `source: hostedUnitSource(…)`. */
export function hostedUnitHash(inputs: HostedUnitInputs): string {
  return sourceHash(hostedUnitSource(inputs));
}

export interface CompiledTexts {
  readonly js: string;
  readonly manifest: CompiledManifest;
}

export class CompiledCache {
  constructor(
    /** `ROOT/compiled` (no dot in the name: no host can collide with it). */
    readonly directory: string,
  ) {}

  private versionDirectory(name: HostedModuleName): string {
    return join(this.directory, ...installDirectory(name));
  }

  /** The compiled unit of `name` with `hash`, if it was written; synchronous (expansion is). */
  read(name: HostedModuleName, hash: string): CompiledTexts | undefined {
    const base = join(this.versionDirectory(name), hash);
    let js: string;
    let manifest: CompiledManifest;
    try {
      js = readFileSync(`${base}.mjs`, "utf8");
      manifest = JSON.parse(readFileSync(`${base}.manifest.json`, "utf8")) as CompiledManifest;
    } catch {
      return undefined;
    }
    // A manifest of another hash (a file copied by hand) is not this unit.
    return manifest.hash === hash ? { js, manifest } : undefined;
  }

  /** Writes a compiled unit (each file renamed into place whole), removing the version's older ones. */
  write(name: HostedModuleName, texts: CompiledTexts): void {
    const directory = this.versionDirectory(name);
    mkdirSync(directory, { recursive: true });
    const hash = texts.manifest.hash;
    for (const entry of readdirSync(directory))
      if (!entry.startsWith(hash)) rmSync(join(directory, entry), { force: true });
    const temporary = `.${process.pid}-${Date.now()}`;
    // The manifest last: `read` needs both, and finds the JS complete once the manifest is there.
    for (const [file, text] of [
      [`${hash}.mjs`, texts.js],
      [`${hash}.manifest.json`, `${JSON.stringify(texts.manifest)}\n`],
    ] as const) {
      writeFileSync(join(directory, file + temporary), text);
      renameSync(join(directory, file + temporary), join(directory, file));
    }
  }

  /** Forgets every compiled unit of one installed version (`termite uninstall`, `update`). */
  remove(name: HostedModuleName): void {
    rmSync(this.versionDirectory(name), { recursive: true, force: true });
  }
}
