// ## How a node writes and reads process ids and tags on the wire

import type { ProcessId, Tag } from "@termite/datum";

/**
 * How a node writes and reads process ids and tags. Without a network (`describeId` absent) an id
 * travels as `[node, number]`; a networked node adds its incarnation and, for a service, the name,
 * and reads ids back as the same objects (a tag comes back `eq?` to the one `!?` waits for).
 */
export interface ProcessIdentities {
  find(pid: ProcessId): { readonly pid: ProcessId } | undefined;
  /** The fields of `id` on the wire (docs/wire-format.md §7). */
  describeId?(id: ProcessId | Tag): unknown[];
  /** The id or tag the fields name, interned; throws on malformed fields. */
  reviveId?(kind: "pid" | "tag", fields: readonly unknown[]): ProcessId | Tag;
}
