// The page bundle in a real browser: Debian's Chromium, driven by playwright-core (which never
// downloads a browser of its own). A Scheme program with call/cc compiled and run in the page, and
// the tab transport between the page and a server node on Node.js, frames both ways.

import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PeerLost } from "@termite/transport";
import { createWsTransport } from "@termite/transport-ws";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALLCC_OUTPUT, CALLCC_PROGRAM, CALLCC_VALUE } from "./fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
// Ports 47500–47519 belong to this file.
const PAGE_PORT = 47500;
const NODE_PORT = 47501;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

// Flags for headless Chromium as root on a machine whose network is closed: without the
// background-networking ones it keeps trying to reach Google's hosts.
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const PAGE_HTML = `<!doctype html>
<meta charset="utf-8">
<title>Termite in a page</title>
<h1>Termite in a page</h1>
<pre id="output"></pre>
<script type="module">
  import * as termite from "/termite-page.js";
  window.termite = termite;
  document.body.dataset.ready = "yes";
</script>
`;

function servePage(): Promise<Server> {
  const scripts = new Map(
    ["termite-page.js", "node-packages.js"].map((name) => [
      `/${name}`,
      readFileSync(join(root, "dist", name)),
    ]),
  );
  const server = createServer((request, response) => {
    const script = scripts.get(request.url ?? "");
    if (request.url === "/") response.writeHead(200, { "content-type": "text/html" }).end(PAGE_HTML);
    else if (script) response.writeHead(200, { "content-type": "text/javascript" }).end(script);
    else response.writeHead(404).end();
  });
  return new Promise((listening) => server.listen(PAGE_PORT, "127.0.0.1", () => listening(server)));
}

// CI installs nothing by itself: where Debian's chromium is absent (apt-get install chromium), these
// tests are skipped, and say so in their name.
describe.skipIf(!existsSync(CHROMIUM))(`a page in Chromium (${CHROMIUM}; skipped when it is absent)`, () => {
  let browser: Browser;
  let pageServer: Server;
  let page: Page;

  beforeAll(async () => {
    pageServer = await servePage();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  }, 120_000);

  afterAll(async () => {
    if (page) {
      mkdirSync(join(root, "test-results"), { recursive: true });
      await page.screenshot({ path: join(root, "test-results", "chromium-page.png") }).catch(() => {});
    }
    await browser?.close();
    await new Promise((closed) => pageServer?.close(closed));
  });

  async function openPage(): Promise<Page> {
    const opened = await browser.newPage();
    const errors: string[] = [];
    opened.on("pageerror", (e) => errors.push(e.message));
    await opened.goto(`http://127.0.0.1:${PAGE_PORT}/`);
    await opened.waitForSelector("body[data-ready=yes]", { timeout: 60_000 }).catch((e) => {
      throw new Error(`the page did not load the bundle: ${errors.join("; ") || e}`);
    });
    return opened;
  }

  it("compiles and runs a Scheme program with call/cc in the page, its output in the DOM", async () => {
    page = await openPage();
    const run = await page.evaluate(async (program) => {
      const output = document.getElementById("output")!;
      const termite = (window as unknown as { termite: typeof import("../src/index.js") }).termite;
      return termite.runSchemeProgram(program, { onOutput: (text) => output.append(text) });
    }, CALLCC_PROGRAM);
    expect(run).toEqual({ normal: true, value: CALLCC_VALUE, output: CALLCC_OUTPUT });
    expect(await page.textContent("#output")).toBe(CALLCC_OUTPUT);
  });

  it("loads every package a node needs, whose serializer and in-memory transport work there", async () => {
    const page2 = await openPage();
    // A module script, not `import()` inside evaluate: vitest rewrites dynamic imports in test code.
    await page2.addScriptTag({
      type: "module",
      content: 'import * as all from "/node-packages.js"; window.nodePackages = all;',
    });
    await page2.waitForFunction(() => "nodePackages" in window, undefined, { timeout: 60_000 });
    const result = await page2.evaluate(async () => {
      const all = (window as unknown as { nodePackages: typeof import("../src/node-packages.js") })
        .nodePackages;
      const datum = all.reader.readAll('(1 "two" #(3.5) sym)')[0];
      const decoded = all.serializer.decodeSync(all.serializer.encode(datum));
      const network = new all.transport.MemoryNetwork();
      const a = all.transport.createMemoryTransport({ network });
      const b = all.transport.createMemoryTransport({ network });
      await a.listen("mem:a");
      await b.listen("mem:b");
      const got = new Promise<number[]>((done) => b.on("frame", (_from, frame) => done([...frame])));
      await a.send("mem:b", Uint8Array.of(7, 8, 9));
      return { written: all.datum.write(decoded), frame: await got, packages: Object.keys(all).sort() };
    });
    await page2.close();
    expect(result.written).toBe('(1 "two" #(3.5) sym)');
    expect(result.frame).toEqual([7, 8, 9]);
    expect(result.packages).toEqual([
      "compiler",
      "core",
      "datum",
      "libraryExpander",
      "reader",
      "runtime",
      "serializer",
      "transport",
      "transportWs",
    ]);
  });

  it("attaches as a tab to a Node.js server node and passes frames both ways", async () => {
    const node = createWsTransport();
    const nodeAddress = await node.listen(`ws://127.0.0.1:${NODE_PORT}`);
    const lost: PeerLost[] = [];
    node.on("peerLost", (l) => void lost.push(l));
    const heard: { from: string; text: string }[] = [];
    // The node answers each frame with its text upper-cased, so the tab sees its own frames return.
    node.on("frame", (from, frame) => {
      const text = new TextDecoder().decode(frame);
      heard.push({ from, text });
      void node.send(from, new TextEncoder().encode(text.toUpperCase()));
    });
    const tabPage = await browser.newPage();
    try {
      await tabPage.goto(`http://127.0.0.1:${PAGE_PORT}/`);
      await tabPage.waitForSelector("body[data-ready=yes]", { timeout: 60_000 });
      const fromTab = await tabPage.evaluate(async (server) => {
        const termite = (window as unknown as { termite: typeof import("../src/index.js") }).termite;
        const tab = termite.createTabTransport();
        const address = await tab.listen(server);
        const replies: { from: string; text: string }[] = [];
        const all = new Promise<void>((done) =>
          tab.on("frame", (from, frame) => {
            replies.push({ from, text: new TextDecoder().decode(frame) });
            if (replies.length === 20) done();
          }),
        );
        for (let i = 0; i < 20; i++) await tab.send(server, new TextEncoder().encode(`frame ${i}`));
        await all;
        return { address, replies };
      }, nodeAddress);
      expect(fromTab.address).toMatch(new RegExp(`^${nodeAddress}/tab/\\d+$`));
      expect(heard).toEqual(
        Array.from({ length: 20 }, (_, i) => ({ from: fromTab.address, text: `frame ${i}` })),
      );
      expect(fromTab.replies).toEqual(
        Array.from({ length: 20 }, (_, i) => ({ from: nodeAddress, text: `FRAME ${i}` })),
      );
      await tabPage.close();
      const end = Date.now() + 15_000;
      while (lost.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(lost[0]).toMatchObject({ peer: fromTab.address });
      expect(["closed", "disconnected"]).toContain(lost[0]!.reason);
    } finally {
      await node.close();
    }
  });
});
