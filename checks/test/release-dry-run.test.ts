// Releasing works: on a copy of the workspace (sources, built dist/, pending changesets),
// `changeset version` bumps the packages, and `pnpm publish --dry-run` packs and checks every
// package for the registry. The copy keeps the repository untouched; the install in it is offline
// (from the store the set-up filled), and the dry run asks the registry nothing but who is logged in.

import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { userEnvironment } from "./user-environment.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const PNPM = ["--yes", "pnpm@10.34.9"];

/** The packages under packages/ that are published (not private), by directory. */
function packagesOf(base: string): { dir: string; name: string; version: string }[] {
  return readdirSync(join(base, "packages"))
    .filter((d) => existsSync(join(base, "packages", d, "package.json")))
    .map((d) => {
      const manifest = JSON.parse(readFileSync(join(base, "packages", d, "package.json"), "utf8"));
      return { dir: d, name: manifest.name, version: manifest.version, private: manifest.private === true };
    })
    .filter((p) => !p.private);
}

/** Packages named by the pending changesets. */
function pendingReleases(): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(join(root, ".changeset")).filter(
    (f) => f.endsWith(".md") && f !== "README.md",
  )) {
    const head =
      /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(root, ".changeset", file), "utf8"))?.[1] ?? "";
    for (const m of head.matchAll(/^"([^"]+)":/gm)) names.add(m[1]!);
  }
  return names;
}

it("changeset version, then a publish dry run of every package", () => {
  const copy = mkdtempSync(join(tmpdir(), "termite-release-"));
  const tracked = execFileSync(
    "git",
    ["ls-files", "packages", ".changeset", "benchmarks/package.json", "checks/package.json"],
    {
      cwd: root,
      encoding: "utf8",
    },
  )
    .split("\n")
    .filter((f) => f !== "" && !f.endsWith(".test.ts"));
  for (const file of [...tracked, "package.json", "pnpm-workspace.yaml", "pnpm-lock.yaml", "LICENSE"]) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
  const before = packagesOf(root);
  for (const p of before)
    cpSync(join(root, "packages", p.dir, "dist"), join(copy, "packages", p.dir, "dist"), { recursive: true });

  const changeset = join(root, "node_modules", "@changesets", "cli", "bin.js");
  execFileSync(process.execPath, [changeset, "version"], {
    cwd: copy,
    env: userEnvironment(),
    encoding: "utf8",
    stdio: "pipe",
  });
  const after = new Map(packagesOf(copy).map((p) => [p.name, p.version]));
  for (const name of pendingReleases()) {
    const old = before.find((p) => p.name === name)?.version;
    expect(after.get(name), name).not.toBe(old);
  }

  const install = spawnSync(
    "npx",
    [...PNPM, "install", "--offline", "--frozen-lockfile", "--ignore-scripts", "--reporter=append-only"],
    { cwd: copy, env: userEnvironment(), encoding: "utf8", timeout: 240_000 },
  );
  expect(install.status, install.stderr + install.stdout).toBe(0);
  const publish = spawnSync(
    "npx",
    [...PNPM, "-r", "--filter", "./packages/*", "publish", "--dry-run", "--no-git-checks"],
    { cwd: copy, env: userEnvironment(), encoding: "utf8", timeout: 240_000 },
  );
  expect(publish.status, publish.stderr + publish.stdout).toBe(0);
  for (const [name, version] of after) expect(publish.stdout).toContain(`+ ${name}@${version}`);
}, 600_000);
