// Each package as a user gets it: its packed tarball, installed into an empty project together with
// only the tarballs of its own @termite dependencies, runs its README's first example as ES module
// and as CommonJS (the same output, and what its `// =>` comments promise), and what it imports
// type-checks from an ES module and from CommonJS. (The example's own code is JavaScript and is not
// type-checked as TypeScript: several rely on loose typing, e.g. narrowing `unknown`.)

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { userEnvironment } from "./user-environment.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "termite-packed-"));
const packs = join(work, "packs");

interface Manifest {
  readonly name: string;
  readonly private?: boolean;
  readonly version: string;
  readonly dependencies?: Record<string, string>;
}

const packages = readdirSync(join(root, "packages"))
  .filter((d) => existsSync(join(root, "packages", d, "package.json")))
  .map((dir) => ({
    dir,
    manifest: JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) as Manifest,
  }));
const byName = new Map(packages.map((p) => [p.manifest.name, p]));

/** The package and the @termite packages it depends on, transitively. */
function closure(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const dep of Object.keys(byName.get(name)?.manifest.dependencies ?? {}))
    if (byName.has(dep)) closure(dep, seen);
  return seen;
}

/**
 * What the example needs installed: the package with its @termite dependencies, and any other
 * @termite package the example itself imports (the compiler's example reads and expands its
 * program with the reader and the library expander, as its user would install them).
 */
function installSet(name: string, example: string): Set<string> {
  const set = closure(name);
  for (const m of example.matchAll(/from\s*"(@termite\/[a-z-]+)"/g))
    if (byName.has(m[1]!)) closure(m[1]!, set);
  return set;
}

/**
 * The hosted loader's example clones `github.com/fred/hello`: a repository with the tags it names,
 * served by `file://` and mapped onto github.com with git's own `insteadOf`, as a user maps a mirror.
 */
function hostedLoaderEnvironment(project: string): NodeJS.ProcessEnv {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd, stdio: "pipe" });
  const source = join(project, "hello-source");
  mkdirSync(source, { recursive: true });
  git(source, "init", "-q", "-b", "main");
  for (const tag of ["1.0", "v1.1", "1.2.0", "2.0"]) {
    writeFileSync(
      join(source, "hello.sld"),
      `(define-library (github.com/fred hello) (export) (begin)) ; ${tag}\n`,
    );
    git(source, "add", "hello.sld");
    git(source, "commit", "-q", "-m", tag);
    git(source, "tag", tag);
  }
  const mirror = join(project, "mirror");
  mkdirSync(join(mirror, "fred"), { recursive: true });
  git(project, "clone", "-q", "--bare", source, join(mirror, "fred", "hello.git"));
  const config = join(project, "gitconfig");
  writeFileSync(config, `[url "file://${mirror}/"]\n\tinsteadOf = https://github.com/\n`);
  return { TERMITE_HOME: join(project, "home"), GIT_CONFIG_GLOBAL: config, GIT_CONFIG_NOSYSTEM: "1" };
}

/** `@termite/datum` packed as `termite-datum-0.1.0.tgz`. */
const tarball = (name: string) =>
  join(packs, `${name.replace("@", "").replace("/", "-")}-${byName.get(name)!.manifest.version}.tgz`);

/** The same example as CommonJS: imports become requires, the body an async function. */
function asCommonJs(esm: string): string {
  const body = esm.replace(/import\s*\{([^}]*)\}\s*from\s*("[^"]+");/g, (_m, names: string, from: string) => {
    return `const {${names}} = require(${from});`;
  });
  return `(async () => {\n${body}\n})().catch((e) => { console.error(e); process.exit(1); });\n`;
}

beforeAll(() => {
  execFileSync(
    "npx",
    ["--yes", "pnpm@10.34.9", "-r", "--filter", "./packages/*", "pack", "--pack-destination", packs],
    { cwd: root, env: userEnvironment(), stdio: "pipe" },
  );
}, 300_000);

