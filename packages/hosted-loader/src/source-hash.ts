// ## The hash of a module's sources
//
// SHA-256 over every file of the installed tree, in path order, each as its relative path
// (`/`-separated), its kind (file or symbolic link) and its bytes, length-prefixed so no two trees
// share an encoding. File modes are left out: they differ between platforms for the same commit,
// and the hash travels between nodes.
// The whole tree, not just the `.sld`: a library `include`s files beside it, and any of them
// changes what the module means. The install manifest is left out (it holds the hash).

import { createHash } from "node:crypto";
import { lstat, readdir, readFile, readlink } from "node:fs/promises";
import { join } from "node:path";

/** The file that records an install, inside the version directory; never hashed. */
export const MANIFEST_FILE = ".termite-install.json";

/** `sha256-<hex>` of the tree under `directory`. */
export async function sourceHash(directory: string): Promise<string> {
  const hash = createHash("sha256");
  const entries = await treeEntries(directory, "");
  for (const entry of entries) {
    const full = join(directory, entry.path);
    const bytes = entry.kind === "link" ? Buffer.from(await readlink(full)) : await readFile(full);
    const header = Buffer.from(
      `${entry.kind} ${Buffer.byteLength(entry.path)}:${entry.path} ${bytes.length}:`,
    );
    hash.update(header);
    hash.update(bytes);
  }
  return `sha256-${hash.digest("hex")}`;
}

/** A file of an installed tree: its `/`-separated path and whether it is a symbolic link. */
export interface TreeEntry {
  readonly path: string;
  readonly kind: "file" | "link";
}

/** Every file and link under `root` (directories walked, the manifest left out), in path order. */
export async function treeEntries(root: string, prefix = ""): Promise<TreeEntry[]> {
  const names = (await readdir(join(root, prefix))).sort();
  const out: TreeEntry[] = [];
  for (const name of names) {
    const rel = prefix === "" ? name : `${prefix}/${name}`;
    if (rel === MANIFEST_FILE) continue;
    const info = await lstat(join(root, rel));
    if (info.isDirectory()) out.push(...(await treeEntries(root, rel)));
    else if (info.isSymbolicLink()) out.push({ path: rel, kind: "link" });
    else if (info.isFile()) out.push({ path: rel, kind: "file" });
  }
  return out;
}
