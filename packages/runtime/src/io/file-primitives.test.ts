import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { char, EOF, intern, string, write } from "@termite/datum";
import { afterAll, describe, expect, it } from "vitest";
import { raised, testNode } from "./test-helpers.js";

const dir = mkdtempSync(join(tmpdir(), "termite-io-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => string(join(dir, name));

describe("textual files", () => {
  it("writes UTF-8 text and reads it back as chars, lines and datums", () => {
    const { call } = testNode();
    const out = call("open-output-file", path("t.txt"));
    expect(String(out)).toBe(`#<output-port file ${JSON.stringify(join(dir, "t.txt"))}>`);
    call("write", string("é😀"), out);
    call("newline", out);
    call("display", intern("(sym)"), out);
    call("close-port", out);
    expect(readFileSync(join(dir, "t.txt"), "utf8")).toBe('"é😀"\n(sym)');
    const inp = call("open-input-file", path("t.txt"));
    expect(call("read-char", inp)).toBe(char(34));
    expect(write(call("read-line", inp))).toBe('"é😀\\""');
    expect(write(call("read", inp))).toBe("(sym)");
    expect(call("read", inp)).toBe(EOF);
  });

  it("drops a byte order mark at the start of a textual file", () => {
    writeFileSync(join(dir, "bom.txt"), "\ufeffabc");
    const { call } = testNode();
    expect(String(call("read-line", call("open-input-file", path("bom.txt"))))).toBe("abc");
  });

  it("names the file in read errors", () => {
    writeFileSync(join(dir, "bad.scm"), "(ok)\n(oops");
    const { call } = testNode();
    const p = call("open-input-file", path("bad.scm"));
    call("read", p);
    const e = raised(() => call("read", p));
    expect(e.kind).toBe("read");
    expect(e.message.startsWith(`${join(dir, "bad.scm")}:2:1: `)).toBe(true);
  });
});

describe("binary files", () => {
  it("writes bytes and reads them back", () => {
    const { call } = testNode();
    const out = call("open-binary-output-file", path("b.bin"));
    expect(call("binary-port?", out)).toBe(true);
    call("write-bytevector", Uint8Array.of(0, 255, 10), out);
    call("write-u8", 7, out);
    call("close-output-port", out);
    const inp = call("open-binary-input-file", path("b.bin"));
    expect(write(call("read-bytevector", 10, inp))).toBe("#u8(0 255 10 7)");
    expect(call("read-u8", inp)).toBe(EOF);
  });
});

describe("buffering", () => {
  it("buffers file output until flush-output-port, close or flushAll", () => {
    const { call, io } = testNode();
    const name = join(dir, "buffered.txt");
    const out = call("open-output-file", string(name));
    call("display", string("one"), out);
    expect(readFileSync(name, "utf8")).toBe("");
    call("flush-output-port", out);
    expect(readFileSync(name, "utf8")).toBe("one");
    call("display", string("two"), out);
    const bin = call("open-binary-output-file", path("buffered.bin"));
    call("write-u8", 1, bin);
    io.flushAll();
    expect(readFileSync(name, "utf8")).toBe("onetwo");
    expect([...readFileSync(join(dir, "buffered.bin"))]).toEqual([1]);
    call("close-port", out);
    call("close-port", bin);
    io.flushAll(); // closed ports are forgotten
  });

  it("writes out large outputs without waiting for a flush", () => {
    const { call } = testNode();
    const name = join(dir, "large.txt");
    const out = call("open-output-file", string(name));
    const line = string(`${"x".repeat(99)}\n`);
    for (let i = 0; i < 1000; i++) call("write-string", line, out);
    expect(readFileSync(name, "utf8").length).toBeGreaterThan(50_000);
    call("close-port", out);
    expect(readFileSync(name, "utf8").length).toBe(100_000);
  });
});

describe("file-exists? and delete-file", () => {
  it("see and remove files", () => {
    const { call } = testNode();
    writeFileSync(join(dir, "gone.txt"), "x");
    expect(call("file-exists?", path("gone.txt"))).toBe(true);
    expect(call("delete-file", path("gone.txt"))).toBe(undefined);
    expect(call("file-exists?", path("gone.txt"))).toBe(false);
  });
});

describe("file errors", () => {
  it("raise file-error? conditions naming the procedure, the file and the reason", () => {
    const { call } = testNode();
    const missing = path("missing.txt");
    for (const who of ["open-input-file", "open-binary-input-file", "delete-file"]) {
      const e = raised(() => call(who, missing));
      expect(e.kind).toBe("file");
      expect(e.who).toBe(who);
      expect(e.message).toContain("ENOENT");
      expect(e.irritants).toHaveLength(1);
      expect(write(e.irritants[0])).toBe(write(missing));
    }
    for (const who of ["open-output-file", "open-binary-output-file"]) {
      const e = raised(() => call(who, path("no/such/dir/x")));
      expect(e.kind).toBe("file");
      expect(e.message).toContain("cannot open file for output");
    }
  });

  it("check that file names are strings", () => {
    const { call } = testNode();
    expect(raised(() => call("file-exists?", 1)).message).toContain("a string");
  });
});
