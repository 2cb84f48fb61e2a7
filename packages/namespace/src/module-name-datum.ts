// ## The list form of module names
//
// What `define-library` and `import` hold, as read: `(github.com/fred hello @2.0)`. The first
// element decides the kind: `..` starts a relative reference, a symbol whose text before its first
// `/` contains a dot starts a hosted name, anything else is an ordinary library name. Host and owner
// may be one element (`github.com/fred`, as the ELS'20 paper writes it) or two (`github.com fred`);
// both read to the same name, and `moduleNameToDatum` writes the paper's spelling.

import { intern, isExactInteger, list, listToArray, Sym } from "@termite/datum";
import { ModuleNameError, quote } from "./errors.js";
import {
  checkHost,
  checkLibraryPart,
  checkPathPart,
  checkVersion,
  isCanonicalInteger,
  type ModuleName,
} from "./module-name.js";

/** The text of one list element: a symbol's name or an integer's digits; anything else throws. */
function elementText(element: unknown, form: unknown): string | number {
  if (element instanceof Sym) return element.name;
  if (typeof element === "number" && isExactInteger(element)) return element;
  if (typeof element === "bigint")
    throw new ModuleNameError("bad-part", `The number ${element} in a module name is too large.`, {
      part: String(element),
      form,
    });
  throw new ModuleNameError(
    "bad-part",
    `A module name holds symbols and exact non-negative integers, not ${describe(element)}.`,
    { part: describe(element), form },
  );
}

function describe(value: unknown): string {
  if (typeof value === "string") return `the JS string ${quote(value)}`;
  if (value === null) return "()";
  if (typeof value === "object" && value !== null && "toString" in value) {
    const text = String(value);
    return text === "[object Object]" ? `a ${value.constructor?.name ?? "value"}` : text;
  }
  return String(value);
}

/** A hosted path part from a list element: a symbol, or an integer for an all-digit part. */
function pathPart(element: unknown, form: unknown): string {
  const text = elementText(element, form);
  if (typeof text === "number") {
    if (text < 0)
      throw new ModuleNameError("bad-part", `Bad path part ${text}: it is negative.`, {
        part: String(text),
        form,
      });
    return String(text);
  }
  if (text.includes("/"))
    throw new ModuleNameError(
      "bad-part",
      `Bad path part ${quote(text)}: only the first element of a module name may contain '/'.`,
      { part: text, form },
    );
  return checkPathPart(text, form);
}

function isVersionElement(element: unknown): element is Sym {
  return element instanceof Sym && element.name.startsWith("@");
}

/**
 * Parses the list form of a module name, as `define-library` and `import` hold it.
 * Throws `ModuleNameError` naming the part that is wrong.
 */
export function parseModuleName(form: unknown): ModuleName {
  let elements: unknown[];
  try {
    elements = listToArray(form);
  } catch {
    throw new ModuleNameError(
      "not-a-name",
      `A module name is a proper list, like (scheme base), not ${describe(form)}.`,
      {
        form,
      },
    );
  }
  if (elements.length === 0)
    throw new ModuleNameError("empty", "A module name needs at least one part: () names nothing.", { form });

  // A version is only ever the last element.
  let version: string | null = null;
  const versionAt = elements.findIndex(isVersionElement);
  if (versionAt >= 0) {
    const tag = (elements[versionAt] as Sym).name;
    if (versionAt !== elements.length - 1)
      throw new ModuleNameError(
        "version-not-last",
        `The version ${quote(tag)} must be the last element of the module name.`,
        { part: tag, form },
      );
    version = checkVersion(tag.slice(1), form);
    elements = elements.slice(0, -1);
    if (elements.length === 0)
      throw new ModuleNameError("empty", `The version ${quote(tag)} belongs to no module name.`, {
        part: tag,
        form,
      });
  }

  const first = elements[0];
  const firstText = first instanceof Sym ? first.name : null;

  if (firstText === "..") {
    let up = 0;
    while (up < elements.length && elements[up] instanceof Sym && (elements[up] as Sym).name === "..") up++;
    if (version !== null)
      throw new ModuleNameError(
        "bad-relative",
        `A relative module reference has the version of the module it is in; drop ${quote(`@${version}`)}.`,
        { part: `@${version}`, form },
      );
    if (up === elements.length)
      throw new ModuleNameError("empty", "A relative module reference names a module after its '..'s.", {
        form,
      });
    const parts = elements.slice(up).map((element) => {
      if (element instanceof Sym && element.name === "..")
        throw new ModuleNameError("bad-relative", "'..' may only lead a relative module reference.", {
          part: "..",
          form,
        });
      return pathPart(element, form);
    });
    return { kind: "relative", up, parts };
  }

  if (firstText !== null && firstText.split("/")[0]!.includes(".")) {
    if (firstText.includes("@"))
      throw new ModuleNameError(
        "bad-part",
        `Bad first element ${quote(firstText)}: write the version as its own last element, like (github.com/fred hello @2.0).`,
        { part: firstText, form },
      );
    const [hostText, ...ownerParts] = firstText.split("/");
    const host = checkHost(hostText!, form);
    const path = [
      ...ownerParts.map((part) => {
        if (part === "")
          throw new ModuleNameError(
            "bad-part",
            `Bad first element ${quote(firstText)}: it has an empty path part.`,
            {
              part: firstText,
              form,
            },
          );
        return checkPathPart(part, form);
      }),
      ...elements.slice(1).map((element) => pathPart(element, form)),
    ];
    if (path.length === 0)
      throw new ModuleNameError(
        "no-path",
        `The hosted module name ${quote(firstText)} names a host but no repository, like (${firstText}/owner name).`,
        { part: firstText, form },
      );
    return { kind: "hosted", host, path, version };
  }

  const parts = elements.map((element, i) => {
    const text = elementText(element, form);
    if (typeof text === "string" && text === "..")
      throw new ModuleNameError("bad-relative", "'..' may only lead a relative module reference.", {
        part: "..",
        form,
      });
    return checkLibraryPart(text, i === 0, form);
  });
  if (version !== null)
    throw new ModuleNameError(
      "version-not-hosted",
      `Only a hosted module name (one starting with a host such as github.com/owner) may carry a version; ${quote(`@${version}`)} is on the ordinary library name ${quote(parts.join("/"))}.`,
      { part: `@${version}`, form },
    );
  return { kind: "library", parts };
}

function pathDatum(part: string): unknown {
  return isCanonicalInteger(part) ? Number(part) : intern(part);
}

/**
 * The list form of a name: `(github.com/fred hello @2.0)`, `(scheme base)`, `(.. hello)`.
 * Host and first path part are written as one element, as in the ELS'20 paper.
 */
export function moduleNameToDatum(name: ModuleName): unknown {
  let items: unknown[];
  switch (name.kind) {
    case "hosted":
      items = [intern(`${name.host}/${name.path[0]}`), ...name.path.slice(1).map(pathDatum)];
      if (name.version !== null) items.push(intern(`@${name.version}`));
      break;
    case "library":
      items = name.parts.map((part) => (typeof part === "number" ? part : intern(part)));
      break;
    case "relative":
      items = [...Array.from({ length: name.up }, () => intern("..")), ...name.parts.map(pathDatum)];
      break;
  }
  return list(items);
}
