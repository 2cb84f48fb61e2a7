import { char, cons, intern, list, string } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { withParameterBindings } from "../machine/control.js";
import { inThread, raised, testNode } from "./test-helpers.js";

const s = string;

function stringPort(call: (name: string, ...args: unknown[]) => unknown): { port: unknown; text(): string } {
  const port = call("open-output-string");
  return { port, text: () => String(call("get-output-string", port)) };
}

describe("textual output", () => {
  it("write-char, write-string (with start and end in chars) and newline", () => {
    const { call } = testNode();
    const out = stringPort(call);
    call("write-char", char(0x1f600), out.port);
    call("write-string", s("abc"), out.port);
    call("newline", out.port);
    call("write-string", s("x😀yz"), out.port, 1);
    call("write-string", s("x😀yz"), out.port, 1, 2);
    expect(out.text()).toBe("😀abc\n😀yz😀");
  });

  it("checks arguments and ports", () => {
    const { call } = testNode();
    const out = call("open-output-string");
    expect(raised(() => call("write-char", s("a"), out)).message).toContain("a char");
    expect(raised(() => call("write-string", s("abc"), out, 2, 1)).message).toContain("out of range");
    expect(raised(() => call("write-char", char(97), call("open-output-bytevector"))).message).toContain(
      "textual output port",
    );
    expect(raised(() => call("newline", call("open-input-string", s("")))).who).toBe("newline");
  });
});

describe("binary output", () => {
  it("write-u8 and write-bytevector (with start and end)", () => {
    const { call } = testNode();
    const p = call("open-output-bytevector");
    call("write-u8", 9, p);
    call("write-bytevector", Uint8Array.of(1, 2, 3, 4), p);
    call("write-bytevector", Uint8Array.of(1, 2, 3, 4), p, 2);
    call("write-bytevector", Uint8Array.of(1, 2, 3, 4), p, 1, 2);
    expect([...(call("get-output-bytevector", p) as Uint8Array)]).toEqual([9, 1, 2, 3, 4, 3, 4, 2]);
  });

  it("checks bytes and ports", () => {
    const { call } = testNode();
    const p = call("open-output-bytevector");
    expect(raised(() => call("write-u8", 256, p)).message).toContain("byte");
    expect(raised(() => call("write-u8", 1, call("open-output-string"))).message).toContain(
      "binary output port",
    );
    expect(raised(() => call("write-bytevector", s("x"), p)).who).toBe("write-bytevector");
  });
});

describe("flush-output-port", () => {
  it("accepts any output port, also a closed one, and rejects input ports", () => {
    const { call } = testNode();
    const p = call("open-output-string");
    expect(call("flush-output-port", p)).toBe(undefined);
    call("close-port", p);
    expect(call("flush-output-port", p)).toBe(undefined);
    expect(call("flush-output-port")).toBe(undefined);
    expect(raised(() => call("flush-output-port", call("open-input-string", s("")))).message).toContain(
      "output port",
    );
  });
});

describe("the printers (scheme write)", () => {
  const value = list([s("hi"), char(65), intern("sym"), 1.5]);

  it("write, write-simple, write-shared and display to a port", () => {
    const { call } = testNode();
    const out = stringPort(call);
    call("write", value, out.port);
    call("display", value, out.port);
    call("write-simple", value, out.port);
    call("write-shared", value, out.port);
    expect(out.text()).toBe('("hi" #\\A sym 1.5)(hi A sym 1.5)("hi" #\\A sym 1.5)("hi" #\\A sym 1.5)');
  });

  it("write labels cycles, write-shared also shared structure, write-simple neither", () => {
    const { call } = testNode();
    const shared = list([1]);
    const twice = list([shared, shared]);
    const out = stringPort(call);
    call("write", twice, out.port);
    call("write-shared", twice, out.port);
    expect(out.text()).toBe("((1) (1))(#0=(1) #0#)");
    const cyclic = cons(1, null);
    cyclic.cdr = cyclic;
    const c = stringPort(call);
    call("write", cyclic, c.port);
    expect(c.text()).toBe("#0=(1 . #0#)");
  });

  it("default to the current output port: the console sink", () => {
    const { call, context } = testNode();
    call("display", s("out "));
    call("write", s("q"));
    call("newline");
    call("write-char", char(33));
    call("write-string", s("!"));
    expect(context.stdoutText).toBe('out "q"\n!!');
    expect(context.stderrText).toBe("");
  });

  it("follow a parameterized current-output-port", async () => {
    const { call, io, context } = testNode();
    const out = stringPort(call);
    await inThread(() =>
      withParameterBindings([io.currentOutputPort], [out.port], () => {
        call("display", s("captured"));
        return call("newline");
      }),
    );
    call("display", s("console"));
    expect(out.text()).toBe("captured\n");
    expect(context.stdoutText).toBe("console");
  });

  it("write to the error port when given it", async () => {
    const { call, context, io } = testNode();
    await inThread(() => call("display", s("oops"), call("current-error-port")));
    expect(context.stderrText).toBe("oops");
    expect(await inThread(() => call("current-output-port"))).toBe(io.stdout);
    expect(await inThread(() => call("current-input-port"))).toBe(io.stdin);
  });
});

describe("Gambit extras (termite extras)", () => {
  it("print displays its arguments; println adds a newline", () => {
    const { call, context } = testNode();
    call("print", s("a"), 1, list([s("b")]));
    call("println", s(" x="), 2);
    call("println");
    expect(context.stdoutText).toBe("a1(b) x=2\n\n");
  });

  it("pp writes the value and a newline, breaking long lists", () => {
    const { call, context } = testNode();
    call("pp", list([intern("quote"), s("x")]));
    const long = list(Array.from({ length: 30 }, (_, i) => i * 1000));
    call("pp", long);
    const lines = context.stdoutText.split("\n");
    expect(lines[0]).toBe('\'"x"');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(79);
  });

  it("pp and pretty-print take an optional port", () => {
    const { call } = testNode();
    const out = stringPort(call);
    call("pretty-print", list([1, 2]), out.port);
    call("pp", 3, out.port);
    expect(out.text()).toBe("(1 2)\n3\n");
  });
});
