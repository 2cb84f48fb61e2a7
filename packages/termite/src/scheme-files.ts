// ## Where the Scheme sources shipped with this package are
//
// `scheme/` sits beside `src/` in the sources and beside `dist/` once built; this file is one
// level below the package in both (tsup bundles it into `dist/`), so one rule finds it.

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The path of a file under the package's `scheme/` folder: `schemeFile("termite", "prelude.sld")`. */
export function schemeFile(...parts: string[]): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", "scheme", ...parts);
}
