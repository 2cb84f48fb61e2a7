// ## Where modules are installed
//
// ROOT is `TERMITE_HOME`, else `$XDG_DATA_HOME/termite` when that variable is set, else
// `~/.termite`. Modules sit directly below it in the layout the expander's search path reads
// (`ROOT/github.com/fred/hello/@1.0/hello.sld`). The loader's own entries are names without a
// dot, which no host can have, so they never collide with a module: `ROOT/tmp` (clones in
// progress, on the same file system so the final rename is atomic), `ROOT/locks`, and the
// `ROOT/whitelist` file.

import { homedir } from "node:os";
import { join } from "node:path";

/** The install root for an environment (default `process.env`). */
export function termiteHome(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.TERMITE_HOME;
  if (explicit !== undefined && explicit !== "") return explicit;
  const xdg = env.XDG_DATA_HOME;
  if (xdg !== undefined && xdg !== "") return join(xdg, "termite");
  return join(env.HOME !== undefined && env.HOME !== "" ? env.HOME : homedir(), ".termite");
}

/** The directory for clones in progress below a root. */
export function temporaryDirectory(root: string): string {
  return join(root, "tmp");
}

/** The directory for install locks below a root. */
export function locksDirectory(root: string): string {
  return join(root, "locks");
}

/** The whitelist file below a root: one allowed prefix a line, `#` starts a comment. */
export function whitelistFile(root: string): string {
  return join(root, "whitelist");
}
