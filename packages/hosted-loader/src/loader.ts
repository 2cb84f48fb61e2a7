// ## The hosted loader
//
// Names to repositories, versions to tags, and installs that are atomic, locked, side by side and
// checked. It compiles nothing: whoever composes the system (`@termite/termite`) hands an
// `onInstalled` hook that compiles the fresh install, and reads `moduleFile` / `sourceHash` from
// what every call returns.
//
// An install goes: check the name (and, for an automatic install, the whitelist) -> `git
// ls-remote` to pick the tag -> take the module's lock -> clone that tag shallowly into
// `ROOT/tmp/…` -> find the module file -> hash the tree -> write the manifest -> rename into
// `ROOT/HOST/PATH/@VERSION` -> `onInstalled`. An installed exact version is answered from disk
// without any network.

import { mkdir, mkdtemp, readdir, readlink, rename, rm, rmdir, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import {
  formatModuleName,
  type HostedModuleName,
  installDirectory,
  isVersionRange,
  ModuleNameError,
  parseModulePath,
  repositoryOf,
} from "@termite/namespace";
import { HostedLoaderError } from "./errors.js";
import {
  cloneRef,
  currentBranch,
  defaultUrl,
  effectiveUrl,
  type GitSettings,
  headCommit,
  listRemoteRefs,
} from "./git.js";
import { locksDirectory, temporaryDirectory, termiteHome, whitelistFile } from "./home.js";
import { withLock } from "./lock.js";
import { type InstallManifest, readManifest, writeManifest } from "./manifest.js";
import { sourceHash, treeEntries } from "./source-hash.js";
import { newestSatisfying, parseRemoteRefs, type ResolvedRef, resolveRef } from "./versions.js";
import { formatWhitelistEntry, readWhitelist, type WhitelistEntry, whitelistAllows } from "./whitelist.js";

/** How a loader is set up; every field has a default. */
export interface HostedLoaderOptions {
  /** The install root; default `termiteHome(env)` (`TERMITE_HOME`, XDG, `~/.termite`). */
  readonly root?: string;
  /** The environment read for `TERMITE_HOME`, `TERMITE_WHITELIST` and git's configuration. */
  readonly env?: NodeJS.ProcessEnv;
  /** Extra whitelist prefixes (the CLI's `--whitelist`), added to the file's and the variable's. */
  readonly whitelist?: readonly string[];
  /** Milliseconds git may stay silent before it is killed (default 120 000). */
  readonly gitTimeoutMs?: number;
  /** Milliseconds to wait for another installer of the same module (default 600 000). */
  readonly lockTimeoutMs?: number;
  /** Age after which a lock is taken to be abandoned (default 1 800 000). */
  readonly lockStaleMs?: number;
  /**
   * Called after a module is installed or updated, still holding its lock, so a compiler can
   * build its cache once even when several processes asked for the module. A throw is passed on
   * to the caller of `install`; the sources stay installed.
   */
  readonly onInstalled?: (module: InstalledModule) => void | Promise<void>;
}

/** A module as installed on disk. */
export interface InstalledModule {
  /** The exact module: `github.com/fred/hello@1.4` (never a range). */
  readonly name: HostedModuleName;
  /** Its flat form. */
  readonly module: string;
  /** The version directory: `ROOT/github.com/fred/hello/@1.4`. */
  readonly directory: string;
  /** The absolute path of the module file (`…/@1.4/hello.sld` or `…/@1.4/hello/hello.sld`). */
  readonly moduleFile: string;
  /** The manifest's record of where it came from, the commit and the source hash. */
  readonly manifest: InstallManifest;
}

/** A version that `resolve` picked, before anything is installed. */
export interface ResolvedVersion {
  /** The exact module the request names (`@^1.2` resolved to `@1.4`). */
  readonly name: HostedModuleName;
  readonly tag: string | null;
  readonly commit: string;
  /** The repository URL before `insteadOf` rewriting. */
  readonly url: string;
}

/** What `verify` found. */
export interface VerifyResult {
  readonly module: InstalledModule;
  /** The hash recorded at install. */
  readonly recorded: string;
  /** The hash of the files as they are now. */
  readonly actual: string;
  readonly intact: boolean;
}

/** What `update` did. */
export interface UpdateResult {
  /** The install before, if there was one. */
  readonly before: InstalledModule | undefined;
  readonly after: InstalledModule;
  /** True when the commit or the sources changed (or it was not installed before). */
  readonly changed: boolean;
}

/** Options of one install. */
export interface InstallOptions {
  /**
   * True for an install nobody asked for by hand (an `import`, a received code reference): only
   * whitelisted locations may install that way. Default false.
   */
  readonly automatic?: boolean;
}

export class HostedLoader {
  /** The install root. */
  readonly root: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly extraWhitelist: readonly string[];
  private readonly git: GitSettings;
  private readonly lockTimeoutMs: number;
  private readonly lockStaleMs: number;
  private readonly onInstalled: HostedLoaderOptions["onInstalled"];
  // Installs in progress in this process, by requested name: two callers share one.
  private readonly pending = new Map<string, Promise<InstalledModule>>();

  constructor(options: HostedLoaderOptions = {}) {
    this.env = options.env ?? process.env;
    this.root = options.root ?? termiteHome(this.env);
    this.extraWhitelist = options.whitelist ?? [];
    this.git = { env: this.env, timeoutMs: options.gitTimeoutMs ?? 120_000 };
    this.lockTimeoutMs = options.lockTimeoutMs ?? 600_000;
    this.lockStaleMs = options.lockStaleMs ?? 1_800_000;
    this.onInstalled = options.onInstalled;
  }

  // ### Whitelist

  /** The whitelist in force: `ROOT/whitelist`, `TERMITE_WHITELIST`, then the options'. */
  whitelist(): WhitelistEntry[] {
    return readWhitelist(this.root, this.env, this.extraWhitelist);
  }

  /** True when `name` may be installed automatically. */
  isWhitelisted(name: HostedModuleName | string): boolean {
    return whitelistAllows(this.whitelist(), hostedName(name));
  }

  // ### Reading what is installed (never the network)

  /**
   * The installed module for `name`, or `undefined`: the exact version, the development checkout
   * for no version, or for a range the newest installed version that satisfies it.
   */
  async lookup(name: HostedModuleName | string): Promise<InstalledModule | undefined> {
    const hosted = hostedName(name);
    if (hosted.version !== null && isVersionRange(hosted.version)) {
      const range = hosted.version;
      const versions = newestSatisfying(await this.installedVersions(hosted), range);
      for (const version of versions) {
        const found = await this.installedAt({ ...hosted, version });
        if (found !== undefined) return found;
      }
      return undefined;
    }
    return this.installedAt(hosted);
  }

  /** Every installed module, sorted by name. */
  async list(): Promise<InstalledModule[]> {
    const out: InstalledModule[] = [];
    for (const host of await directories(this.root)) {
      if (!host.includes(".")) continue;
      await this.collect(join(this.root, host), out);
    }
    return out.sort((a, b) => (a.module < b.module ? -1 : a.module > b.module ? 1 : 0));
  }

  /** Hashes the installed files again and compares with the manifest. */
  async verify(name: HostedModuleName | string): Promise<VerifyResult> {
    const module = await this.requireInstalled(name);
    const actual = await sourceHash(module.directory);
    return {
      module,
      recorded: module.manifest.sourceHash,
      actual,
      intact: actual === module.manifest.sourceHash,
    };
  }

  /**
   * Throws `modified` unless the installed copy still hashes to its manifest's hash and, when
   * `expectedHash` is given (a code reference's hash from another node), to that one too.
   */
  async check(name: HostedModuleName | string, expectedHash?: string): Promise<InstalledModule> {
    const result = await this.verify(name);
    const { module } = result;
    const fix = `Run \`termite update ${module.module}\` to reinstall it.`;
    if (!result.intact)
      throw new HostedLoaderError(
        "modified",
        `The installed copy of ${module.module} in ${module.directory} was modified: its sources hash to ${result.actual}, the install recorded ${result.recorded} (commit ${module.manifest.commit}). ${fix}`,
        module.module,
      );
    if (expectedHash !== undefined && expectedHash !== result.actual)
      throw new HostedLoaderError(
        "modified",
        `The installed copy of ${module.module} differs from the expected one: it hashes to ${result.actual}, ${expectedHash} was expected (was the tag moved upstream?). ${fix}`,
        module.module,
      );
    return module;
  }

  // ### Fetching

  /** Asks the repository which tag and commit `name` means now (network; installs nothing). */
  async resolve(name: HostedModuleName | string): Promise<ResolvedVersion> {
    const hosted = hostedName(name);
    const url = defaultUrl(repositoryOf(hosted).location);
    const refs = parseRemoteRefs(await listRemoteRefs(url, formatModuleName(hosted), this.git));
    const ref = resolveRef(hosted, refs);
    return { name: ref.name, tag: ref.tag, commit: ref.commit, url };
  }

  /**
   * Installs `name` unless an install of it is already there (then returns that, offline). A range
   * is resolved against the repository first, and the exact version it picks is what is installed.
   */
  async install(name: HostedModuleName | string, options: InstallOptions = {}): Promise<InstalledModule> {
    const hosted = hostedName(name);
    if (hosted.version === null || !isVersionRange(hosted.version)) {
      const present = await this.installedAt(hosted);
      if (present !== undefined) return present;
    }
    if (options.automatic === true) this.requireWhitelisted(hosted);
    return this.once(`install ${formatModuleName(hosted)}`, () => this.fetchAndInstall(hosted, false));
  }

  /**
   * The module for an `import` or a received code reference: the installed copy if any (no
   * network), else an automatic install (whitelist permitting).
   */
  async ensure(name: HostedModuleName | string): Promise<InstalledModule> {
    return (await this.lookup(name)) ?? this.install(name, { automatic: true });
  }

  /**
   * Fetches `name` again: the default branch's newest commit, a tag that moved upstream, the
   * newest version in a range, or a fresh copy of a locally modified install.
   */
  async update(name: HostedModuleName | string): Promise<UpdateResult> {
    const hosted = hostedName(name);
    const before = await this.lookup(hosted);
    const after = await this.once(`update ${formatModuleName(hosted)}`, () =>
      this.fetchAndInstall(hosted, true),
    );
    const changed =
      before === undefined ||
      before.module !== after.module ||
      before.manifest.commit !== after.manifest.commit ||
      before.manifest.installedAt !== after.manifest.installedAt;
    return { before, after, changed };
  }

  /** Removes one installed version (`@` alone: the development checkout). False if it was not there. */
  async uninstall(name: HostedModuleName | string): Promise<boolean> {
    const hosted = hostedName(name);
    if (hosted.version !== null && isVersionRange(hosted.version))
      throw new HostedLoaderError(
        "bad-name",
        `Uninstall names one version, not the range @${hosted.version}; see \`termite list\`.`,
        formatModuleName(hosted),
      );
    const module = formatModuleName(hosted);
    return withLock(this.lockPath(hosted), module, this.lockSettings(), async () => {
      const directory = this.directoryOf(hosted);
      if ((await readManifest(directory)) === undefined) return false;
      // Renamed away first, so nobody sees a half-deleted module.
      await mkdir(temporaryDirectory(this.root), { recursive: true });
      const trash = await mkdtemp(join(temporaryDirectory(this.root), "removed-"));
      await rename(directory, join(trash, "module"));
      await rm(trash, { recursive: true, force: true });
      await this.pruneEmptyParents(dirname(directory));
      return true;
    });
  }

  // ### Internals

  private async fetchAndInstall(hosted: HostedModuleName, refresh: boolean): Promise<InstalledModule> {
    const requested = formatModuleName(hosted);
    const url = defaultUrl(repositoryOf(hosted).location);
    const refs = parseRemoteRefs(await listRemoteRefs(url, requested, this.git));
    const ref = resolveRef(hosted, refs);
    const exact = ref.name;
    const module = formatModuleName(exact);
    return withLock(this.lockPath(exact), module, this.lockSettings(), async () => {
      // Another process may have installed it while this one waited for the lock.
      const present = await this.installedAt(exact);
      if (present !== undefined) {
        if (!refresh) return present;
        if (
          present.manifest.commit === ref.commit &&
          (await sourceHash(present.directory)) === present.manifest.sourceHash
        )
          return present;
      }
      const installed = await this.cloneIntoPlace(exact, ref, requested, url);
      await this.onInstalled?.(installed);
      return installed;
    });
  }

  private async cloneIntoPlace(
    exact: HostedModuleName,
    ref: ResolvedRef,
    requested: string,
    url: string,
  ): Promise<InstalledModule> {
    const module = formatModuleName(exact);
    await mkdir(temporaryDirectory(this.root), { recursive: true });
    await this.removeAbandonedWork();
    const work = await mkdtemp(join(temporaryDirectory(this.root), "install-"));
    try {
      const checkout = join(work, "module");
      await cloneRef(url, ref.tag, checkout, module, this.git);
      const commit = await headCommit(checkout, this.git);
      // `clone --branch` prefers a branch to a tag of the same name, and a tag can move between
      // the listing and the clone: either way the checkout is not what was resolved.
      if (ref.tag !== null && commit !== ref.commit)
        throw new HostedLoaderError(
          "git-failed",
          `Cloning tag "${ref.tag}" of ${module} gave commit ${commit}, not the tag's ${ref.commit}: a branch has the same name, or the tag moved meanwhile. Try again; if it persists, rename the branch upstream.`,
          module,
        );
      const branch = ref.tag === null ? await currentBranch(checkout, this.git) : null;
      await rm(join(checkout, ".git"), { recursive: true, force: true });
      await refuseOutsideLinks(checkout, module);
      const candidates = repositoryOf(exact).files;
      let moduleFile: string | undefined;
      for (const file of candidates) {
        if (await isFile(join(checkout, file))) {
          moduleFile = file;
          break;
        }
      }
      if (moduleFile === undefined)
        throw new HostedLoaderError(
          "module-file-missing",
          `The repository of ${module} holds no module file at ${ref.tag === null ? "its default branch" : `tag "${ref.tag}"`} (commit ${commit}): looked for ${candidates.join(" and ")}.`,
          module,
        );
      const manifest: InstallManifest = {
        format: 1,
        module,
        requested,
        url: await effectiveUrl(url, this.git),
        tag: ref.tag,
        branch,
        commit,
        sourceHash: await sourceHash(checkout),
        moduleFile,
        installedAt: new Date().toISOString(),
      };
      await writeManifest(checkout, manifest);
      const target = this.directoryOf(exact);
      await mkdir(dirname(target), { recursive: true });
      // Replacing an install: move the old one aside first; rename is atomic, a directory cannot
      // be renamed over a non-empty one.
      if (await exists(target)) await rename(target, join(work, "replaced"));
      await rename(checkout, target);
      return { name: exact, module, directory: target, moduleFile: join(target, moduleFile), manifest };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  // A process killed midway leaves its clone in ROOT/tmp (never in the layout); sweep those older
  // than the stale limit, which no live install can own.
  private async removeAbandonedWork(): Promise<void> {
    const tmp = temporaryDirectory(this.root);
    for (const entry of await directories(tmp)) {
      const path = join(tmp, entry);
      try {
        if (Date.now() - (await stat(path)).mtimeMs > this.lockStaleMs)
          await rm(path, { recursive: true, force: true });
      } catch {
        // Gone already: another process swept it.
      }
    }
  }

  private once(key: string, work: () => Promise<InstalledModule>): Promise<InstalledModule> {
    const running = this.pending.get(key);
    if (running !== undefined) return running;
    const started = work().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }

  private requireWhitelisted(name: HostedModuleName): void {
    const entries = this.whitelist();
    if (whitelistAllows(entries, name)) return;
    const module = formatModuleName(name);
    const prefix = [name.host, ...name.path.slice(0, 1)].join("/");
    throw new HostedLoaderError(
      "not-whitelisted",
      `${module} is not installed and ${prefix} is not on the whitelist, so it is not installed automatically. Install it by hand (\`termite install ${module}\`), or allow the location: add "${prefix}" to TERMITE_WHITELIST, to ${whitelistFile(this.root)}, or pass --whitelist ${prefix}. Whitelist now: ${entries.length === 0 ? "empty" : entries.map(formatWhitelistEntry).join(", ")}.`,
      module,
    );
  }

  private async requireInstalled(name: HostedModuleName | string): Promise<InstalledModule> {
    const found = await this.lookup(name);
    if (found !== undefined) return found;
    const module = formatModuleName(hostedName(name));
    throw new HostedLoaderError(
      "not-installed",
      `${module} is not installed; \`termite install ${module}\` installs it.`,
      module,
    );
  }

  private async installedAt(exact: HostedModuleName): Promise<InstalledModule | undefined> {
    const directory = this.directoryOf(exact);
    const manifest = await readManifest(directory);
    if (manifest === undefined) return undefined;
    return {
      name: exact,
      module: formatModuleName(exact),
      directory,
      moduleFile: join(directory, manifest.moduleFile),
      manifest,
    };
  }

  // Versions installed of one repository: the `@…` directory names without the `@`.
  private async installedVersions(name: HostedModuleName): Promise<string[]> {
    const repository = join(this.root, name.host, ...name.path);
    return (await directories(repository))
      .filter((d) => d.startsWith("@") && d !== "@")
      .map((d) => d.slice(1));
  }

  private async collect(directory: string, out: InstalledModule[]): Promise<void> {
    for (const entry of await directories(directory)) {
      const full = join(directory, entry);
      if (!entry.startsWith("@")) {
        await this.collect(full, out);
        continue;
      }
      const manifest = await readManifest(full);
      if (manifest === undefined) continue;
      const name = hostedName(manifest.module);
      out.push({
        name,
        module: manifest.module,
        directory: full,
        moduleFile: join(full, manifest.moduleFile),
        manifest,
      });
    }
  }

  private directoryOf(exact: HostedModuleName): string {
    return join(this.root, ...installDirectory(exact));
  }

  private lockPath(exact: HostedModuleName): string {
    return join(locksDirectory(this.root), ...installDirectory(exact));
  }

  private lockSettings() {
    return { timeoutMs: this.lockTimeoutMs, staleMs: this.lockStaleMs };
  }

  private async pruneEmptyParents(directory: string): Promise<void> {
    let current = directory;
    while (current.startsWith(this.root) && current !== this.root) {
      try {
        await rmdir(current);
      } catch {
        return;
      }
      current = dirname(current);
    }
  }
}

/** A hosted module name from its flat form or as given; `bad-name` for anything else. */
export function hostedName(name: HostedModuleName | string): HostedModuleName {
  if (typeof name !== "string") return name;
  let parsed: ReturnType<typeof parseModulePath>;
  try {
    parsed = parseModulePath(name);
  } catch (error) {
    if (ModuleNameError.isInstance(error))
      throw new HostedLoaderError("bad-name", error.message, name, { cause: error });
    throw error;
  }
  if (parsed.kind !== "hosted")
    throw new HostedLoaderError(
      "bad-name",
      `"${name}" is not a hosted module name: one starts with a host, like github.com/fred/hello@1.0.`,
      name,
    );
  return parsed;
}

async function directories(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

// A link out of the tree would let a module's `include` (or its module file) read any file of the
// machine that installs it.
async function refuseOutsideLinks(checkout: string, module: string): Promise<void> {
  for (const entry of await treeEntries(checkout)) {
    if (entry.kind !== "link") continue;
    const link = join(checkout, entry.path);
    const target = await readlink(link);
    const inside = relative(checkout, resolve(dirname(link), target));
    if (isAbsolute(target) || inside.startsWith("..") || isAbsolute(inside))
      throw new HostedLoaderError(
        "unsafe-link",
        `The repository of ${module} holds a symbolic link that leaves it: ${entry.path} -> ${target}. It is not installed.`,
        module,
      );
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
