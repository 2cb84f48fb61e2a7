// Hosted modules through the `termite` command, against a real `git daemon` on 127.0.0.1: hosts
// are mapped onto it with git's `url.<base>.insteadOf` (GIT_CONFIG_GLOBAL), each test has its own
// TERMITE_HOME. Runs the built CLI (dist/): build before testing.

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, GitServer, type TestRepository } from "@termite/hosted-loader/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const PORTS = { from: 46000, to: 46999 };
const server = new GitServer(PORTS);
let greet: TestRepository;

const greetSld = (word: string) => `(define-library (github.com/fred greet)
  (export make-greeter greet)
  (import (scheme base))
  (begin
    (define (make-greeter greeting)
      (lambda (name) (string-append greeting ", " name "!")))
    (define (greet name) ((make-greeter "${word}") name))))
`;

beforeAll(async () => {
  await server.start();
  server.mapHosts(["github.com", "gitlab.com"], await freePort(PORTS));
  // The seed's example: gitlab.com/zoo/cats@2.0 imports github.com/fred/hello@1.0.
  const hello = server.repository("github.com/fred/hello");
  hello.commit({
    "hello.sld": `(define-library (github.com/fred hello)
  (export hi)
  (import (scheme base) (scheme write))
  (begin (define (hi name) (display "hello ") (display name) (newline))))
`,
  });
  hello.tag("1.0");
  const cats = server.repository("gitlab.com/zoo/cats");
  cats.commit({
    "cats.sld": `(define-library (gitlab.com/zoo cats)
  (export main)
  (import (only (scheme base) define)
          (github.com/fred hello @1.0))
  (begin
    (define (main)
      (hi "lion")
      (hi "tiger"))))
`,
  });
  cats.tag("v2.0");
  greet = server.repository("github.com/fred/greet");
  greet.commit({ "greet.sld": greetSld("Hello") });
  greet.tag("1.0");
  greet.commit({ "greet.sld": greetSld("Howdy") });
  greet.tag("1.4.0");
  greet.tag("2.0");
}, 120_000);

