// ## The hosted modules a text imports
//
// The expander is synchronous and git is not, so before a script, program or hosted library is
// expanded its import declarations are read for hosted module names, which are installed first.
// Read: top-level `(import SET…)` forms and, in `define-library` forms, `import` declarations
// (also inside `cond-expand` declarations; a `begin` is the body); each import set is unwrapped through
// `only`, `except`, `prefix` and `rename`. A name this misses (an `include-library-declarations`
// file, an alias) is still found when it is installed, and otherwise reported as an unknown library.

import { locationOf, Pair, type SourceLocation, Sym } from "@termite/datum";
import { type HostedModuleName, isHosted, parseModuleName } from "@termite/namespace";
import { readAll } from "@termite/reader";

/** A hosted module named in an import set, with where it is written. */
export interface HostedImport {
  readonly name: HostedModuleName;
  readonly location: SourceLocation | undefined;
  readonly form: unknown;
}

const WRAPPERS = new Set(["only", "except", "prefix", "rename"]);

function head(form: unknown): string | undefined {
  return form instanceof Pair && form.car instanceof Sym ? form.car.name : undefined;
}

function items(list: unknown): unknown[] {
  const out: unknown[] = [];
  for (let p = list; p instanceof Pair; p = p.cdr) out.push(p.car);
  return out;
}

function importSet(set: unknown, out: HostedImport[]): void {
  const h = head(set);
  if (h !== undefined && WRAPPERS.has(h) && set instanceof Pair && set.cdr instanceof Pair) {
    importSet(set.cdr.car, out);
    return;
  }
  let name: ReturnType<typeof parseModuleName>;
  try {
    name = parseModuleName(set);
  } catch {
    return; // the expander reports malformed names with their position
  }
  if (isHosted(name)) out.push({ name, location: locationOf(set), form: set });
}

function declarations(decls: readonly unknown[], out: HostedImport[]): void {
  for (const d of decls) {
    const h = head(d);
    if (h === "import") for (const set of items((d as Pair).cdr)) importSet(set, out);
    // Every clause of a cond-expand: which one holds is decided later, by the expander.
    else if (h === "cond-expand")
      for (const clause of items((d as Pair).cdr))
        if (clause instanceof Pair) declarations(items(clause.cdr), out);
  }
}

/** The hosted modules imported by the top-level forms of `text` (a script, program or library). */
export function hostedImports(text: string, file?: string): HostedImport[] {
  const out: HostedImport[] = [];
  for (const form of readAll(text, { file })) {
    const h = head(form);
    if (h === "import") declarations([form], out);
    else if (h === "define-library" && form instanceof Pair && form.cdr instanceof Pair)
      declarations(items(form.cdr.cdr), out);
  }
  return out;
}
