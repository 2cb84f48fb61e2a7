import { compileUnit } from "@termite/compiler";
import { list, procedureKind } from "@termite/datum";
import { CodeReferenceError } from "@termite/serializer";
import { beforeAll, describe, expect, it } from "vitest";
import { CompiledCodeTable } from "./compiled-codes.js";
import { type TestNode, testNode } from "./test-nodes.js";

// The same module compiled by the JS back end on two nodes: its closures and frames travel as
// (module, id, source hash) plus values, and the receiver supplies its own compiled code.
const SOURCE = `
(define (make-counter)
  (let ((n 0))
    (cons (lambda () (set! n (+ n 1)) n) (lambda () n))))
(define kc #f)
(define (deep x) (+ 1 (* 2 (call/cc (lambda (k) (set! kc k) x)))))
(define (noisy x)
  (dynamic-wind
    (lambda () (display "<"))
    (lambda () (let ((v (call/cc (lambda (k) (set! kc k) x)))) (display v) v))
    (lambda () (display ">"))))`;

async function compiledNode(source = SOURCE, asyncResolver = false): Promise<TestNode> {
  const table = new CompiledCodeTable();
  const node = await testNode({
    resolveCode: asyncResolver ? async (ref) => table.resolve(ref) : table.resolve,
  });
  const module = node.system.scriptSession().expandText(source, { file: "compiled.scm" });
  const unit = compileUnit(module.body, node.system.globals, {
    module: "test/compiled@1.0",
    unit: "c",
    source,
  });
  table.add(unit);
  await node.call(unit.run);
  return node;
}

let a: TestNode;
let b: TestNode;

beforeAll(async () => {
  [a, b] = await Promise.all([compiledNode(), compiledNode()]);
});

const send = (value: unknown) => b.wire.decodeSync(a.wire.encode(value));

describe("compiled code on the wire", () => {
  it("compiled closures over one boxed variable still share it on the receiver", async () => {
    const c = (await a.run("(define c (make-counter)) ((car c)) c")) as { car: unknown; cdr: unknown };
    expect(procedureKind(c.car)).toBe("compiled");
    const c2 = send(c) as { car: unknown; cdr: unknown };
    expect(await b.call(c2.car)).toBe(2);
    expect(await b.call(c2.car)).toBe(3);
    expect(await b.call(c2.cdr)).toBe(3);
    expect(await a.run("((cdr c))")).toBe(1);
  });

  it("a continuation through compiled and interpreted frames resumes on the receiver", async () => {
    expect(await a.run("(+ 100 (deep 5))")).toBe(111);
    const k = send(await a.run("kc"));
    expect(await b.call(k, 10)).toBe(121);
  });

  it("compiled dynamic-wind frames run their winders on the receiver's console", async () => {
    await a.run("(noisy 1)");
    const k = send(await a.run("kc"));
    const before = b.io.stdoutText.length;
    expect(await b.call(k, 7)).toBe(7);
    expect(b.io.stdoutText.slice(before)).toBe("<7>");
  });

  it("a receiver whose module was compiled from other source refuses with both hashes", async () => {
    const other = await compiledNode(`${SOURCE}\n(define changed #t)`);
    const bytes = a.wire.encode(await a.run("(car (make-counter))"));
    try {
      other.wire.decodeSync(bytes);
      expect.unreachable();
    } catch (e) {
      expect(CodeReferenceError.isInstance(e)).toBe(true);
      expect((e as CodeReferenceError).code).toBe("hash-mismatch");
    }
  });

  it("u8vector->object parks the green thread while an async resolver works", async () => {
    const c = await compiledNode(SOURCE, true);
    c.system.globals.define("#received", a.wire.encode(list([await a.run("(car (make-counter))")])));
    expect(await c.run("(let ((f (car (u8vector->object received)))) (f) (f))")).toBe(2);
  });
});
