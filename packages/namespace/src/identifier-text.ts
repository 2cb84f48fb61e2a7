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
