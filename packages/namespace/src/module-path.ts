// ## The flat form of module names
//
// `github.com/fred/hello@2.0`, `scheme/base`, `srfi/1`, `../hello`: the spelling used in
// qualified global names, on the command line and in messages. Parts are joined with `/`; a hosted
// name's version follows `@`. No part may contain `/`, `@` or `#`, so the form reads back
// unambiguously, and the first `/`-separated segment decides the kind exactly as in the list form.

import { ModuleNameError, quote } from "./errors.js";
import {
  checkHost,
  checkLibraryPart,
  checkPathPart,
  checkVersion,
  isCanonicalInteger,
  type ModuleName,
} from "./module-name.js";

/** Parses the flat form: `"github.com/fred/hello@2.0"`, `"scheme/base"`, `"srfi/1"`, `"../hello"`. */
export function parseModulePath(text: string): ModuleName {
  if (typeof text !== "string")
    throw new ModuleNameError(
      "not-a-name",
      `A module path is a string, like "scheme/base", not ${String(text)}.`,
    );
  if (text === "")
    throw new ModuleNameError("empty", 'A module path cannot be empty; write e.g. "scheme/base".');

  let body = text;
  let version: string | null = null;
  const at = text.indexOf("@");
  if (at >= 0) {
    const tag = text.slice(at + 1);
    if (tag.includes("/"))
      throw new ModuleNameError(
        "version-not-last",
        `The version in ${quote(text)} must come last, after the whole path.`,
        { part: text.slice(at) },
      );
    if (tag.includes("@"))
      throw new ModuleNameError("bad-version", `The module path ${quote(text)} has more than one '@'.`, {
        part: text.slice(at),
      });
    version = checkVersion(tag);
    body = text.slice(0, at);
    if (body === "")
      throw new ModuleNameError("empty", `The version ${quote(text)} belongs to no module name.`, {
        part: text,
      });
  }

  const segments = body.split("/");
  const emptyAt = segments.indexOf("");
  if (emptyAt >= 0)
    throw new ModuleNameError(
      "bad-part",
      `The module path ${quote(text)} has an empty part (check its '/'s).`,
      {
        part: body,
      },
    );

  if (segments[0] === "..") {
    let up = 0;
    while (up < segments.length && segments[up] === "..") up++;
    if (version !== null)
      throw new ModuleNameError(
        "bad-relative",
        `A relative module reference has the version of the module it is in; drop ${quote(`@${version}`)}.`,
        { part: `@${version}` },
      );
    if (up === segments.length)
      throw new ModuleNameError(
        "empty",
        `The relative reference ${quote(text)} names no module after its '..'s.`,
      );
    const parts = segments.slice(up).map((part) => {
      if (part === "..")
        throw new ModuleNameError("bad-relative", "'..' may only lead a relative module reference.", {
          part,
        });
      return checkPathPart(part);
    });
    return { kind: "relative", up, parts };
  }

  if (segments[0]!.includes(".")) {
    const host = checkHost(segments[0]!);
    if (segments.length === 1)
      throw new ModuleNameError(
        "no-path",
        `The module path ${quote(text)} names a host but no repository, like "${segments[0]}/owner/name".`,
        { part: segments[0]! },
      );
    return { kind: "hosted", host, path: segments.slice(1).map((part) => checkPathPart(part)), version };
  }

  if (version !== null)
    throw new ModuleNameError(
      "version-not-hosted",
      `Only a hosted module name (one starting with a host such as github.com/owner) may carry a version; ${quote(`@${version}`)} is on ${quote(body)}.`,
      { part: `@${version}` },
    );
  const parts = segments.map((segment, i) => {
    if (segment === "..")
      throw new ModuleNameError("bad-relative", "'..' may only lead a relative module reference.", {
        part: segment,
      });
    if (/^[0-9]+$/.test(segment)) {
      if (!isCanonicalInteger(segment))
        throw new ModuleNameError(
          "bad-part",
          `Bad library name part ${quote(segment)}: write a number without leading zeros, within 2^53.`,
          { part: segment },
        );
      return Number(segment);
    }
    return checkLibraryPart(segment, i === 0);
  });
  return { kind: "library", parts };
}

/** The flat form: `"github.com/fred/hello@2.0"`, `"scheme/base"`, `"srfi/1"`, `"../hello"`. */
export function formatModuleName(name: ModuleName): string {
  switch (name.kind) {
    case "hosted":
      return `${name.host}/${name.path.join("/")}${name.version === null ? "" : `@${name.version}`}`;
    case "library":
      return name.parts.join("/");
    case "relative":
      return `${"../".repeat(name.up)}${name.parts.join("/")}`;
  }
}

/** True when both denote the same module (the same kind, pieces and version). */
export function sameModule(a: ModuleName, b: ModuleName): boolean {
  return a.kind === b.kind && formatModuleName(a) === formatModuleName(b);
}

const KIND_ORDER = { hosted: 0, library: 1, relative: 2 } as const;

/**
 * A total order for sorting and for stable output: hosted names first, then libraries, then
 * relative references; within a kind by flat form, code unit by code unit.
 */
export function compareModuleNames(a: ModuleName, b: ModuleName): number {
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  const x = formatModuleName(a);
  const y = formatModuleName(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
