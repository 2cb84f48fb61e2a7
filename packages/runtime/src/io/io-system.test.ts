import { parameterOf, string } from "@termite/datum";
import { describe, expect, it } from "vitest";
import { withParameterBindings } from "../machine/control.js";
import { memoryIoContext } from "./io-context.js";
import { ioPrimitiveGroups, ioSystem } from "./io-system.js";
import { inThread, testNode } from "./test-helpers.js";

const EXPECTED: Record<string, string[]> = {
  "scheme/base": [
    "binary-port?",
    "char-ready?",
    "close-input-port",
    "close-output-port",
    "close-port",
    "current-error-port",
    "current-input-port",
    "current-output-port",
    "eof-object",
    "eof-object?",
    "features",
    "flush-output-port",
    "get-output-bytevector",
    "get-output-string",
    "input-port-open?",
    "input-port?",
    "newline",
    "open-input-bytevector",
    "open-input-string",
    "open-output-bytevector",
    "open-output-string",
    "output-port-open?",
    "output-port?",
    "peek-char",
    "peek-u8",
    "port?",
    "read-bytevector",
    "read-bytevector!",
    "read-char",
    "read-line",
    "read-string",
    "read-u8",
    "textual-port?",
    "u8-ready?",
    "write-bytevector",
    "write-char",
    "write-string",
    "write-u8",
  ],
  "scheme/file": [
    "delete-file",
    "file-exists?",
    "open-binary-input-file",
    "open-binary-output-file",
    "open-input-file",
    "open-output-file",
  ],
  "scheme/read": ["read"],
  "scheme/write": ["display", "write", "write-shared", "write-simple"],
  "scheme/process-context": [
    "command-line",
    "emergency-exit",
    "exit",
    "get-environment-variable",
    "get-environment-variables",
  ],
  "scheme/time": ["current-jiffy", "current-second", "jiffies-per-second"],
  "termite/extras": ["pp", "pretty-print", "print", "println"],
};

describe("ioPrimitiveGroups", () => {
  it("exports exactly the R7RS names of each library", () => {
    const groups = ioPrimitiveGroups(memoryIoContext());
    expect(groups.map((g) => g.library)).toEqual(Object.keys(EXPECTED));
    for (const group of groups) expect(Object.keys(group.bindings).sort()).toEqual(EXPECTED[group.library]);
  });

  it("is made once per context", () => {
    const context = memoryIoContext();
    expect(ioPrimitiveGroups(context)).toBe(ioPrimitiveGroups(context));
    expect(ioSystem(context)).toBe(ioSystem(context));
    expect(ioSystem(memoryIoContext())).not.toBe(ioSystem(context));
  });

  it("binds the current-port names to the parameter objects themselves, so parameterize finds them", () => {
    const { io, spec } = testNode();
    expect(spec("scheme/base", "current-output-port")?.fn).toBe(io.currentOutputPort);
    expect(spec("scheme/base", "current-input-port")?.fn).toBe(io.currentInputPort);
    expect(spec("scheme/base", "current-error-port")?.fn).toBe(io.currentErrorPort);
  });
});

describe("the current-port parameters", () => {
  it("hold the console ports until rebound", async () => {
    const { io } = testNode();
    expect(io.currentInput()).toBe(io.stdin);
    expect(io.currentOutput()).toBe(io.stdout);
    expect(io.currentError()).toBe(io.stderr);
    expect(await inThread(() => io.currentOutputPort())).toBe(io.stdout);
  });

  it("see parameterize inside a thread and the global value outside it", async () => {
    const { io, call } = testNode();
    const input = call("open-input-string", string("from string"));
    const line = await inThread(() =>
      withParameterBindings([io.currentInputPort], [input], () => call("read-line")),
    );
    expect(String(line)).toBe("from string");
    expect(io.currentInput()).toBe(io.stdin);
  });

  it("convert (check) the values they are bound to", () => {
    const { io, call } = testNode();
    const out = call("open-output-string");
    expect(parameterOf(io.currentOutputPort)?.converter?.(out)).toBe(out);
    expect(() =>
      parameterOf(io.currentOutputPort)?.converter?.(call("open-input-string", string(""))),
    ).toThrow();
    expect(() => parameterOf(io.currentInputPort)?.converter?.(out)).toThrow();
    expect(() => parameterOf(io.currentErrorPort)?.converter?.(5)).toThrow();
  });
});
