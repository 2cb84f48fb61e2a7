// ## Case folding for `#!fold-case`
//
// R7RS asks for `string-foldcase`. Lower-casing gives it for all but a few letters; final sigma is
// the one that matters in identifiers (`toLowerCase` keeps ς at a word's end, folding gives σ).

/** `string-foldcase` of an identifier or character name. */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes("ς") ? lower.replaceAll("ς", "σ") : lower;
}
