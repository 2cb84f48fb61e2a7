// ## Naming objects in error messages
//
// Errors must name the object they are about, but an object's own printed form may be huge or may
// throw; this keeps it short and safe.

const MAX_PRINTED = 60;

/** A short printed form of `value` for an error message: `#<procedure loop>`, `#<Socket>`. */
export function printForError(value: unknown, print?: (value: unknown) => string | undefined): string {
  let text: string | undefined;
  try {
    text = print?.(value);
    if (text === undefined) text = defaultPrint(value);
  } catch {
    text = "#<unprintable>";
  }
  return text.length > MAX_PRINTED ? `${text.slice(0, MAX_PRINTED - 1)}…` : text;
}

function defaultPrint(value: unknown): string {
  if (typeof value === "function") return `#<procedure ${value.name || "anonymous"}>`;
  if (typeof value === "symbol") return `#<js-symbol ${value.description ?? ""}>`;
  if (typeof value !== "object" || value === null) return String(value);
  const ctor = (value as { constructor?: { name?: string } }).constructor?.name;
  const own = (value as { toString?: () => string }).toString;
  if (typeof own === "function" && own !== Object.prototype.toString) {
    const text = String(value);
    if (!text.startsWith("[object")) return `#<${ctor ?? "object"} ${text}>`;
  }
  return `#<${ctor || "object"}>`;
}
