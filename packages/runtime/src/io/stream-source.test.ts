import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { streamSource } from "./stream-source.js";

describe("streamSource", () => {
  it("delivers chunks as text, keeping a UTF-8 character split between chunks whole", async () => {
    const stream = new PassThrough();
    const source = streamSource(stream);
    const bytes = Buffer.from("é", "utf8");
    stream.write(Buffer.concat([Buffer.from("a"), bytes.subarray(0, 1)]));
    expect(await source.read()).toBe("a");
    stream.write(bytes.subarray(1));
    expect(await source.read()).toBe("é");
    stream.end();
    expect(await source.read()).toBe(null);
    expect(await source.read()).toBe(null);
  });

  it("pauses the stream between reads", async () => {
    const stream = new PassThrough();
    const source = streamSource(stream);
    stream.write("x");
    expect(await source.read()).toBe("x");
    expect(stream.isPaused()).toBe(true);
    expect(stream.listenerCount("data")).toBe(0);
  });

  it("keeps the event loop alive (ref) only while a read is pending", async () => {
    const calls: string[] = [];
    const stream = Object.assign(new PassThrough(), {
      ref: () => calls.push("ref"),
      unref: () => calls.push("unref"),
    });
    const source = streamSource(stream);
    const pending = source.read();
    expect(calls).toEqual(["ref"]);
    stream.write("y");
    expect(await pending).toBe("y");
    expect(calls).toEqual(["ref", "unref"]);
  });

  it("sees an end that happened while nobody read", async () => {
    const stream = new PassThrough();
    const source = streamSource(stream);
    stream.end("last");
    expect(await source.read()).toBe("last");
    await new Promise((r) => setTimeout(r, 5));
    expect(await source.read()).toBe(null);
  });

  it("rejects when the stream fails", async () => {
    const stream = new PassThrough();
    const source = streamSource(stream);
    const pending = source.read();
    stream.destroy(new Error("boom"));
    await expect(pending).rejects.toThrow("boom");
  });
});
