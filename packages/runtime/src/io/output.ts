// ## Where a port's output goes
//
// A textual output port writes JS strings to a `TextOutput`, a binary one writes bytes to a
// `ByteOutput`. String and bytevector ports accumulate in memory; the console hands each write to
// the sink the embedding program gave (the CLI writes to process.stdout, tests capture).

export interface TextOutput {
  write(text: string): void;
  flush(): void;
  close(): void;
}

export interface ByteOutput {
  write(bytes: Uint8Array): void;
  flush(): void;
  close(): void;
}

/** Where console output is delivered. */
export type TextSink = (text: string) => void;

/** The text of an `open-output-string` port. */
export class StringOutput implements TextOutput {
  private parts: string[] = [];

  write(text: string): void {
    this.parts.push(text);
  }

  /** Everything written so far (`get-output-string`). */
  contents(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join("")];
    return this.parts[0] ?? "";
  }

  flush(): void {}
  close(): void {}
}

/** The bytes of an `open-output-bytevector` port, in a buffer that doubles as it fills. */
export class BytevectorOutput implements ByteOutput {
  private buffer = new Uint8Array(64);
  private length = 0;

  write(bytes: Uint8Array): void {
    const needed = this.length + bytes.length;
    if (needed > this.buffer.length) {
      const bigger = new Uint8Array(Math.max(needed, this.buffer.length * 2));
      bigger.set(this.buffer.subarray(0, this.length));
      this.buffer = bigger;
    }
    this.buffer.set(bytes, this.length);
    this.length = needed;
  }

  /** A fresh copy of everything written so far (`get-output-bytevector`). */
  contents(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  flush(): void {}
  close(): void {}
}

/** Console output: every write goes straight to the sink, which may buffer as it likes. */
export class SinkOutput implements TextOutput {
  constructor(private readonly sink: TextSink) {}

  write(text: string): void {
    if (text.length > 0) this.sink(text);
  }

  flush(): void {}
  close(): void {}
}
