// The loader against a real `git daemon` on 127.0.0.1, hosts mapped onto it with git's own
// `url.<base>.insteadOf` configuration (GIT_CONFIG_GLOBAL), as a user would map a mirror.

import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HostedLoader, HostedLoaderError, type HostedLoaderOptions, MANIFEST_FILE } from "../src/index.js";
import { freePort, GitServer, git, type TestRepository } from "../src/testing/index.js";

const server = new GitServer();
let hello: TestRepository;
const commits: Record<string, string> = {};

const sld = (name: string, body = "") =>
  `(define-library (github.com/fred ${name})\n  (export hi)\n  (import (scheme base))\n  (begin (define (hi) "hi from ${name}${body}")))\n`;

beforeAll(async () => {
  await server.start();
  server.mapHosts(["github.com", "gitlab.com"], await freePort());
  hello = server.repository("github.com/fred/hello");
  commits["1.0"] = hello.commit({ "hello.sld": sld("hello", " 1.0"), README: "hello\n" });
  hello.tag("1.0");
  commits["1.1"] = hello.commit({ "hello.sld": sld("hello", " 1.1") });
  hello.tag("v1.1", true);
  commits["1.2.0"] = hello.commit({
    "hello.sld": sld("hello", " 1.2.0"),
    "hello/helper.scm": "(define x 1)\n",
  });
  hello.tag("1.2.0");
  commits["2.0"] = hello.commit({ "hello.sld": sld("hello", " 2.0") });
  hello.tag("2.0");
  commits["3.0"] = hello.commit({ "hello.sld": sld("hello", " 3.0") });
  hello.tag("3.0");
  commits.main = hello.commit({ "hello.sld": sld("hello", " dev") });
  hello.tag("v3.0");
});

afterAll(async () => {
  await server.stop();
});