describe("each package from its tarball, alone with its @termite dependencies", () => {
  for (const { dir, manifest } of packages.filter((p) => p.manifest.private !== true)) {
    it(`${manifest.name}: the README example runs as ESM and CJS, and type-checks`, () => {
      const readme = readFileSync(join(root, "packages", dir, "README.md"), "utf8");
      const example = /```js\n([\s\S]*?)```/.exec(readme)?.[1];
      expect(example, `packages/${dir}/README.md needs a \`\`\`js example of its use`).toBeDefined();
      const project = join(work, dir);
      mkdirSync(project, { recursive: true });
      writeFileSync(
        join(project, "package.json"),
        `${JSON.stringify({ name: `try-${dir}`, private: true })}\n`,
      );
      const install = spawnSync(
        "npm",
        [
          "install",
          "--no-audit",
          "--no-fund",
          "--prefer-offline",
          ...[...installSet(manifest.name, example!)].map(tarball),
        ],
        { cwd: project, env: userEnvironment(), encoding: "utf8", timeout: 240_000 },
      );
      expect(install.status, install.stderr).toBe(0);
      // Only the package, its own dependencies and what the example imports were installed.
      const installed = readdirSync(join(project, "node_modules", "@termite")).map((n) => `@termite/${n}`);
      expect(installed.sort()).toEqual([...installSet(manifest.name, example!)].sort());
      // The library-expander example reads a hosted module from ./modules, with only (scheme base).
      const hello = join(project, "modules", "github.com", "fred", "hello", "@1.0");
      mkdirSync(hello, { recursive: true });
      writeFileSync(
        join(hello, "hello.sld"),
        '(define-library (github.com/fred hello) (export hi) (import (scheme base))\n  (begin (define (hi name) (list "hello" name))))\n',
      );

      writeFileSync(join(project, "example.mjs"), example!);
      writeFileSync(join(project, "example.cjs"), asCommonJs(example!));
      const env =
        manifest.name === "@termite/hosted-loader"
          ? { ...process.env, ...hostedLoaderEnvironment(project) }
          : process.env;
      const run = (file: string) =>
        spawnSync(process.execPath, [file], { cwd: project, encoding: "utf8", timeout: 60_000, env });
      const esm = run("example.mjs");
      expect(esm.status, esm.stderr).toBe(0);
      const cjs = run("example.cjs");
      expect(cjs.status, cjs.stderr).toBe(0);
      expect(cjs.stdout).toBe(esm.stdout);
      const promised = [...example!.matchAll(/\/\/ => (.*)$/gm)].map((m) => m[1]!.trimEnd());
      if (promised.length > 0) expect(esm.stdout.trimEnd().split("\n")).toEqual(promised);

      // What the example imports has types, for an ES module and for CommonJS (nodenext resolution).
      const imports = [...example!.matchAll(/import\s*\{([^}]*)\}\s*from\s*("[^"]+");/g)];
      const uses = imports.map((m) => `void [${m[1]!.replace(/\s+/g, " ")}];`).join("\n");
      writeFileSync(join(project, "types.mts"), `${imports.map((m) => m[0]).join("\n")}\n${uses}\n`);
      writeFileSync(join(project, "types.cts"), `${imports.map((m) => m[0]).join("\n")}\n${uses}\n`);
      const tsc = spawnSync(
        process.execPath,
        [
          join(root, "node_modules", "typescript", "bin", "tsc"),
          "--noEmit",
          "--strict",
          "--module",
          "nodenext",
          "--target",
          "es2022",
          "--typeRoots",
          join(root, "node_modules", "@types"),
          "--types",
          "node",
          "types.mts",
          "types.cts",
        ],
        { cwd: project, encoding: "utf8", timeout: 120_000 },
      );
      expect(tsc.status, tsc.stdout).toBe(0);
    }, 600_000);
  }
});
