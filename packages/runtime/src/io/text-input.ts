// ## Buffered text of a textual input port
//
// A string or file port holds its whole text at once (`ended` from the start). The console port
// starts empty and grows as its `InputSource` delivers chunks; a read that finds too little text
// parks its green thread with `whenMore` and retries when the next chunk (or end of input) comes.
// Text is pulled from the source only while some reader waits, so a program that never reads
// stdin never keeps Node's event loop alive on it.

import type { SourceLocation } from "@termite/datum";

/** Where a console port's text comes from: each call resolves with the next chunk, or `null` at the end. */
export interface InputSource {
  read(): Promise<string | null>;
}

/** Consumed text kept before the buffer is compacted (console ports only). */
const COMPACT_AFTER = 1 << 16;

export class TextInput {
  /** The buffered text; `pos` indexes it in UTF-16 units. */
  text: string;
  pos = 0;
  /** True once no more text will arrive. */
  ended: boolean;
  /** Line and column (1-based) of `text[0]`, so positions survive compaction. */
  private startLine = 1;
  private startColumn = 1;
  private readonly waiters: (() => void)[] = [];
  private pulling = false;
  /** Set when the source failed; reads see end of input and the message is kept for diagnosis. */
  failure: string | undefined;

  constructor(
    text: string,
    private readonly source: InputSource | null = null,
  ) {
    this.text = text;
    this.ended = source === null;
  }

  /** Calls `wake` once more text (or the end) has arrived. Starts pulling from the source. */
  whenMore(wake: () => void): void {
    if (this.ended) {
      wake();
      return;
    }
    this.waiters.push(wake);
    this.pull();
  }

  /** Starts fetching the next chunk if nobody is already (`char-ready?` uses it to make progress). */
  pull(): void {
    if (this.pulling || this.ended || this.source === null) return;
    this.pulling = true;
    this.source.read().then(
      (chunk) => this.arrive(chunk),
      (error: unknown) => {
        this.failure = error instanceof Error ? error.message : String(error);
        this.arrive(null);
      },
    );
  }

  private arrive(chunk: string | null): void {
    this.pulling = false;
    if (chunk === null) this.ended = true;
    else this.append(chunk);
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Adds text at the end, dropping the consumed prefix once it is large. */
  append(chunk: string): void {
    if (this.pos >= COMPACT_AFTER) {
      const start = this.locationAt(this.pos);
      this.text = this.text.slice(this.pos);
      this.pos = 0;
      this.startLine = start.line;
      this.startColumn = start.column;
    }
    this.text += chunk;
  }

  /** Line and column of the buffer offset `offset`. Counts from the start: only errors ask. */
  locationAt(offset: number, file?: string): SourceLocation {
    const text = this.text;
    let line = this.startLine;
    let lineStart = -1;
    for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
      line++;
      lineStart = i;
    }
    const column = lineStart < 0 ? this.startColumn + offset : offset - lineStart;
    return { file, line, column };
  }
}