function loader(options: HostedLoaderOptions = {}, env: NodeJS.ProcessEnv = {}): HostedLoader {
  const root = mkdtempSync(join(server.scratch, "home-"));
  return new HostedLoader({
    root,
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: server.config,
      GIT_CONFIG_NOSYSTEM: "1",
      TERMITE_WHITELIST: "",
      ...env,
    },
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<HostedLoaderError> {
  try {
    await promise;
  } catch (error) {
    if (HostedLoaderError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a HostedLoaderError");
}

describe("versions", () => {
  it("installs @1.0 from tag 1.0 into the layout the expander reads", async () => {
    const l = loader();
    const installed = await l.install("github.com/fred/hello@1.0");
    expect(installed.directory).toBe(join(l.root, "github.com", "fred", "hello", "@1.0"));
    expect(installed.moduleFile).toBe(join(l.root, "github.com/fred/hello/@1.0/hello.sld"));
    expect(readFileSync(installed.moduleFile, "utf8")).toContain("hi from hello 1.0");
    expect(installed.manifest).toMatchObject({
      module: "github.com/fred/hello@1.0",
      tag: "1.0",
      commit: commits["1.0"],
    });
    expect(installed.manifest.url).toBe(`git://127.0.0.1:${server.port}/github.com/fred/hello.git`);
    expect(existsSync(join(installed.directory, ".git"))).toBe(false);
    expect(JSON.parse(readFileSync(join(installed.directory, MANIFEST_FILE), "utf8"))).toEqual(
      installed.manifest,
    );
  });

  it("takes tag v1.1 for @1.1 (annotated, peeled to its commit)", async () => {
    const installed = await loader().install("github.com/fred/hello@1.1");
    expect(installed.manifest).toMatchObject({ tag: "v1.1", commit: commits["1.1"] });
  });

  it("refuses @3.0 when tags 3.0 and v3.0 are on different commits", async () => {
    const error = await failure(loader().install("github.com/fred/hello@3.0"));
    expect(error.code).toBe("ambiguous-version");
    expect(error.message).toMatch(/tag "3\.0" is commit [0-9a-f]{12}, tag "v3\.0" is commit/);
  });

  it("resolves a range to the newest matching tag and names the install by it", async () => {
    const l = loader();
    const caret = await l.install("github.com/fred/hello@^1.0");
    expect(caret.module).toBe("github.com/fred/hello@1.2.0");
    expect(caret.manifest).toMatchObject({
      requested: "github.com/fred/hello@^1.0",
      tag: "1.2.0",
      commit: commits["1.2.0"],
    });
    const tilde = await l.install("github.com/fred/hello@~1.1");
    expect(tilde.module).toBe("github.com/fred/hello@1.1");
    // Offline: a range finds the newest installed version that satisfies it.
    expect((await l.lookup("github.com/fred/hello@^1.0"))?.module).toBe("github.com/fred/hello@1.2.0");
    expect(await l.lookup("github.com/fred/hello@~1.0")).toBeUndefined();
    expect((await l.resolve("github.com/fred/hello@^2")).name.version).toBe("2.0");
  });

  it("names the tags that exist when the version does not", async () => {
    const error = await failure(loader().install("github.com/fred/hello@9.9"));
    expect(error.code).toBe("no-such-version");
    expect(error.message).toContain("Tags that exist: 1.0, v1.1, 1.2.0, 2.0, 3.0, v3.0.");
  });
});

describe("layout and management", () => {
  it("keeps versions side by side, lists them, and uninstalls one", async () => {
    const l = loader();
    await l.install("github.com/fred/hello@1.0");
    await l.install("github.com/fred/hello@2.0");
    await l.install("github.com/fred/hello");
    expect((await l.list()).map((m) => m.module)).toEqual([
      "github.com/fred/hello",
      "github.com/fred/hello@1.0",
      "github.com/fred/hello@2.0",
    ]);
    expect(readFileSync(join(l.root, "github.com/fred/hello/@2.0/hello.sld"), "utf8")).toContain("2.0");
    expect(readFileSync(join(l.root, "github.com/fred/hello/@/hello.sld"), "utf8")).toContain("dev");
    expect(await l.uninstall("github.com/fred/hello@1.0")).toBe(true);
    expect(await l.uninstall("github.com/fred/hello@1.0")).toBe(false);
    expect((await l.list()).map((m) => m.module)).toEqual([
      "github.com/fred/hello",
      "github.com/fred/hello@2.0",
    ]);
    expect(existsSync(join(l.root, "github.com/fred/hello/@1.0"))).toBe(false);
    await l.uninstall("github.com/fred/hello@2.0");
    await l.uninstall("github.com/fred/hello");
    expect(existsSync(join(l.root, "github.com"))).toBe(false);
    expect(readdirSync(join(l.root, "tmp"))).toEqual([]);
  });

  it("installs the default branch and updates it when it moves", async () => {
    const dev = server.repository("github.com/fred/dev");
    const first = dev.commit({ "dev.sld": sld("dev", " one") });
    const l = loader();
    const installed = await l.install("github.com/fred/dev");
    expect(installed.manifest).toMatchObject({ tag: null, branch: "main", commit: first });
    expect(installed.directory).toBe(join(l.root, "github.com/fred/dev/@"));
    expect((await l.update("github.com/fred/dev")).changed).toBe(false);
    const second = dev.commit({ "dev.sld": sld("dev", " two") });
    // An install that is there is answered from disk; only update fetches.
    expect((await l.install("github.com/fred/dev")).manifest.commit).toBe(first);
    const updated = await l.update("github.com/fred/dev");
    expect(updated.changed).toBe(true);
    expect(updated.before?.manifest.commit).toBe(first);
    expect(updated.after.manifest.commit).toBe(second);
    expect(readFileSync(updated.after.moduleFile, "utf8")).toContain("hi from dev two");
  });

  it("finds the module in NAME/NAME.sld, and refuses a repository without the module file", async () => {
    const nested = server.repository("gitlab.com/zoo/cats");
    nested.commit({ "cats/cats.sld": sld("cats"), README: "cats\n" });
    nested.tag("1.0");
    nested.commit({ "cats/cats.sld": null, "other.sld": sld("other") });
    nested.tag("2.0");
    const l = loader();
    const installed = await l.install("gitlab.com/zoo/cats@1.0");
    expect(installed.moduleFile).toBe(join(l.root, "gitlab.com/zoo/cats/@1.0/cats/cats.sld"));
    const error = await failure(l.install("gitlab.com/zoo/cats@2.0"));
    expect(error.code).toBe("module-file-missing");
    expect(error.message).toContain('tag "2.0"');
    expect(error.message).toContain("cats.sld and cats/cats.sld");
    expect(existsSync(join(l.root, "gitlab.com/zoo/cats/@2.0"))).toBe(false);
    expect(readdirSync(join(l.root, "tmp"))).toEqual([]);
  });
});

describe("integrity", () => {
  it("catches a modified install and an unexpected hash; update restores it", async () => {
    const l = loader();
    const installed = await l.install("github.com/fred/hello@1.2.0");
    expect((await l.verify("github.com/fred/hello@1.2.0")).intact).toBe(true);
    await l.check("github.com/fred/hello@1.2.0", installed.manifest.sourceHash);
    writeFileSync(join(installed.directory, "hello/helper.scm"), "(define x 2)\n");
    const result = await l.verify("github.com/fred/hello@1.2.0");
    expect(result.intact).toBe(false);
    const error = await failure(l.check("github.com/fred/hello@1.2.0"));
    expect(error.code).toBe("modified");
    expect(error.message).toContain(result.actual);
    expect(error.message).toContain(installed.manifest.sourceHash);
    expect(error.message).toContain("termite update github.com/fred/hello@1.2.0");
    const updated = await l.update("github.com/fred/hello@1.2.0");
    expect(updated.changed).toBe(true);
    expect((await l.verify("github.com/fred/hello@1.2.0")).intact).toBe(true);
    expect(updated.after.manifest.sourceHash).toBe(installed.manifest.sourceHash);
  });

  it("keeps a moved tag's old copy until update, and tells the hashes apart", async () => {
    const moving = server.repository("github.com/fred/moving");
    moving.commit({ "moving.sld": sld("moving", " old") });
    moving.tag("1.0");
    const l = loader();
    const old = await l.install("github.com/fred/moving@1.0");
    moving.commit({ "moving.sld": sld("moving", " new") });
    moving.tag("1.0");
    expect((await l.install("github.com/fred/moving@1.0")).manifest.commit).toBe(old.manifest.commit);
    const updated = await l.update("github.com/fred/moving@1.0");
    expect(updated.changed).toBe(true);
    expect(updated.after.manifest.sourceHash).not.toBe(old.manifest.sourceHash);
    const error = await failure(l.check("github.com/fred/moving@1.0", old.manifest.sourceHash));
    expect(error.code).toBe("modified");
    expect(error.message).toContain(`${old.manifest.sourceHash} was expected`);
  });
});

describe("whitelist", () => {
  it("installs automatically only from whitelisted locations; by hand always", async () => {
    const l = loader();
    const refused = await failure(l.ensure("github.com/fred/hello@2.0"));
    expect(refused.code).toBe("not-whitelisted");
    expect(refused.message).toContain("TERMITE_WHITELIST");
    expect(refused.message).toContain("termite install github.com/fred/hello@2.0");
    expect(existsSync(join(l.root, "github.com"))).toBe(false);
    // Installed by hand, it is found without the whitelist and without the network.
    await l.install("github.com/fred/hello@2.0");
    expect((await l.ensure("github.com/fred/hello@2.0")).manifest.tag).toBe("2.0");
    expect((await l.install("github.com/fred/hello@2.0", { automatic: true })).manifest.tag).toBe("2.0");
    const allowed = loader({}, { TERMITE_WHITELIST: "github.com/fred" });
    expect((await allowed.ensure("github.com/fred/hello@1.0")).manifest.tag).toBe("1.0");
    const byOption = loader({ whitelist: ["github.com"] });
    expect(byOption.isWhitelisted("github.com/anyone/x")).toBe(true);
  });
});

describe("failures", () => {
  it("reports an unreachable host and a missing repository as unreachable", async () => {
    const l = loader();
    const gone = await failure(l.install("gone.example/fred/hello@1.0"));
    expect(gone.code).toBe("unreachable");
    expect(gone.message).toContain("gone.example/fred/hello@1.0");
    expect(gone.message).toContain("git://127.0.0.1:");
    const missing = await failure(l.install("github.com/fred/nothing-here@1.0"));
    expect(missing.code).toBe("unreachable");
    expect(existsSync(join(l.root, "gone.example"))).toBe(false);
  });

  it("refuses a repository with a symbolic link out of its tree", async () => {
    const linked = server.repository("github.com/fred/linked");
    linked.commit({ "linked.sld": sld("linked") });
    symlinkSync("/etc/passwd", join(linked.work, "secret.scm"));
    linked.commit({});
    linked.tag("1.0");
    const l = loader();
    const error = await failure(l.install("github.com/fred/linked@1.0"));
    expect(error.code).toBe("unsafe-link");
    expect(error.message).toContain("secret.scm -> /etc/passwd");
    expect(existsSync(join(l.root, "github.com/fred/linked"))).toBe(false);
  });

  it("refuses hostile names before git runs", async () => {
    const l = loader();
    for (const name of [
      "github.com/../etc@1.0",
      "github.com/fred/-upload-pack=x",
      "/etc/passwd",
      "github.com/fred/hello@1.0;rm",
      "scheme/base",
    ])
      expect((await failure(l.install(name))).code).toBe("bad-name");
    expect(existsSync(join(l.root, "tmp"))).toBe(false);
  });

  it("answers an installed exact version offline, with its host unreachable", async () => {
    const offline = server.repository("github.com/fred/offline");
    offline.commit({ "offline.sld": sld("offline") });
    offline.tag("1.0");
    const l = loader();
    await l.install("github.com/fred/offline@1.0");
    // A fresh loader whose github.com is a closed port (mapped through GIT_CONFIG_COUNT).
    const again = new HostedLoader({
      root: l.root,
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: "/dev/null",
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_CONFIG_COUNT: "1",
        GIT_CONFIG_KEY_0: `url.git://127.0.0.1:${await freePort()}/.insteadOf`,
        GIT_CONFIG_VALUE_0: "https://github.com/",
      },
    });
    expect((await again.ensure("github.com/fred/offline@1.0")).manifest.tag).toBe("1.0");
    expect((await again.lookup("github.com/fred/offline@^1.0"))?.module).toBe("github.com/fred/offline@1.0");
    const error = await failure(again.update("github.com/fred/offline@1.0"));
    expect(error.code).toBe("unreachable");
    expect(error.message).toContain("git://127.0.0.1:");
  });
});

describe("concurrency", () => {
  it("two installs of one module in one process share one clone", async () => {
    let compiled = 0;
    const l = loader({ onInstalled: () => void compiled++ });
    const [a, b] = await Promise.all([
      l.install("github.com/fred/hello@2.0"),
      l.install("github.com/fred/hello@2.0"),
    ]);
    expect(a.manifest).toEqual(b.manifest);
    expect(compiled).toBe(1);
  });
});

describe("refs", () => {
  it("refuses a checkout that is not the tag's commit (a branch of the same name)", async () => {
    const clash = server.repository("github.com/fred/clash");
    clash.commit({ "clash.sld": sld("clash", " tagged") });
    clash.tag("1.0");
    clash.commit({ "clash.sld": sld("clash", " branch") });
    git(clash.work, "push", "-q", "origin", "HEAD:refs/heads/1.0");
    const l = loader();
    const error = await failure(l.install("github.com/fred/clash@1.0"));
    expect(error.code).toBe("git-failed");
    expect(error.message).toContain('Cloning tag "1.0" of github.com/fred/clash@1.0 gave commit');
    expect(existsSync(join(l.root, "github.com/fred/clash"))).toBe(false);
  });
});
