// ## The install manifest
//
// `ROOT/github.com/fred/hello/@1.0/.termite-install.json` records where and what an install was
// taken from. It is written into the checkout before the checkout is renamed into place, so a
// version directory either does not exist or has its manifest.

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { MANIFEST_FILE } from "./source-hash.js";

/** The manifest's contents (format 1). */
export interface InstallManifest {
  readonly format: 1;
  /** The exact module installed: `github.com/fred/hello@1.4`, or without `@` for the default branch. */
  readonly module: string;
  /** What was asked for: the same, or a range (`github.com/fred/hello@^1.2`). */
  readonly requested: string;
  /** The URL git fetched from, after `insteadOf` rewriting. */
  readonly url: string;
  /** The tag cloned, or `null` for the default branch. */
  readonly tag: string | null;
  /** The default branch's name for a development install, else `null`. */
  readonly branch: string | null;
  /** The commit the sources were taken from. */
  readonly commit: string;
  /** `sha256-<hex>` of the installed tree (see `sourceHash`). */
  readonly sourceHash: string;
  /** The module file below the version directory: `hello.sld` or `hello/hello.sld`. */
  readonly moduleFile: string;
  /** When it was installed (ISO 8601). */
  readonly installedAt: string;
}

export async function writeManifest(directory: string, manifest: InstallManifest): Promise<void> {
  await writeFile(join(directory, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The manifest in a version directory, or `undefined` when there is none (not installed). */
export async function readManifest(directory: string): Promise<InstallManifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(directory, MANIFEST_FILE), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
  const manifest = JSON.parse(text) as InstallManifest;
  if (manifest.format !== 1)
    throw new Error(`${join(directory, MANIFEST_FILE)}: unknown manifest format ${String(manifest.format)}`);
  return manifest;
}
