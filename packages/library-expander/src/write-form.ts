// ## Forms written for messages and printed expansions
//
// Aliases print as the symbol they rename; long forms are cut so that a message stays one
// readable line.

import { write } from "@termite/datum";
import { stripSyntax } from "./syntax.js";

/** Writes `datum` (which may hold aliases) in Scheme's external syntax. */
export function writeDatum(datum: unknown): string {
  return write(stripSyntax(datum));
}

/** A form as it appears in an error message: written, and cut after about 120 characters. */
export function writeForm(form: unknown): string {
  const text = writeDatum(form);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
