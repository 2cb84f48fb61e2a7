// ## Code references
//
// Code never travels as JavaScript: a compiled procedure or frame names its code symbolically (the
// `CodeReference` shape declared in @termite/datum), and the receiver's resolver maps the name back
// to code it has, fetches, or refuses. A reference is plain data: equal parts, same code.

import type { CodeReference } from "@termite/datum";

export type { CodeReference };

/** A string equal for equal references: each distinct reference is resolved once. */
export function codeReferenceKey(ref: CodeReference): string {
  return `${ref.module}\u0000${ref.id}\u0000${ref.hash ?? ""}`;
}

/** `github.com/fred/hello@2.0 #hi/lambda2 (source hash 3fa2…)`, for error messages. */
export function formatCodeReference(ref: CodeReference): string {
  const module = ref.module === "" ? "(script)" : ref.module;
  return ref.hash === undefined ? `${module} ${ref.id}` : `${module} ${ref.id} (source hash ${ref.hash})`;
}

/** Supplies the code a received message refers to. */
export interface CodeResolver {
  /**
   * The code for `reference` — any value, which becomes the decoded object in its place — or
   * `undefined` when unknown. May throw a `CodeReferenceError` (e.g. `hashMismatch`); any other
   * throw counts as a refusal. May return a promise (fetching a module); `decodeSync` needs a
   * synchronous answer.
   */
  resolve(reference: CodeReference): unknown;
}
