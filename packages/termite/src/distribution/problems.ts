// ## One log line per peer and reason
//
// Whatever a peer sends that this node drops (garbage, a message for a process that is gone, a
// flood) is said once per peer and reason, so a peer cannot flood the log either.

/** Distinct (peer, reason) lines kept before the oldest are forgotten. */
const REMEMBERED = 4096;

export class ProblemLog {
  private readonly said = new Set<string>();

  constructor(
    private readonly write: (line: string) => void,
    private readonly self: () => string,
  ) {}

  /** Logs `termite: node SELF: PEER: REASON (DETAIL)` unless this peer already had this reason. */
  report(peer: string, reason: string, detail?: string): void {
    const key = `${peer}\0${reason}`;
    if (this.said.has(key)) return;
    if (this.said.size >= REMEMBERED) this.said.delete(this.said.values().next().value as string);
    this.said.add(key);
    const more = detail === undefined || detail === "" ? "" : ` (${detail})`;
    this.write(`termite: node ${this.self()}: ${peer}: ${reason}${more}\n`);
  }

  /** A peer that came back may have the same problems again: say them again. */
  forget(peer: string): void {
    for (const key of this.said) if (key.startsWith(`${peer}\0`)) this.said.delete(key);
  }
}