afterAll(async () => {
  await server.stop();
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in `home` (TERMITE_HOME) with the daemon's git configuration. */
function termite(home: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: home,
      env: {
        ...process.env,
        TERMITE_HOME: home,
        TERMITE_WHITELIST: "",
        GIT_CONFIG_GLOBAL: server.config,
        GIT_CONFIG_NOSYSTEM: "1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function home(): string {
  return mkdtempSync(join(server.scratch, "home-"));
}

function script(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The compiled units in a home's cache. */
function compiledFiles(root: string): string[] {
  const dir = join(root, "compiled");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".mjs"));
}

describe("import of a hosted module", () => {
  it("installs it from a whitelisted location, compiles it once, and runs offline afterwards", async () => {
    const root = home();
    const file = script(
      root,
      "main.scm",
      `(import (github.com/fred greet @1.0))\n(display (greet "world"))\n(newline)\n`,
    );
    const first = await termite(root, ["run", "--whitelist", "github.com/fred", file]);
    expect(first.stderr).toBe("");
    expect(first.stdout).toBe("Hello, world!\n");
    expect(first.code).toBe(0);
    expect(existsSync(join(root, "github.com/fred/greet/@1.0/greet.sld"))).toBe(true);
    const cached = compiledFiles(root);
    expect(cached).toHaveLength(1);
    const cachedText = readFileSync(join(root, "compiled", cached[0]!), "utf8");

    // Offline: the host now maps to a closed port; the install and the compiled unit are reused.
    const offline = await termite(root, ["run", file], {
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_CONFIG_COUNT: "1",
      GIT_CONFIG_KEY_0: "url.git://127.0.0.1:1/.insteadOf",
      GIT_CONFIG_VALUE_0: "https://github.com/",
    });
    expect(offline).toMatchObject({ code: 0, stdout: "Hello, world!\n", stderr: "" });
    expect(compiledFiles(root)).toEqual(cached);
    expect(readFileSync(join(root, "compiled", cached[0]!), "utf8")).toBe(cachedText);
  });

  it("resolves a version range to the newest tag, whose exact version names the globals", async () => {
    const root = home();
    const file = script(
      root,
      "range.scm",
      `(import (github.com/fred greet @^1.0))\n(display (greet "range"))\n(newline)\n`,
    );
    const r = await termite(root, ["run", "--whitelist", "github.com", file]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("Howdy, range!\n");
    expect(existsSync(join(root, "github.com/fred/greet/@1.4.0/greet.sld"))).toBe(true);
    const [unit] = compiledFiles(root);
    expect(unit).toMatch(/^github\.com\/fred\/greet\/@1\.4\.0\/[0-9a-f]{64}\.mjs$/);
    const manifest = JSON.parse(
      readFileSync(join(root, "compiled", unit!.replace(/\.mjs$/, ".manifest.json")), "utf8"),
    );
    expect(manifest.module).toBe("github.com/fred/greet@1.4.0");
    expect(manifest.exports.greet).toBe("github.com/fred/greet@1.4.0#greet");
  });

  it("runs the seed's cats.sld from scratch: cats@2.0 installs hello@1.0, which it imports", async () => {
    const root = home();
    const file = script(root, "zoo.scm", `(import (gitlab.com/zoo cats @2.0))\n(main)\n`);
    const r = await termite(root, [
      "run",
      "--whitelist",
      "gitlab.com/zoo",
      "--whitelist",
      "github.com/fred",
      file,
    ]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("hello lion\nhello tiger\n");
    expect(r.code).toBe(0);
    expect(compiledFiles(root)).toHaveLength(2);
  });

  it("refuses a location outside the whitelist, at the import, saying how to allow it", async () => {
    const root = home();
    const file = script(
      root,
      "refused.scm",
      `(import (scheme base))\n(import (github.com/fred greet @1.0))\n`,
    );
    const r = await termite(root, ["run", file]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("refused.scm:2:9");
    expect(r.stderr).toContain("not on the whitelist");
    expect(r.stderr).toContain("termite install github.com/fred/greet@1.0");
    expect(r.stderr).toContain("--whitelist github.com/fred");
    expect(existsSync(join(root, "github.com"))).toBe(false);
  });
});

// The sender writes a compiled closure of a hosted module to a file; the receiver, another OS
// process with its own TERMITE_HOME that never had the module, reads it back.
const SENDER = (
  module: string,
) => `(import (scheme base) (scheme file) (scheme process-context) (termite wire) (${module}))
(call-with-port (open-binary-output-file (get-environment-variable "WIRE_FILE"))
  (lambda (port) (write-bytevector (object->u8vector (make-greeter "Ciao")) port)))
`;
const RECEIVER = `(import (scheme base) (scheme write) (scheme file) (scheme process-context) (termite wire))
(define bytes
  (call-with-port (open-binary-input-file (get-environment-variable "WIRE_FILE"))
    (lambda (port) (read-bytevector 1000000 port))))
(guard (e ((error-object? e) (display (error-object-message e)) (newline) (exit 3)))
  (let ((greeter (u8vector->object bytes)))
    (display (greeter "Bob"))
    (newline)))
`;

// The same, with a second green thread that can only have run if u8vector->object parked the
// main one (a decode that blocked the node would return before it ever ran).
const RECEIVER_WITH_OTHER_THREAD = RECEIVER.replace(
  "(termite wire))",
  "(termite wire) (termite))\n(define other-ran #f)\n(spawn (lambda () (set! other-ran #t)))",
).replace('(display (greeter "Bob"))', '(display (list other-ran (greeter "Bob")))');

describe("a received compiled closure of a hosted module the receiver never had", () => {
  it("is installed, compiled and loaded on arrival, and the closure runs", async () => {
    const sender = home();
    const receiver = home();
    const wireFile = join(sender, "message.bin");
    const send = await termite(
      sender,
      [
        "run",
        "--whitelist",
        "github.com/fred",
        script(sender, "send.scm", SENDER("github.com/fred greet @1.0")),
      ],
      { WIRE_FILE: wireFile },
    );
    expect(send).toMatchObject({ code: 0, stderr: "" });

    const refused = await termite(receiver, ["run", script(receiver, "receive.scm", RECEIVER)], {
      WIRE_FILE: wireFile,
    });
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain(
      "github.com/fred/greet@1.0 is not installed and github.com/fred is not on the whitelist",
    );
    expect(existsSync(join(receiver, "github.com"))).toBe(false);

    const received = await termite(
      receiver,
      ["run", script(receiver, "receive-threads.scm", RECEIVER_WITH_OTHER_THREAD)],
      { WIRE_FILE: wireFile, TERMITE_WHITELIST: "github.com/fred" },
    );
    expect(received).toMatchObject({ code: 0, stdout: "(#t Ciao, Bob!)\n", stderr: "" });
    expect(compiledFiles(receiver)).toHaveLength(1);
    // An interpreting receiver too: hosted libraries are always compiled (their code travels by
    // reference to compiled code), here from the cache the first run wrote.
    const interpreted = await termite(receiver, ["run", "--interpret", join(receiver, "receive.scm")], {
      WIRE_FILE: wireFile,
    });
    expect(interpreted).toMatchObject({ code: 0, stdout: "Ciao, Bob!\n", stderr: "" });
  });

  it("is refused when the receiver's copy differs (a moved tag), naming both hashes and the fix", async () => {
    const moving = server.repository("github.com/fred/moving");
    moving.commit({
      "moving.sld": greetSld("Old").replace("(github.com/fred greet)", "(github.com/fred moving)"),
    });
    moving.tag("1.0");
    const receiver = home();
    expect((await termite(receiver, ["install", "github.com/fred/moving@1.0"])).code).toBe(0);

    moving.commit({
      "moving.sld": greetSld("New").replace("(github.com/fred greet)", "(github.com/fred moving)"),
    });
    moving.tag("1.0"); // moved upstream after the receiver installed it
    const sender = home();
    const wireFile = join(sender, "message.bin");
    const send = await termite(
      sender,
      [
        "run",
        "--whitelist",
        "github.com/fred",
        script(sender, "send.scm", SENDER("github.com/fred moving @1.0")),
      ],
      { WIRE_FILE: wireFile },
    );
    expect(send).toMatchObject({ code: 0, stderr: "" });

    const received = await termite(receiver, ["run", script(receiver, "receive.scm", RECEIVER)], {
      WIRE_FILE: wireFile,
    });
    expect(received.code).toBe(3);
    expect(received.stdout).toContain("github.com/fred/moving@1.0");
    expect(received.stdout).toMatch(/received unit hash [0-9a-f]{64}, here [0-9a-f]{64}/);
    expect(received.stdout).toContain("termite update github.com/fred/moving@1.0");

    // The fix the message names.
    const updated = await termite(receiver, ["update", "github.com/fred/moving@1.0"]);
    expect(updated.stdout).toMatch(
      /^updated github\.com\/fred\/moving@1\.0: [0-9a-f]{12} -> [0-9a-f]{12}\n$/,
    );
    const again = await termite(receiver, ["run", join(receiver, "receive.scm")], { WIRE_FILE: wireFile });
    expect(again).toMatchObject({ code: 0, stdout: "Ciao, Bob!\n", stderr: "" });
  });
});

describe("termite install, list, update, uninstall", () => {
  it("installs by hand (no whitelist), compiles at once, lists, and uninstalls with its compiled code", async () => {
    const root = home();
    const installed = await termite(root, ["install", "gitlab.com/zoo/cats@2.0"]);
    expect(installed.stderr).toBe("");
    expect(installed.stdout).toMatch(/^installed gitlab\.com\/zoo\/cats@2\.0 \(v2\.0, [0-9a-f]{12}\)\n$/);
    expect(installed.code).toBe(0);
    expect(compiledFiles(root)).toHaveLength(2); // cats and the hello it imports

    const list = await termite(root, ["list"]);
    expect(list.stdout.split("\n").map((l) => l.split("\t")[0])).toEqual([
      "github.com/fred/hello@1.0",
      "gitlab.com/zoo/cats@2.0",
      "",
    ]);

    const removed = await termite(root, ["uninstall", "gitlab.com/zoo/cats@2.0"]);
    expect(removed).toMatchObject({ code: 0, stdout: "uninstalled gitlab.com/zoo/cats@2.0\n" });
    expect(existsSync(join(root, "gitlab.com/zoo/cats"))).toBe(false);
    expect(compiledFiles(root)).toHaveLength(1);
    const again = await termite(root, ["uninstall", "gitlab.com/zoo/cats@2.0"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("is not installed");
  });

  it("refuses hostile names before git runs, with exit 64", async () => {
    const root = home();
    for (const name of [
      "github.com/../etc@1.0",
      "github.com/fred/x;rm -rf@1.0",
      "/etc/passwd",
      "--upload-pack=x",
    ]) {
      const r = await termite(root, ["install", name]);
      expect(r.code, name).toBe(64);
      expect(r.stderr, name).toMatch(/^termite: /);
    }
    expect(readdirSync(root).filter((f) => f !== "tmp" && f !== "locks")).toEqual([]);
  });

  it("reports an unreachable host with exit 69 and leaves no half module", async () => {
    const root = home();
    const r = await termite(root, ["install", "gone.example/fred/hello@1.0"]);
    expect(r.code).toBe(69);
    expect(r.stderr).toContain("gone.example/fred/hello");
    expect(existsSync(join(root, "gone.example"))).toBe(false);
  });
});
