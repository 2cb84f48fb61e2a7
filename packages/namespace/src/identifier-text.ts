// ## Writing identifiers and strings back as Scheme text
//
// Enough of `write` for namespace tables and aliases to print as readable declarations. A symbol
// whose name would not read back as that symbol is written between bars.

const PLAIN = /^[A-Za-z0-9!$%&*/:<=>?^_~+\-.@#]+$/;
const NUMBER_LIKE = /^[+-]?(?:[0-9]|\.[0-9])/;

/** An identifier as `write` shows it: `hi`, `github.com/fred/hello@2.0#hi`, `|two words|`. */
export function writeIdentifier(name: string): string {
  const plain =
    PLAIN.test(name) &&
    !NUMBER_LIKE.test(name) &&
    name !== "." &&
    !name.startsWith("#") &&
    !(name.startsWith("@") && name.length === 1);
  if (plain || name === "+" || name === "-") return name;
  return `|${name.replace(/[\\|]/g, (c) => `\\${c}`)}|`;
}

/** A string literal as `write` shows it. */
export function writeString(text: string): string {
  return `"${text
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n")
    .replace(/\t/g, "\\t")}"`;
}

/**
 * A qualified global as `expand` shows it: the namespace as is, then `#`, then the identifier
 * (between bars only if it needs them): `github.com/fred/hello@2.0#hi`, `#hi`, `m#|two words|`.
 * For people to read; qualified names are not R7RS identifiers and are not meant to be read back.
 */
export function writeQualified(qualified: string): string {
  const at = qualified.lastIndexOf("#");
  if (at < 0) return writeIdentifier(qualified);
  const name = qualified.slice(at + 1);
  return `${qualified.slice(0, at + 1)}${name === "" ? "||" : writeIdentifier(name)}`;
}
