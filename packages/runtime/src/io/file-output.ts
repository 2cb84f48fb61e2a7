// ## File output
//
// Files are written with Node's synchronous fs calls: a write never parks the green thread, and
// the order of writes is the order of calls. Writes are buffered and reach the file when the
// buffer is large, on `flush-output-port`, on close, and at `IoSystem.flushAll()` (which the CLI
// calls before the node exits).

import { closeSync, writeSync } from "node:fs";
import type { ByteOutput, TextOutput } from "./output.js";

const FLUSH_AT = 1 << 16;

abstract class FileOutput {
  private pending: (string | Uint8Array)[] = [];
  private pendingSize = 0;
  private closed = false;

  constructor(private readonly fd: number) {}

  protected add(chunk: string | Uint8Array): void {
    this.pending.push(chunk);
    this.pendingSize += chunk.length;
    if (this.pendingSize >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.closed || this.pending.length === 0) return;
    const chunks = this.pending;
    this.pending = [];
    this.pendingSize = 0;
    for (const chunk of chunks) {
      const data = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      let done = 0;
      while (done < data.length) done += writeSync(this.fd, data, done, data.length - done);
    }
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    closeSync(this.fd);
  }
}

/** A textual file port's output, encoded as UTF-8. */
export class FileTextOutput extends FileOutput implements TextOutput {
  write(text: string): void {
    if (text.length > 0) this.add(text);
  }
}

/** A binary file port's output. */
export class FileByteOutput extends FileOutput implements ByteOutput {
  write(bytes: Uint8Array): void {
    // Copied: the caller's bytevector may change before the buffer is flushed.
    if (bytes.length > 0) this.add(bytes.slice());
  }
}
