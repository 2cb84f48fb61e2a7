// ## Character names
//
// `#\space` and friends: the R7RS names, plus the R6RS spellings (`nul`, `linefeed`, `vtab`,
// `page`, `esc`) that older code and other Schemes' printers still produce.

/** Code point of each named character. */
export const CHAR_NAMES: ReadonlyMap<string, number> = new Map([
  ["alarm", 0x07],
  ["backspace", 0x08],
  ["delete", 0x7f],
  ["escape", 0x1b],
  ["newline", 0x0a],
  ["null", 0x00],
  ["return", 0x0d],
  ["space", 0x20],
  ["tab", 0x09],
  // R6RS spellings, accepted on input only.
  ["nul", 0x00],
  ["linefeed", 0x0a],
  ["vtab", 0x0b],
  ["page", 0x0c],
  ["esc", 0x1b],
]);
