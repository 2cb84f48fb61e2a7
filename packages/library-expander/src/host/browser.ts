// ## The expander's host in a browser
//
// No disk: a library or an included file comes from the registry's `loader` or `readFile`
// option. Paths are POSIX paths, as a loader in a page would name its sources.

/** A page reads no file unless the registry's `readFile` option does. */
export function readFromDisk(_path: string): string | undefined {
  return undefined;
}

export function hostPlatform(): string {
  return "browser";
}

function normalize(path: string): string {
  const absolute = path.startsWith("/");
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else if (part !== ".." || !absolute) out.push(part);
  }
  const joined = out.join("/");
  return absolute ? `/${joined}` : joined || ".";
}

export function join(...parts: string[]): string {
  const path = parts.filter((p) => p !== "").join("/");
  const normal = normalize(path);
  return path.endsWith("/") && !normal.endsWith("/") ? `${normal}/` : normal;
}

export function dirname(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  if (trimmed === "" && path.startsWith("/")) return "/";
  const cut = trimmed.lastIndexOf("/");
  return cut < 0 ? "." : cut === 0 ? "/" : trimmed.slice(0, cut);
}

/** Like Node's `path.resolve`, against `/` (a page has no working directory). */
export function resolve(...parts: string[]): string {
  let path = "";
  for (const part of parts) path = part.startsWith("/") ? part : `${path}/${part}`;
  return normalize(path.startsWith("/") ? path : `/${path}`);
}
