import { char, EOF, ErrorObject, intern, string, write } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { ControlledSource, inThread, raised, settle, testNode } from "./test-helpers.js";

const s = string;

describe("read from a string port", () => {
  it("reads one datum per call, then EOF", () => {
    const { call } = testNode();
    const p = call("open-input-string", s('(a "b" #\\c) 42 #(1 2) ; comment\n  '));
    expect(write(call("read", p))).toBe('(a "b" #\\c)');
    expect(call("read", p)).toBe(42);
    expect(write(call("read", p))).toBe("#(1 2)");
    expect(call("read", p)).toBe(EOF);
    expect(call("read", p)).toBe(EOF);
  });

  it("leaves the rest of the text for char reads", () => {
    const { call } = testNode();
    const p = call("open-input-string", s("foo bar\nnext"));
    expect(call("read", p)).toBe(intern("foo"));
    expect(call("read-char", p)).toBe(char(32));
    expect(call("read", p)).toBe(intern("bar"));
    expect(write(call("read-line", p))).toBe('""');
    expect(write(call("read-line", p))).toBe('"next"');
  });

  it("keeps #!fold-case in force for later reads on the same port", () => {
    const { call } = testNode();
    const p = call("open-input-string", s("#!fold-case ABC Def #!no-fold-case XY"));
    expect(call("read", p)).toBe(intern("abc"));
    expect(call("read", p)).toBe(intern("def"));
    expect(call("read", p)).toBe(intern("XY"));
    // Another port starts without folding.
    expect(call("read", call("open-input-string", s("Q")))).toBe(intern("Q"));
  });

  it("reads #!eof as the eof object", () => {
    const { call } = testNode();
    expect(call("read", call("open-input-string", s("#!eof 1")))).toBe(EOF);
  });

  it("raises read-error? conditions with the line and column in the whole port text", () => {
    const { call } = testNode();
    const p = call("open-input-string", s("ok\n  (fine)\n  (a . b c)"));
    call("read", p);
    call("read", p);
    const e = raised(() => call("read", p));
    expect(e).toBeInstanceOf(ErrorObject);
    expect(e.kind).toBe("read");
    expect(e.who).toBe("read");
    expect(e.message.startsWith("3:10: ")).toBe(true);
    expect(e.irritants).toEqual([intern("bad-dotted-list")]);
  });

  it("reports an unterminated list at end of text as a read error, and moves on", () => {
    const { call } = testNode();
    const p = call("open-input-string", s("(1 2"));
    const e = raised(() => call("read", p));
    expect(e.kind).toBe("read");
    expect(e.message.startsWith("1:1:")).toBe(true);
    expect(e.irritants).toEqual([intern("unterminated-list")]);
    expect(call("read", p)).toBe(1);
  });

  it("makes progress after an error, so a read loop ends", () => {
    const { call } = testNode();
    const p = call("open-input-string", s(") ) x"));
    expect(raised(() => call("read", p)).irritants).toEqual([intern("unexpected-close")]);
    expect(raised(() => call("read", p)).message.startsWith("1:3:")).toBe(true);
    expect(call("read", p)).toBe(intern("x"));
  });
});

describe("read from the console", () => {
  it("waits while the buffer holds only part of a list", async () => {
    const source = new ControlledSource();
    const { call } = testNode({ stdin: source });
    const datum = inThread(() => call("read"));
    await settle();
    source.push("(define (f x)\n");
    await settle();
    source.push("  (* x x))\n");
    expect(write(await datum)).toBe("(define (f x) (* x x))");
  });

  it("waits when an atom reaches the end of the buffer: the next chunk may continue it", async () => {
    const source = new ControlledSource();
    const { call } = testNode({ stdin: source });
    const datum = inThread(() => call("read"));
    await settle();
    source.push("12");
    await settle();
    source.push("3 ");
    expect(await datum).toBe(123);
  });

  it("reads several datums from one chunk, then waits for the next", async () => {
    const source = new ControlledSource();
    const { call } = testNode({ stdin: source });
    source.push("(1) (2)\n");
    expect(write(await inThread(() => call("read")))).toBe("(1)");
    expect(write(await inThread(() => call("read")))).toBe("(2)");
    const third = inThread(() => call("read"));
    await settle();
    source.push("three ");
    expect(await third).toBe(intern("three"));
  });

  it("an atom ended by the end of input is complete", async () => {
    const { call } = testNode({ stdin: ["abc"] });
    expect(await inThread(() => call("read"))).toBe(intern("abc"));
    expect(await inThread(() => call("read"))).toBe(EOF);
  });

  it("waits through whitespace and comments, then gives EOF at the end of input", async () => {
    const source = new ControlledSource();
    const { call } = testNode({ stdin: source });
    const datum = inThread(() => call("read"));
    await settle();
    source.push("  ; nothing\n");
    await settle();
    source.end();
    expect(await datum).toBe(EOF);
  });

  it("an incomplete datum at the end of input is a read error in the thread", async () => {
    const { call } = testNode({ stdin: ['"open'] });
    const condition = await inThread(() => call("read")).catch((c: unknown) => c);
    expect(condition).toBeInstanceOf(ErrorObject);
    expect((condition as ErrorObject).kind).toBe("read");
    expect((condition as ErrorObject).irritants).toEqual([intern("unterminated-string")]);
  });
});
