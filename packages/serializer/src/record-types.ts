// ## Record types on the receiving side
//
// A record travels with its type's name, uid and field names. The receiver looks the uid up in a
// registry: a type defined locally (registered by the runtime under its uid) is used as is, so
// `point?` works on received points; an unknown uid gets a new type made from the wire and
// registered, so every later message with that uid shares it.

import type { RecordType } from "@termite/datum";

/** Where `decode` looks record types up by uid; a `Map<string, RecordType>` will do. */
export interface RecordTypeRegistry {
  get(uid: string): RecordType | undefined;
  set(uid: string, type: RecordType): unknown;
}

const KEY = Symbol.for("@termite/serializer/record-types@1");
const holder = globalThis as unknown as { [KEY]?: Map<string, RecordType> };

/** The process-wide registry used when `decode` is given none (one across ESM and CJS builds). */
export const defaultRecordTypes: Map<string, RecordType> = (holder[KEY] ??= new Map());

/** Makes `type` the one received records with its uid get. */
export function registerRecordType(
  type: RecordType,
  registry: RecordTypeRegistry = defaultRecordTypes,
): void {
  registry.set(type.uid, type);
}
