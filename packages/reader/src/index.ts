export { DatumReader, END_OF_TEXT, type ReadOptions } from "./datum-reader.js";
export { parseNumber } from "./number-syntax.js";
export { readAll } from "./read-all.js";
export { ReadError, type ReadErrorCode } from "./read-error.js";
