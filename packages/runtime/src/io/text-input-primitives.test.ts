import { char, EOF, string, write } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { callWithValues } from "../machine/control.js";
import { ControlledSource, inThread, raised, settle, testNode } from "./test-helpers.js";

const s = string;

describe("read-char and peek-char", () => {
  it("read chars in order, astral ones whole, then EOF", () => {
    const { call } = testNode();
    const p = call("open-input-string", s("a😀b"));
    expect(call("peek-char", p)).toBe(char(97));
    expect(call("read-char", p)).toBe(char(97));
    expect(call("peek-char", p)).toBe(char(0x1f600));
    expect(call("read-char", p)).toBe(char(0x1f600));
    expect(call("read-char", p)).toBe(char(98));
    expect(call("peek-char", p)).toBe(EOF);
    expect(call("read-char", p)).toBe(EOF);
  });

  it("check the port", () => {
    const { call } = testNode();
    expect(
      raised(() => call("read-char", call("open-input-bytevector", Uint8Array.of(1)))).message,
    ).toContain("textual input port");
    expect(raised(() => call("peek-char", call("open-output-string"))).who).toBe("peek-char");
  });
});

describe("read-line", () => {
  it("ends lines at linefeed, carriage return, or both; keeps a last line without end", () => {
    const { call } = testNode();
    const p = call("open-input-string", s("one\ntwo\r\nthree\rfour\n\nlast"));
    const lines: string[] = [];
    for (let line = call("read-line", p); line !== EOF; line = call("read-line", p)) lines.push(String(line));
    expect(lines).toEqual(["one", "two", "three", "four", "", "last"]);
  });

  it("returns EOF on an empty port", () => {
    const { call } = testNode();
    expect(call("read-line", call("open-input-string", s("")))).toBe(EOF);
  });
});

describe("read-string", () => {
  it("reads k chars, fewer at the end, then EOF; k = 0 gives an empty string", () => {
    const { call } = testNode();
    const p = call("open-input-string", s("ab😀cd"));
    expect(write(call("read-string", 0, p))).toBe('""');
    expect(String(call("read-string", 3, p))).toBe("ab😀");
    expect(String(call("read-string", 10, p))).toBe("cd");
    expect(call("read-string", 1, p)).toBe(EOF);
  });

  it("checks k", () => {
    const { call } = testNode();
    expect(raised(() => call("read-string", -1, call("open-input-string", s("")))).who).toBe("read-string");
  });
});

describe("char-ready?", () => {
  it("is true on string ports, also at their end", () => {
    const { call } = testNode();
    const p = call("open-input-string", s("x"));
    expect(call("char-ready?", p)).toBe(true);
    call("read-char", p);
    expect(call("char-ready?", p)).toBe(true);
  });

  it("on the console, is false until input arrives, and starts fetching it", async () => {
    const source = new ControlledSource();
    const { call } = testNode({ stdin: source });
    expect(call("char-ready?")).toBe(false);
    expect(source.reads).toBe(1);
    source.push("x");
    await settle();
    expect(call("char-ready?")).toBe(true);
    call("read-char");
    expect(call("char-ready?")).toBe(false);
    source.end();
    await settle();
    expect(call("char-ready?")).toBe(true);
  });
});

describe("console input parks the green thread until data arrives", () => {
  it("read-line waits for the end of the line across chunks", async () => {
    const source = new ControlledSource();
    const { call } = testNode({ stdin: source });
    const line = inThread(() => call("read-line"));
    await settle();
    expect(source.reads).toBe(1);
    source.push("hel");
    await settle();
    source.push("lo\nrest");
    expect(String(await line)).toBe("hello");
    // "rest" stays buffered: the next line ends at end of input.
    const next = inThread(() => call("read-line"));
    await settle();
    source.end();
    expect(String(await next)).toBe("rest");
    expect(await inThread(() => call("read-line"))).toBe(EOF);
  });

  it("does not read the source while nobody waits", async () => {
    const source = new ControlledSource();
    testNode({ stdin: source });
    await settle();
    expect(source.reads).toBe(0);
  });

  it("a carriage return at the end of a chunk waits to see whether a linefeed follows", async () => {
    const source = new ControlledSource();
    const { call } = testNode({ stdin: source });
    source.push("a\r");
    const first = inThread(() => call("read-line"));
    await settle();
    source.push("\nb\n");
    expect(String(await first)).toBe("a");
    expect(String(await inThread(() => call("read-line")))).toBe("b");
  });

  it("read-char keeps a surrogate pair split between chunks whole", async () => {
    const source = new ControlledSource();
    const { call } = testNode({ stdin: source });
    const pair = "😀";
    source.push(pair[0]!);
    const c = inThread(() => call("read-char"));
    await settle();
    source.push(pair[1]!);
    expect(await c).toBe(char(0x1f600));
  });

  it("read-string waits for k chars or the end of input", async () => {
    const source = new ControlledSource();
    const { call } = testNode({ stdin: source });
    const got = inThread(() => call("read-string", 5));
    await settle();
    source.push("ab");
    await settle();
    source.push("cdefg");
    expect(String(await got)).toBe("abcde");
    const rest = inThread(() => call("read-string", 5));
    await settle();
    source.end();
    expect(String(await rest)).toBe("fg");
  });

  it("peek-char waits, then leaves the char for read-char", async () => {
    const { call } = testNode({ stdin: ["z"] });
    expect(await inThread(() => call("peek-char"))).toBe(char(0x7a));
    expect(await inThread(() => call("read-char"))).toBe(char(0x7a));
    expect(await inThread(() => call("read-char"))).toBe(EOF);
  });

  it("several threads waiting on the console each get their own line", async () => {
    const source = new ControlledSource();
    const { call } = testNode({ stdin: source });
    const a = inThread(() => call("read-line"));
    const b = inThread(() => call("read-line"));
    await settle();
    source.push("one\ntwo\n");
    const got = [String(await a), String(await b)].sort();
    expect(got).toEqual(["one", "two"]);
  });

  it("a read that waits inside pending work resumes it with the value (frame protocol)", async () => {
    const source = new ControlledSource();
    const { call } = testNode({ stdin: source });
    const result = inThread(() =>
      callWithValues(
        () => call("read-line"),
        (line: unknown) => `got ${String(line)}`,
      ),
    );
    await settle();
    source.push("x\n");
    expect(await result).toBe("got x");
  });

  it("a failing source reads as the end of input", async () => {
    const { call } = testNode({ stdin: { read: () => Promise.reject(new Error("broken pipe")) } });
    expect(await inThread(() => call("read-char"))).toBe(EOF);
  });
});
