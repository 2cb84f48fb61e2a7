// ## Files (scheme file)
//
// Synchronous fs calls: an input file is read whole when it is opened (UTF-8 for a textual port,
// a byte order mark dropped), an output file is created or truncated and written through a
// buffer (see file-output.ts). A failure raises a `file-error?` condition naming the file and the
// system's reason.

import { existsSync, openSync, readFileSync, unlinkSync } from "node:fs";
import { string } from "@termite/datum";
import { fileError } from "../errors.js";
import { type PrimitiveSpec, prim } from "../primitive.js";
import { stringArg } from "../primitives/arguments.js";
import { ByteInput } from "./byte-input.js";
import { FileByteOutput, FileTextOutput } from "./file-output.js";
import type { NodeIo } from "./node-io.js";
import { Port } from "./port.js";
import { TextInput } from "./text-input.js";

function systemReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  // Node's message repeats the call and the path ("ENOENT: no such file or directory, open 'x'").
  const reason = message.replace(/^[A-Z]+: /, "").replace(/, \w+ '.*'$/, "");
  return typeof code === "string" ? `${reason} (${code})` : reason;
}

// Errors name the file as a Scheme string: the irritants are Scheme values.

function readWhole(who: string, name: string): Buffer {
  try {
    return readFileSync(name);
  } catch (error) {
    return fileError(who, `cannot open file for input: ${systemReason(error)}`, string(name));
  }
}

function openForOutput(who: string, name: string): number {
  try {
    return openSync(name, "w");
  } catch (error) {
    return fileError(who, `cannot open file for output: ${systemReason(error)}`, string(name));
  }
}

export function filePrimitives(io: NodeIo): Record<string, PrimitiveSpec> {
  const fileName = (who: string, x: unknown): string => stringArg(who, x, 0).toString();
  return {
    "open-input-file": prim(1, 1, (f: unknown) => {
      const name = fileName("open-input-file", f);
      const text = new TextDecoder("utf-8").decode(readWhole("open-input-file", name));
      return new Port("file", name, { textIn: new TextInput(text) });
    }),
    "open-binary-input-file": prim(1, 1, (f: unknown) => {
      const name = fileName("open-binary-input-file", f);
      const bytes = readWhole("open-binary-input-file", name);
      return new Port("file", name, { bytesIn: new ByteInput(new Uint8Array(bytes)) });
    }),
    "open-output-file": prim(1, 1, (f: unknown) => {
      const name = fileName("open-output-file", f);
      const port = new Port("file", name, {
        textOut: new FileTextOutput(openForOutput("open-output-file", name)),
      });
      io.track(port);
      return port;
    }),
    "open-binary-output-file": prim(1, 1, (f: unknown) => {
      const name = fileName("open-binary-output-file", f);
      const fd = openForOutput("open-binary-output-file", name);
      const port = new Port("file", name, { bytesOut: new FileByteOutput(fd) });
      io.track(port);
      return port;
    }),
    "file-exists?": prim(1, 1, (f: unknown) => existsSync(fileName("file-exists?", f))),
    "delete-file": prim(1, 1, (f: unknown) => {
      const name = fileName("delete-file", f);
      try {
        unlinkSync(name);
      } catch (error) {
        fileError("delete-file", `cannot delete file: ${systemReason(error)}`, string(name));
      }
      return undefined;
    }),
  };
}
