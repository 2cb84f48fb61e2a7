// ## The whitelist
//
// The seed's "automatic installation from safe sites": an `import` in a script or a received code
// reference may install a module only when its location starts with an allowed prefix. A prefix
// is a host, or a host and leading path parts: `github.com/gambit` allows
// `github.com/gambit/anything`, never `github.com/gambitx/…`. Prefixes come from three places,
// all added together: the `ROOT/whitelist` file, the `TERMITE_WHITELIST` variable (separated by
// commas or spaces) and the caller (the CLI's `--whitelist`). Empty by default: nothing installs
// by itself. A manual install needs no whitelist.

import { readFileSync } from "node:fs";
import { checkHost, checkPathPart, type HostedModuleName, ModuleNameError } from "@termite/namespace";
import { HostedLoaderError } from "./errors.js";
import { whitelistFile } from "./home.js";

/** One allowed prefix, checked: `{ host: "github.com", path: ["gambit"] }`. */
export interface WhitelistEntry {
  readonly host: string;
  readonly path: readonly string[];
}

/** Parses a prefix such as `github.com/gambit` (a scheme or trailing `/` is refused). */
export function parseWhitelistEntry(text: string): WhitelistEntry {
  const trimmed = text.trim().replace(/\/+$/, "");
  const [host = "", ...path] = trimmed.split("/");
  return { host: checkHost(host), path: path.map((part) => checkPathPart(part)) };
}

/** Splits a list of prefixes as `TERMITE_WHITELIST` or the file holds them. */
export function parseWhitelist(text: string): WhitelistEntry[] {
  return text
    .split("\n")
    .map((line) => line.replace(/#.*/, ""))
    .flatMap((line) => line.split(/[\s,]+/))
    .filter((part) => part !== "")
    .map(parseWhitelistEntry);
}

/** The prefixes in force: the file under `root`, `TERMITE_WHITELIST`, then `extra`. */
export function readWhitelist(
  root: string,
  env: NodeJS.ProcessEnv,
  extra: readonly string[] = [],
): WhitelistEntry[] {
  let file = "";
  try {
    file = readFileSync(whitelistFile(root), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return [
    ...fromSource(whitelistFile(root), () => parseWhitelist(file)),
    ...fromSource("TERMITE_WHITELIST", () => parseWhitelist(env.TERMITE_WHITELIST ?? "")),
    ...fromSource("the whitelist option", () => extra.map(parseWhitelistEntry)),
  ];
}

// A bad entry is reported with the place it was read from, so the user knows what to fix.
function fromSource(source: string, parse: () => WhitelistEntry[]): WhitelistEntry[] {
  try {
    return parse();
  } catch (error) {
    if (!ModuleNameError.isInstance(error)) throw error;
    throw new HostedLoaderError(
      "bad-whitelist",
      `${source}: ${error.message} A whitelist entry is a host, or a host and leading path parts, like github.com/gambit.`,
      undefined,
      { cause: error },
    );
  }
}

/** True when some entry is a prefix of the module's location (host, then whole path parts). */
export function whitelistAllows(entries: readonly WhitelistEntry[], name: HostedModuleName): boolean {
  return entries.some(
    (entry) =>
      entry.host === name.host &&
      entry.path.length <= name.path.length &&
      entry.path.every((part, i) => part === name.path[i]),
  );
}

/** The printed form of an entry: `github.com/gambit`. */
export function formatWhitelistEntry(entry: WhitelistEntry): string {
  return [entry.host, ...entry.path].join("/");
}
