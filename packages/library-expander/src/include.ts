// ## include, include-ci
//
// File names are resolved against the directory of the file holding the `include` form (the
// reader records it in each position), else against the unit's file, else the working directory.

import { locationOf, MString, type Pair } from "@termite/datum";
import { readAll } from "@termite/reader";
import { dirname, resolve as resolvePath } from "#host";
import type { Expander } from "./environment.js";
import { stripSyntax } from "./syntax.js";

/** The forms of the files an `include` form names, in order. */
export function includeForms(form: Pair, x: Expander, foldCase: boolean): unknown[] {
  const names = x.items(form.cdr, "include", form);
  if (names.length === 0) x.malformed("include needs at least one file name", form);
  const from = locationOf(form)?.file ?? x.loc?.file ?? x.file;
  const out: unknown[] = [];
  for (const n of names) {
    const name = stripSyntax(n);
    if (!(name instanceof MString)) x.malformed("include takes file names as strings", form);
    const path = resolvePath(from !== undefined ? dirname(from) : ".", name.toString());
    const text = x.registry.readFile(path);
    if (text === undefined) x.error("include-failed", `cannot read the included file ${path}`, form);
    for (const d of readAll(text, { file: path, foldCase })) out.push(d);
  }
  return out;
}
