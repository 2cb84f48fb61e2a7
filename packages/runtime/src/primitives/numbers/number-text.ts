// ## number->string and string->number
//
// The syntax itself belongs to the printer (@termite/datum) and the reader (@termite/reader), so
// that `write`, `read` and these procedures agree on every number.

import { MString, numberToString, string } from "@termite/datum";
import { parseNumber } from "@termite/reader";
import { schemeError, typeError } from "../../errors.js";
import { numberKind } from "./tower.js";

function radixArg(who: string, radix: unknown): number {
  if (radix === undefined) return 10;
  if (radix === 2 || radix === 8 || radix === 10 || radix === 16) return radix;
  return schemeError(who, "radix must be 2, 8, 10 or 16", radix);
}

/** `(number->string z [radix])`. */
export function numberToStringPrimitive(z: unknown, radix?: unknown): MString {
  numberKind("number->string", z, 0);
  return string(numberToString(z, radixArg("number->string", radix)));
}

/** `(string->number string [radix])`: the number, or #f when the text is not one. */
export function stringToNumber(text: unknown, radix?: unknown): unknown {
  if (!(text instanceof MString)) typeError("string->number", "a string", text, 0);
  return parseNumber(text.toString(), radixArg("string->number", radix));
}
