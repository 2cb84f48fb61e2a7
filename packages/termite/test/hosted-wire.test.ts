// Install on arrival inside one process: two systems with their own TERMITE_HOME, the receiver
// decoding messages that name hosted modules it never had (a real `git daemon` serves them).

import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { string } from "@termite/datum";
import { freePort, GitServer } from "@termite/hosted-loader/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSystem,
  type HostedProgress,
  hostedModulesPart,
  type TermiteSystem,
  wireOf,
} from "../src/index.js";

const PORTS = { from: 46000, to: 46999 };
const server = new GitServer(PORTS);

beforeAll(async () => {
  await server.start();
  server.mapHosts(["github.com", "gitlab.com"], await freePort(PORTS));
  const greet = server.repository("github.com/fred/greet");
  greet.commit({
    "greet.sld": `(define-library (github.com/fred greet)
  (export make-greeter greet)
  (import (scheme base))
  (begin
    (define (make-greeter greeting) (lambda (name) (string-append greeting ", " name "!")))
    (define (greet name) ((make-greeter "Hello") name))))
`,
  });
  greet.tag("1.0");
  const cats = server.repository("gitlab.com/zoo/cats");
  cats.commit({
    "cats.sld": `(define-library (gitlab.com/zoo cats)
  (export meow)
  (import (scheme base))
  (begin (define (meow) "meow")))
`,
  });
  cats.tag("1.0");
}, 120_000);

afterAll(async () => {
  await server.stop();
});

async function node(whitelist: string[], progress?: HostedProgress[]): Promise<TermiteSystem> {
  return createSystem({
    parts: [
      hostedModulesPart({
        root: mkdtempSync(join(server.scratch, "home-")),
        whitelist,
        env: {
          ...process.env,
          GIT_CONFIG_GLOBAL: server.config,
          GIT_CONFIG_NOSYSTEM: "1",
          TERMITE_WHITELIST: "",
        },
        onProgress: progress === undefined ? undefined : (e) => progress.push(e),
      }),
    ],
  });
}

async function value(system: TermiteSystem, text: string): Promise<unknown> {
  const r = await system.runScript(text);
  if (!r.normal) throw new Error(String((r.condition as Error)?.message ?? r.condition));
  return r.value;
}

async function call(system: TermiteSystem, procedure: unknown, ...args: unknown[]): Promise<unknown> {
  const r = await system.runInThread(() => (procedure as (...a: unknown[]) => unknown)(...args));
  if (!r.normal) throw new Error(String((r.condition as Error)?.message ?? r.condition));
  return r.value;
}

describe("messages naming hosted modules the receiver lacks", () => {
  it("installs the module once for two messages at once: a compiled closure and script code naming its global", async () => {
    const sender = await node(["github.com/fred", "gitlab.com/zoo"]);
    await value(sender, "(import (github.com/fred greet @1.0) (gitlab.com/zoo cats @1.0))");
    const wire = wireOf(sender)!;
    const closure = wire.encode(await value(sender, `(make-greeter "Ciao")`));
    const scriptCode = wire.encode(await value(sender, `(lambda (name) (greet name))`));
    const global = wire.encode(await value(sender, "meow"));

    const progress: HostedProgress[] = [];
    const receiver = await node(["github.com/fred"], progress);
    const receiving = wireOf(receiver)!;
    const [a, b, c] = await Promise.allSettled([
      receiving.decode(closure),
      receiving.decode(scriptCode),
      receiving.decode(global),
    ]);
    expect(a.status).toBe("fulfilled");
    expect(b.status).toBe("fulfilled");
    expect(String(await call(receiver, (a as PromiseFulfilledResult<unknown>).value, string("Bob")))).toBe(
      "Ciao, Bob!",
    );
    expect(String(await call(receiver, (b as PromiseFulfilledResult<unknown>).value, string("Ann")))).toBe(
      "Hello, Ann!",
    );
    // One install and one compile of greet for both messages.
    expect(progress.filter((e) => e.phase === "start")).toEqual([
      { kind: "install", phase: "start", module: "github.com/fred/greet@1.0" },
      { kind: "compile", phase: "start", module: "github.com/fred/greet@1.0" },
    ]);
    // The third message's module is not whitelisted here: that message alone fails, saying so.
    expect(c.status).toBe("rejected");
    expect(String((c as PromiseRejectedResult).reason.message)).toContain(
      "gitlab.com/zoo/cats@1.0 is not installed and gitlab.com/zoo is not on the whitelist",
    );
  });
});
