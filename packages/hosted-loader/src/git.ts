// ## git, through simple-git
//
// Only three operations: list a repository's refs, clone one ref, and ask git which URL it would
// really use. The URL is always `https://HOST/PATH.git`; git itself rewrites it with the user's
// `url.<base>.insteadOf` configuration, so remapping a host (a mirror, an air-gapped site, a test
// daemon) is git configuration, not a format of ours.
//
// simple-git 4 strips `GIT_*` variables from the environment it passes to git unless told
// otherwise, which would drop the user's own configuration (`GIT_CONFIG_GLOBAL`,
// `GIT_CONFIG_COUNT`/`KEY_n`/`VALUE_n`, …). This environment is the user's, not untrusted input,
// so the configuration variables are passed through; everything else keeps simple-git's guard.
// Every name has passed @termite/namespace's checks before it gets here (no `..`, no leading `-`,
// a DNS host), and a `--` separates options from the URL.

import type { GitPluginError, SimpleGit } from "simple-git";
import { HostedLoaderError } from "./errors.js";

/** How git runs: the environment (default `process.env`) and how long it may stay silent. */
export interface GitSettings {
  readonly env: NodeJS.ProcessEnv;
  /** Milliseconds without output after which git is killed. */
  readonly timeoutMs: number;
}

const CONFIG_VARIABLE = /^GIT_CONFIG(?:_GLOBAL|_SYSTEM|_NOSYSTEM|_COUNT|_PARAMETERS|_KEY_\d+|_VALUE_\d+)?$/;
// Variables simple-git refuses outright when passed explicitly (editors, pagers, askpass); git
// needs none of them to fetch.
const REFUSED_VARIABLE = /^(?:EDITOR|VISUAL|PAGER|PREFIX|SSH_ASKPASS)$/i;

// simple-git is loaded when git is first needed: an installed module is answered without it.
async function git(settings: GitSettings, baseDir?: string): Promise<SimpleGit> {
  const { simpleGit } = await import("simple-git");
  const env: Record<string, string> = {};
  const allowed: string[] = ["GIT_TERMINAL_PROMPT"];
  for (const [key, value] of Object.entries(settings.env)) {
    if (value === undefined) continue;
    if ((/^GIT_/i.test(key) && !CONFIG_VARIABLE.test(key)) || REFUSED_VARIABLE.test(key)) continue;
    env[key] = value;
    if (CONFIG_VARIABLE.test(key)) allowed.push(key);
  }
  // Never wait for a password on a terminal: an unknown repository on a public host asks for one.
  env.GIT_TERMINAL_PROMPT = "0";
  return simpleGit({
    ...(baseDir === undefined ? {} : { baseDir }),
    timeout: { block: settings.timeoutMs },
    allowEnvironment: allowed,
    // Configuration files and variables, and `insteadOf` in them, are how hosts are remapped.
    unsafe: { allowUnsafeConfigPaths: true, allowUnsafeConfigEnvCount: true, allowUnsafeUrlRewrite: true },
  }).env(env);
}

/** The conventional URL of a repository location (`github.com/fred/hello`). */
export function defaultUrl(location: string): string {
  return `https://${location}.git`;
}

/**
 * The URL git will really fetch from after `insteadOf` rewriting, for messages and manifests;
 * credentials a rewrite may carry (`https://user:token@host/`) are left out.
 */
export async function effectiveUrl(url: string, settings: GitSettings): Promise<string> {
  let real = url;
  try {
    real = (await (await git(settings)).listRemote(["--get-url", "--", url])).trim();
  } catch {
    // Shown as asked, then.
  }
  return real.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1");
}

/** `git ls-remote --symref URL`: every ref the repository advertises. */
export async function listRemoteRefs(url: string, module: string, settings: GitSettings): Promise<string> {
  try {
    return await (await git(settings)).listRemote(["--symref", "--", url]);
  } catch (error) {
    if (error instanceof (await import("simple-git")).GitPluginError) throw refused(error, module);
    const real = await effectiveUrl(url, settings);
    throw new HostedLoaderError(
      "unreachable",
      `Cannot reach the repository of ${module} at ${real}${real === url ? "" : ` (from ${url})`}: ${gitMessage(error)}. Check the host name and the network, or map the host with git's url.<base>.insteadOf configuration.`,
      module,
      { cause: error },
    );
  }
}

/** Clones `ref` (a tag; the default branch when `null`) of `url` into `directory`, shallowly. */
export async function cloneRef(
  url: string,
  ref: string | null,
  directory: string,
  module: string,
  settings: GitSettings,
): Promise<void> {
  const options = ["--depth", "1", "--quiet", "--no-tags"];
  if (ref !== null) options.push("--branch", ref);
  try {
    await (await git(settings)).clone(url, directory, options);
  } catch (error) {
    throw new HostedLoaderError(
      "git-failed",
      `Cloning ${module} from ${url} failed: ${gitMessage(error)}.`,
      module,
      {
        cause: error,
      },
    );
  }
}

/** The commit checked out in a clone. */
export async function headCommit(directory: string, settings: GitSettings): Promise<string> {
  return (await (await git(settings, directory)).revparse(["HEAD"])).trim();
}

/** The name of the branch checked out in a clone (the default branch after a plain clone). */
export async function currentBranch(directory: string, settings: GitSettings): Promise<string | null> {
  const name = (await (await git(settings, directory)).revparse(["--abbrev-ref", "HEAD"])).trim();
  return name === "HEAD" ? null : name;
}

// simple-git refused to run git (its guard against unsafe configuration in the environment).
function refused(error: GitPluginError, module: string): HostedLoaderError {
  return new HostedLoaderError(
    "git-failed",
    `git was not run for ${module}: ${error.message}. Move that setting from the environment into a git configuration file.`,
    module,
    { cause: error },
  );
}

// git's own first line of complaint, without simple-git's wrapping.
function gitMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const fatal = lines.find((line) => line.startsWith("fatal:")) ?? lines[0] ?? "git failed";
  return fatal.replace(/^fatal:\s*/, "").replace(/\.$/, "");
}
