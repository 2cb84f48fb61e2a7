import { char, EOF, string, write } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { Port, PRINT_HOOK } from "./port.js";
import { raised, testNode } from "./test-helpers.js";

const s = string;

describe("port kinds and predicates", () => {
  const { call, io } = testNode();
  const ports = {
    stringIn: call("open-input-string", s("abc")) as Port,
    stringOut: call("open-output-string") as Port,
    bytesIn: call("open-input-bytevector", Uint8Array.of(1, 2)) as Port,
    bytesOut: call("open-output-bytevector") as Port,
  };

  it("answers input-port?, output-port?, textual-port?, binary-port? and port? per kind", () => {
    const row = (p: unknown) =>
      ["port?", "input-port?", "output-port?", "textual-port?", "binary-port?"].map((name) => call(name, p));
    expect(row(ports.stringIn)).toEqual([true, true, false, true, false]);
    expect(row(ports.stringOut)).toEqual([true, false, true, true, false]);
    expect(row(ports.bytesIn)).toEqual([true, true, false, false, true]);
    expect(row(ports.bytesOut)).toEqual([true, false, true, false, true]);
    expect(row(io.stdin)).toEqual([true, true, false, true, false]);
    expect(row(io.stdout)).toEqual([true, false, true, true, false]);
    expect(row(s("not a port"))).toEqual([false, false, false, false, false]);
  });

  it("prints ports by direction, kind and name", () => {
    expect(String(ports.stringIn)).toBe("#<input-port string>");
    expect(String(ports.stringOut)).toBe("#<output-port string>");
    expect(String(ports.bytesIn)).toBe("#<binary-input-port bytevector>");
    expect(String(ports.bytesOut)).toBe("#<binary-output-port bytevector>");
    expect(String(io.stdin)).toBe("#<input-port console stdin>");
    expect(String(io.stderr)).toBe("#<output-port console stderr>");
    expect(ports.stringIn[PRINT_HOOK]()).toBe("#<input-port string>");
    expect(String(new Port("file", 'a "b".txt', {}))).toBe('#<output-port file "a \\"b\\".txt">');
  });

  it("recognises ports through the brand, not the class", () => {
    expect(Port.isInstance(ports.stringIn)).toBe(true);
    expect(Port.isInstance({})).toBe(false);
    expect(Port.isInstance(null)).toBe(false);
  });
});

describe("closing", () => {
  it("close-port closes both sides; the open? predicates follow", () => {
    const { call } = testNode();
    const p = call("open-input-string", s("x"));
    expect(call("input-port-open?", p)).toBe(true);
    expect(call("output-port-open?", p)).toBe(false);
    expect(call("close-port", p)).toBe(undefined);
    expect(call("input-port-open?", p)).toBe(false);
    call("close-port", p); // closing twice is harmless
    const e = raised(() => call("read-char", p));
    expect(e.who).toBe("read-char");
    expect(e.message).toContain("closed");
  });

  it("close-input-port and close-output-port close one side and check the direction", () => {
    const { call } = testNode();
    const out = call("open-output-string");
    call("close-output-port", out);
    expect(call("output-port-open?", out)).toBe(false);
    expect(raised(() => call("write-char", char(97), out)).message).toContain("closed");
    expect(raised(() => call("close-input-port", call("open-output-string"))).message).toContain(
      "input port",
    );
    expect(raised(() => call("close-output-port", call("open-input-string", s("")))).message).toContain(
      "output port",
    );
    const inp = call("open-input-string", s("x"));
    call("close-input-port", inp);
    expect(call("input-port-open?", inp)).toBe(false);
  });

  it("rejects non-ports", () => {
    const { call } = testNode();
    expect(raised(() => call("close-port", 5)).message).toContain("expected a port");
    expect(raised(() => call("input-port-open?", 5)).who).toBe("input-port-open?");
    expect(raised(() => call("output-port-open?", 5)).who).toBe("output-port-open?");
  });
});

describe("the eof object", () => {
  it("eof-object returns the unique EOF, recognised by eof-object?", () => {
    const { call } = testNode();
    expect(call("eof-object")).toBe(EOF);
    expect(call("eof-object?", call("eof-object"))).toBe(true);
    expect(call("eof-object?", false)).toBe(false);
    expect(call("eof-object?", null)).toBe(false);
  });
});

describe("string and bytevector ports", () => {
  it("accumulates text in an output string port", () => {
    const { call } = testNode();
    const p = call("open-output-string");
    expect(write(call("get-output-string", p))).toBe('""');
    call("write-string", s("héllo "), p);
    call("write-char", char(0x1f600), p);
    const got = call("get-output-string", p);
    expect(String(got)).toBe("héllo 😀");
    // A fresh string each time: mutating it does not change the port.
    expect(call("get-output-string", p)).not.toBe(got);
  });

  it("reads the text an input string port was opened on, unaffected by later mutation", () => {
    const { call } = testNode();
    const text = s("ab");
    const p = call("open-input-string", text);
    text.setCodePointAt(0, 0x7a);
    expect(String(call("read-line", p))).toBe("ab");
  });

  it("accumulates bytes in an output bytevector port, beyond its first buffer", () => {
    const { call } = testNode();
    const p = call("open-output-bytevector");
    for (let i = 0; i < 200; i++) call("write-u8", i, p);
    const bytes = call("get-output-bytevector", p) as Uint8Array;
    expect(bytes.length).toBe(200);
    expect(bytes[199]).toBe(199);
  });

  it("reads a copy of the bytevector an input port was opened on", () => {
    const { call } = testNode();
    const bv = Uint8Array.of(7, 8);
    const p = call("open-input-bytevector", bv);
    bv[0] = 0;
    expect(call("read-u8", p)).toBe(7);
  });

  it("get-output-string and get-output-bytevector check the port", () => {
    const { call } = testNode();
    expect(raised(() => call("get-output-string", call("open-output-bytevector"))).message).toContain(
      "string output port",
    );
    expect(raised(() => call("get-output-bytevector", call("open-output-string"))).message).toContain(
      "bytevector output port",
    );
    expect(raised(() => call("open-input-string", 5)).who).toBe("open-input-string");
    expect(raised(() => call("open-input-bytevector", s("x"))).who).toBe("open-input-bytevector");
  });
});
