import { MemoryNetwork } from "@termite/transport";
import { expect, it } from "vitest";
import { testNode } from "./test-network.js";

it("smoke", async () => {
  const net = new MemoryNetwork();
  const a = await testNode(net);
  const b = await testNode(net);
  void a.start(`(node-init "mem:a")
(define server (spawn (lambda () (let loop () (recv ((from tag 'PING) (! from (list tag 'PONG)))) (loop)))))
(publish-service 'pong-server server)
(thread-join! server)`);
  await new Promise((r) => setTimeout(r, 50));
  expect(await b.run(`(node-init "mem:b") (define server (remote-service 'pong-server "mem:a")) (!? server 'PING 2 'timeout)`)).toBe("PONG");
  console.log(a.io.stderrText, b.io.stderrText);
});
