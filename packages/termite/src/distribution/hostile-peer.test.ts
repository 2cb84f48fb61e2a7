// Nothing a peer sends takes a node down: each bad frame is dropped with one log line naming the
// peer and the reason (once per reason, not per frame), and the node's processes go on.

import { COMPILER_ABI } from "@termite/compiler";
import { encode } from "@termite/serializer";
import { createMemoryTransport, MemoryNetwork } from "@termite/transport";
import { describe, expect, it } from "vitest";
import {
  controlFrame,
  DISTRIBUTION_PROTOCOL,
  FrameKind,
  jsonFrame,
  messageFrame,
  serviceMessageFrame,
} from "./frames.js";
import { testNode, until } from "./test-network.js";

const SERVER = `(node-init "mem:target")
(define s (spawn (lambda () (let loop () (recv ((from tag m) (! from (list tag m)))) (loop)))))
(publish-service 'echo s)
(thread-join! s)`;

describe("a hostile peer", () => {
  it("garbage, frames before the handshake, bad messages and floods are dropped and logged once", async () => {
    const net = new MemoryNetwork();
    const node = await testNode(net);
    void node.start(SERVER);
    await until(() => node.distribution.started);
    const evil = createMemoryTransport({ network: net });
    await evil.listen("mem:evil");
    const send = (frame: Uint8Array) => evil.send("mem:target", frame);

    await send(new Uint8Array([FrameKind.MESSAGE, 1, 2])); // before any handshake
    await send(new Uint8Array(0));
    await send(new Uint8Array([FrameKind.HELLO, 0x7b, 0x7b])); // not JSON
    await send(
      jsonFrame(FrameKind.HELLO, {
        protocol: DISTRIBUTION_PROTOCOL,
        node: "mem:evil",
        incarnation: 7,
        wire: 1,
        abi: COMPILER_ABI,
      }),
    );
    await send(new Uint8Array([0xee, 1, 2, 3])); // unknown kind
    await send(new Uint8Array([FrameKind.MESSAGE, 0, 0])); // truncated header
    await send(new Uint8Array([FrameKind.SERVICE_MESSAGE, 0, 200, 65])); // truncated name
    // A wire message of another version, then bytes that are no wire message (the same reason:
    // logged once).
    const v1 = encode(42);
    const v2 = v1.slice();
    v2[4] = 2;
    await send(serviceMessageFrame("echo", v2));
    await send(serviceMessageFrame("echo", new Uint8Array([1, 2, 3])));
    await send(controlFrame(new Uint8Array([0xff])));
    await send(controlFrame(encode(["no-such-notice", 1])));
    await send(controlFrame(encode("not a vector")));
    // A message naming code this node cannot resolve (a hosted module it does not have).
    const unknownCode = encode(() => 1, {
      describe: () => ({ code: { module: "github.com/nobody/nothing@1.0", id: "#f", hash: "00ff" } }),
    });
    await send(serviceMessageFrame("echo", unknownCode));
    // A flood of messages for processes that do not exist: one line.
    for (let i = 0; i < 2000; i++) await send(messageFrame(1, 999_999, v1));
    await send(serviceMessageFrame("nobody", v1));

    await until(() => node.io.stderrText.includes("which nobody holds"));
    const lines = node.io.stderrText.trim().split("\n");
    for (const l of lines) expect(l).toMatch(/^termite: node mem:target: mem:evil: /);
    const text = node.io.stderrText;
    expect(text).toContain("frame before the handshake dropped");
    expect(text).toContain("empty frame dropped");
    expect(text).toContain("malformed frame dropped (the handshake is not UTF-8 JSON)");
    expect(text).toContain("unknown frame kind 0xee dropped");
    expect(text).toMatch(/undecodable message dropped \(bad-version\)/);
    expect(text).toMatch(/undecodable message dropped \(malformed\)/);
    expect(text).toMatch(/undecodable message dropped \(unknown\) \(.*github\.com\/nobody\/nothing@1\.0/);
    expect(text).toMatch(/undecodable notice dropped \(unsupported-cbor\)/);
    expect(text).toContain('unknown notice "no-such-notice" dropped');
    expect(text).toContain("malformed notice dropped");
    expect(text).toContain("message for service nobody, which nobody holds, dropped");
    expect(text.split("message for a process that does not exist dropped").length - 1).toBe(1);
    expect(lines.length).toBeLessThan(20);

    // The node goes on serving others.
    const client = await testNode(net);
    expect(
      await client.run(
        `(node-init "mem:ok") (!? (remote-service 'echo "mem:target") 'still-here 2 'timeout)`,
      ),
    ).toBe("still-here");
    await evil.close();
  });
});

describe("limits", () => {
  it("a message larger than the transport's frame limit is an error for its sender, naming both sizes", async () => {
    const net = new MemoryNetwork();
    const small = createMemoryTransport({ network: net, maxFrameBytes: 1000 });
    const a = await testNode(net, "compile", { transports: [small] });
    const b = await testNode(net);
    await b.run(`(node-init "mem:big-target")`);
    const e = await a.fail(
      `(node-init "mem:big-sender") (! (remote-service 'x "mem:big-target") (make-bytevector 5000 0))`,
    );
    expect(String((e as { message?: string }).message)).toMatch(
      /the message is \d+ bytes; the transport's limit is 1000/,
    );
    // Small messages still go.
    expect(await a.run(`(ping "mem:big-target")`)).toBe("pong");
  });
});
