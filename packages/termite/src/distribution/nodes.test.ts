// Several nodes in one OS process over the in-memory transport: the seed's two-node programs,
// remote spawn, links and monitors across nodes, migration, services, ids through a third node.

import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ErrorObject, intern, write } from "@termite/datum";
import { MemoryNetwork } from "@termite/transport";
import { describe, expect, it } from "vitest";
import { describeCondition } from "../report.js";
import { processesOf } from "../termite-library/index.js";
import { testNode, until } from "./test-network.js";

const seedDir = join(__dirname, "..", "..", "test", "seed", "nodes");
/** A seed program of test/seed/nodes, with the node address `:7000` moved to `addr`. */
function seed(name: string, addr: string): string {
  return readFileSync(join(seedDir, name), "utf8").replaceAll('":7000"', JSON.stringify(addr));
}

function published(node: Awaited<ReturnType<typeof testNode>>, name: string): Promise<void> {
  return until(() => processesOf(node.system)!.resolve(intern(name)) !== undefined);
}

describe.each(["compile", "interpret"] as const)("%s", (backend) => {
  it("the seed's pong server and client on two nodes", async () => {
    const net = new MemoryNetwork();
    const server = await testNode(net, backend);
    const client = await testNode(net, backend);
    void server.start(seed("pong-server.scm", "mem:pong"), "pong-server.scm");
    await published(server, "pong-server");
    await client.run(seed("pong-client.scm", "mem:pong"), "pong-client.scm");
    expect(client.io.stdoutText).toBe("PONG\n");
    expect(server.io.stderrText + client.io.stderrText).toBe("");
  });

  it("hot code update: the server receives the client's continuation and answers HELLO", async () => {
    const net = new MemoryNetwork();
    const server = await testNode(net, backend);
    const client = await testNode(net, backend === "compile" ? "interpret" : "compile");
    void server.start(seed("update-server.scm", "mem:update"), "update-server.scm");
    await published(server, "pong-server");
    await client.run(seed("update-client.scm", "mem:update"), "update-client.scm");
    expect(client.io.stdoutText).toBe("PONG\nHELLO\n");
    expect(server.io.stderrText + client.io.stderrText).toBe("");
  });

  it("remote-spawn runs a closure on the other node; ping answers pong or no-reply", async () => {
    const net = new MemoryNetwork();
    const a = await testNode(net, backend);
    const b = await testNode(net, backend);
    await a.run(`(node-init "mem:a")`);
    const out = await b.run(`
      (node-init "mem:b")
      (define pid
        (let ((me (self)) (base 40))
          (remote-spawn "mem:a" (lambda () (! me (list (current-node) (+ base 2)))))))
      (list (process? pid) (?) (ping "mem:a") (ping "mem:nobody" 0.2) (ping (current-node)))`);
    expect(out).toBe('(#t ("mem:a" 42) pong no-reply pong)');
  });

  it("an RPC of a closure: the server calls what the client sent", async () => {
    const net = new MemoryNetwork();
    const a = await testNode(net, backend);
    const b = await testNode(net, backend);
    void a.start(`(node-init "mem:rpc")
      (define server (spawn (lambda () (let loop () (recv ((from tag thunk) (! from (list tag (thunk))))) (loop)))))
      (publish-service 'rpc server)
      (thread-join! server)`);
    await published(a, "rpc");
    const out = await b.run(`(node-init "mem:rpc-client")
      (define rpc (remote-service 'rpc "mem:rpc"))
      (let* ((counter 0)
             (bump! (lambda () (set! counter (+ counter 1)) counter)))
        (list (!? rpc (lambda () (map (lambda (x) (* x x)) '(1 2 3))))
              (!? rpc (lambda () (list (current-node) (bump!) (bump!))))
              counter))`);
    // The closure's variable travels with it as a copy: the client's `counter` is unchanged.
    expect(out).toBe('((1 4 9) ("mem:rpc" 1 2) 0)');
  });

  it("a script's globals travel with its code as copies, never binding to the receiver's", async () => {
    const net = new MemoryNetwork();
    const a = await testNode(net, backend);
    const b = await testNode(net, backend);
    void a.start(`(node-init "mem:rpc")
      (define counter 100)
      (define (bump!) 'the-servers-own)
      (define server (spawn (lambda () (let loop () (recv ((from tag thunk) (! from (list tag (thunk))))) (loop)))))
      (publish-service 'rpc server)
      (thread-join! server)`);
    await published(a, "rpc");
    const out = await b.run(`(node-init "mem:rpc-client")
      (define counter 0)
      (define (bump!) (set! counter (+ counter 1)) counter)
      (define rpc (remote-service 'rpc "mem:rpc"))
      (list (!? rpc (lambda () (list (bump!) (bump!) counter)))
            counter
            (!? rpc (lambda () counter)))`);
    // The server ran the client's bump! on a copy of the client's counter; its own are untouched.
    expect(out).toBe("((1 2 2) 0 0)");
    expect(await a.run("(list counter (bump!))")).toBe("(100 the-servers-own)");
    // A global that cannot travel is named.
    const e =
      await b.fail(`(define log-port (open-output-file "${join(tmpdir(), `termite-log-port-${process.pid}.txt`)}"))
      (!? rpc (lambda () (write 'x log-port)) 1 #f)`);
    expect(write(e)).toContain("value of global log-port");
  });

  it("an error in a remote-spawn-link process ends the caller with the remote node, procedure and position", async () => {
    const net = new MemoryNetwork();
    const a = await testNode(net, backend);
    const b = await testNode(net, backend);
    await a.run(`(node-init "mem:a")`);
    const condition = await b.fail(`(node-init "mem:b")
(remote-spawn-link "mem:a" (lambda ()
  (define (explode x)
    (car x))
  (explode 5)))
(?)`);
    expect(condition).toBeInstanceOf(ErrorObject);
    expect((condition as { code?: string }).code).toBe("linked-process-failed");
    const report = describeCondition(condition);
    expect(report).toContain("a linked process ended abnormally #<process mem:a");
    expect(report).toMatch(/in explode on mem:a \(test\.scm:4:5\)/);
    // The node where it failed reports it too.
    expect(a.io.stderrText).toContain("ended by an uncaught error: car:");
  });

  it("monitors across nodes hear normal ends, errors and noproc", async () => {
    const net = new MemoryNetwork();
    const a = await testNode(net, backend);
    const b = await testNode(net, backend);
    await a.run(`(node-init "mem:a")`);
    const out = await b.run(`(node-init "mem:b")
      (define (down-reason tag) (recv (('DOWN t pid reason) (where (eq? t tag)) reason)))
      (define quick (remote-spawn "mem:a" (lambda () 'done)))
      (define waiter (remote-spawn "mem:a" (lambda () (?) (raise 'boom))))
      (define t1 (monitor quick))
      (define t2 (monitor waiter))
      (! waiter 'go)
      (define gone (remote-spawn "mem:a" (lambda () #t)))
      (thread-sleep! 0.05)
      (define t3 (monitor gone))
      (list (down-reason t2) (memq (down-reason t1) '(normal noproc)) (down-reason t3))`);
    expect(out).toMatch(/^\(boom \((normal|noproc)\) noproc\)$/);
  });

  it("a lost node: linked processes end with noconnection and monitors get DOWN noconnection within a second", async () => {
    const net = new MemoryNetwork();
    const a = await testNode(net, backend);
    const b = await testNode(net, backend);
    await a.run(`(node-init "mem:a")`);
    await b.run(`(node-init "mem:b")
      (define remote (remote-spawn "mem:a" (lambda () (?))))
      (define watcher (spawn (lambda () (let ((tag (monitor remote))) (recv (msg (set! seen msg)))))))
      (define seen #f)
      (define linked (spawn (lambda () (link remote) (?))))`);
    await new Promise((r) => setTimeout(r, 50));
    const lost = Date.now();
    net.crash(a.distribution.address);
    await until(() => processesOf(b.system)!.all().next().value !== undefined);
    let seen = "#f";
    while (seen === "#f" && Date.now() - lost < 3000) {
      seen = await b.run("seen");
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(Date.now() - lost).toBeLessThan(1000);
    expect(seen).toMatch(/^\(DOWN #<tag mem:b \d+> #<process mem:a \d+> noconnection\)$/);
    const joined = await b.fail(`(thread-join! linked)`);
    expect(write(joined)).toMatch(/linked process ended abnormally" #<process mem:a \d+> noconnection/);
  });

  it("migrate-task: the process goes on at the other node and its old id is dead", async () => {
    const net = new MemoryNetwork();
    const a = await testNode(net, backend);
    const b = await testNode(net, backend);
    await a.run(`(node-init "mem:a")`);
    const out = await b.run(`(node-init "mem:b")
      (define traveller
        (let ((me (self)))
          (spawn (lambda ()
                   (define before (current-node))
                   (migrate-task "mem:a")
                   (! me (list before (current-node) (self)))))))
      (define tag (monitor traveller))
      (define report (recv ((b a pid) (list b a (eq? pid traveller)))))
      (list report (recv (('DOWN t pid reason) reason)))`);
    expect(out).toBe('(("mem:b" "mem:a" #f) normal)');
    expect(a.io.stdoutText + a.io.stderrText + b.io.stderrText).toBe("");
  });

  it("migrate/proxy: the old id forwards to the process on the other node", async () => {
    const net = new MemoryNetwork();
    const a = await testNode(net, backend);
    const b = await testNode(net, backend);
    await a.run(`(node-init "mem:a")`);
    const out = await b.run(`(node-init "mem:b")
      (define traveller
        (spawn (lambda ()
                 (migrate/proxy "mem:a")
                 (let loop ()
                   (recv ((from tag msg) (! from (list tag (list msg (current-node))))))
                   (loop)))))
      (thread-sleep! 0.05)
      (list (!? traveller 'where 2 'timeout) (!? traveller 'again 2 'timeout))`);
    expect(out).toBe('((where "mem:a") (again "mem:a"))');
  });

  it("process ids and tags stay valid when forwarded through a third node", async () => {
    const net = new MemoryNetwork();
    const [a, b, c] = [
      await testNode(net, backend),
      await testNode(net, backend),
      await testNode(net, backend),
    ];
    void c.start(`(node-init "mem:c")
      (define echo (spawn (lambda () (let loop () (recv ((from tag msg) (! from (list tag msg)))) (loop)))))
      (publish-service 'echo echo) (thread-join! echo)`);
    void b.start(`(node-init "mem:b")
      (define fwd (spawn (lambda () (let loop () (recv (msg (! (remote-service 'echo "mem:c") msg))) (loop)))))
      (publish-service 'forwarder fwd) (thread-join! fwd)`);
    await published(c, "echo");
    await published(b, "forwarder");
    const out = await a.run(`(node-init "mem:a")
      (define t (make-tag))
      (list (!? (remote-service 'forwarder "mem:b") (list 'hello (self) t) 2 'timeout))`);
    expect(out).toMatch(/^\(\(hello #<process mem:a \d+> #<tag mem:a \d+>\)\)$/);
    // The id and tag that came back are this node's own objects.
    expect(
      await a.run(
        `(let ((r (!? (remote-service 'forwarder "mem:b") (list (self) t) 2 #f))) (and r (eq? (car r) (self)) (eq? (cadr r) t)))`,
      ),
    ).toBe("#t");
  });
});

describe("one node restarted on the same address is a new incarnation", () => {
  it("ids of the old incarnation are dead: a monitor of one answers noproc", async () => {
    const net = new MemoryNetwork();
    const a1 = await testNode(net);
    const b = await testNode(net);
    void a1.start(`(node-init "mem:a")
      (define s (spawn (lambda () (let loop () (recv ((from tag m) (! from (list tag (self))))) (loop)))))
      (publish-service 'svc s) (thread-join! s)`);
    await published(a1, "svc");
    await b.run(`(node-init "mem:b") (define old (!? (remote-service 'svc "mem:a") 'who 2 #f))`);
    expect(await b.run("(process? old)")).toBe("#t");
    net.crash("mem:a");
    const a2 = await testNode(net);
    void a2.start(`(node-init "mem:a")
      (define s (spawn (lambda () (let loop () (recv ((from tag m) (! from (list tag (self))))) (loop)))))
      (publish-service 'svc s) (thread-join! s)`);
    await published(a2, "svc");
    const out = await b.run(`(define new (!? (remote-service 'svc "mem:a") 'who 2 #f))
      (define t (monitor old))
      (list (eq? old new) (recv (('DOWN tag pid reason) (where (eq? tag t)) reason)))`);
    expect(out).toBe("(#f noproc)");
  });
});

describe("before node-init", () => {
  it("remote-spawn and ! to another node say that this node has not joined a network", async () => {
    const net = new MemoryNetwork();
    const a = await testNode(net);
    await a.run(`(node-init "mem:lonely-target")`);
    const b = await testNode(net);
    expect(write(await b.fail(`(remote-spawn "mem:lonely-target" (lambda () 1))`))).toContain(
      "has not joined a network",
    );
    expect(write(await b.fail(`(! (remote-service 'x "mem:lonely-target") 1)`))).toContain(
      "has not joined a network",
    );
  });
});

describe("handshake", () => {
  it("a node with another compiler ABI is refused with a clear message on both sides", async () => {
    const net = new MemoryNetwork();
    const a = await testNode(net, "compile", { compilerAbi: 999 });
    const b = await testNode(net);
    await a.run(`(node-init "mem:odd")`);
    await b.run(`(node-init "mem:b")`);
    const condition = await b.fail(`(remote-spawn "mem:odd" (lambda () 1))`);
    expect(write(condition)).toMatch(/compiler ABI 999 is not this node's \d+|refused/);
    await until(() => a.io.stderrText.includes("refused"));
    expect(a.io.stderrText).toMatch(/mem:b: refused \(compiler ABI \d+ is not this node's 999/);
    expect(b.io.stderrText).toMatch(/mem:odd: refused this node/);
    // Later sends say why at once.
    const again = await b.fail(`(! (remote-service 'x "mem:odd") 'hello)`);
    expect(write(again)).toContain("compiler ABI");
  });
});

describe("eight nodes in a full mesh", () => {
  it("exchange messages while one is killed; the others hear noconnection and go on", async () => {
    const net = new MemoryNetwork();
    const nodes = await Promise.all(Array.from({ length: 8 }, () => testNode(net)));
    const echo = `(define s (spawn (lambda () (let loop () (recv ((from tag m) (! from (list tag m)))) (loop)))))
      (publish-service 'echo s) (thread-join! s)`;
    for (const [i, n] of nodes.entries()) void n.start(`(node-init "mem:n${i}") ${echo}`);
    for (const n of nodes) await published(n, "echo");
    const others = (i: number) => nodes.map((_, j) => j).filter((j) => j !== i);
    // Each node asks every other one, and monitors the echo of node 7.
    const round = (i: number, label: string) =>
      nodes[
        i
      ]!.run(`(map (lambda (j) (!? (remote-service 'echo (string-append "mem:n" (number->string j))) '${label} 2 'timeout))
                         '(${others(i).join(" ")}))`);
    const before = await Promise.all(nodes.map((_, i) => round(i, "before")));
    for (const r of before) expect(r).toBe(`(${Array(7).fill("before").join(" ")})`);
    const watchers = nodes
      .slice(0, 7)
      .map((n) =>
        n.run(
          `(let ((t (monitor (remote-service 'echo "mem:n7")))) (recv (('DOWN tag pid reason) (where (eq? tag t)) reason)))`,
        ),
      );
    await new Promise((r) => setTimeout(r, 20));
    net.crash("mem:n7");
    for (const w of watchers) expect(await w).toBe("noconnection");
    const after = await Promise.all(nodes.slice(0, 7).map((_, i) => round(i, "after")));
    for (const [i, r] of after.entries()) {
      const expected = others(i).map((j) => (j === 7 ? "timeout" : "after"));
      expect(r).toBe(`(${expected.join(" ")})`);
    }
  }, 60_000);
});
