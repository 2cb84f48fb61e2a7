// ## Namespace tables
//
// The meaning of Gambit's `##namespace`, which the library expander uses to qualify free
// identifiers. A table is a list of rules, each a prefix (`"gitlab.com/zoo/cats@2.0#"`, or `""`
// for "leave unqualified") that applies either to every identifier or to listed ones, possibly
// renaming them:
//
//   ("ns#")              every identifier `x` becomes `ns#x`
//   ("ns#" a b)          only `a` and `b` become `ns#a` and `ns#b`
//   ("ns#" (a b))        `a` becomes `ns#b` (the import of `b` under the local name `a`)
//   ("" define)          `define` stays `define`
//
// Rules are consulted from the newest to the oldest and the first that covers the identifier
// decides, so a later rule shadows an earlier one. An identifier that already contains `#` is
// qualified and no rule touches it (as in Gambit: `##car`, `scheme/base#car`). An identifier no rule
// covers is returned unchanged.

import { intern, isList, list, listToArray, MString, Sym, string } from "@termite/datum";
import { ModuleNameError, quote } from "./errors.js";
import { writeIdentifier, writeString } from "./identifier-text.js";

/** One rule; the same shape as the core language's `NamespaceRule`. */
export interface NamespaceRule {
  /** `"ns#"`, or `""` for "leave unqualified". */
  readonly prefix: string;
  /** `undefined`: every identifier; otherwise the covered identifiers, each `[written, defined]`. */
  readonly names?: readonly (readonly [string, string])[] | undefined;
}

function checkPrefix(prefix: string, form?: unknown): string {
  if (typeof prefix !== "string" || (prefix !== "" && !prefix.endsWith("#")))
    throw new ModuleNameError(
      "bad-prefix",
      `Bad namespace prefix ${quote(String(prefix))}: a prefix is "" (leave unqualified) or ends with '#', like "github.com/fred/hello@2.0#".`,
      { part: String(prefix), form },
    );
  return prefix;
}

export class NamespaceTable {
  readonly #rules: NamespaceRule[] = [];
  // Listed identifiers, resolved once per change: written name -> qualified name.
  #listed = new Map<string, string>();
  // The prefix of the newest all-covering rule; listed entries older than it are dropped.
  #defaultPrefix: string | undefined;

  constructor(rules: Iterable<NamespaceRule> = []) {
    for (const rule of rules) this.add(rule);
  }

  /** A table that qualifies every identifier with `namespace#`, as a library's own table starts. */
  static forNamespace(namespace: string): NamespaceTable {
    return new NamespaceTable([{ prefix: `${namespace}#` }]);
  }

  /**
   * Reads the arguments of a `(namespace ...)` / `(##namespace ...)` declaration:
   * a list of rule datums such as `("ns#")`, `("" define)`, `("ns#" (a b))`.
   */
  static fromDatum(rules: unknown): NamespaceTable {
    const table = new NamespaceTable();
    if (!isList(rules))
      throw new ModuleNameError(
        "bad-declaration",
        'A namespace declaration holds a list of rules like ("ns#" a b).',
        {
          form: rules,
        },
      );
    for (const rule of listToArray(rules)) table.add(parseRule(rule));
    return table;
  }

  /** Adds a rule; it shadows the rules added before it. Returns `this`. */
  add(rule: NamespaceRule): this {
    const prefix = checkPrefix(rule.prefix);
    const names = rule.names?.map(([from, to]) => [from, to] as const);
    this.#rules.push(names === undefined ? { prefix } : { prefix, names });
    if (names === undefined) {
      // Everything is covered by the new default: older listed entries can no longer win.
      this.#defaultPrefix = prefix;
      this.#listed = new Map();
    } else {
      for (const [from, to] of names) this.#listed.set(from, isQualifiedName(to) ? to : prefix + to);
    }
    return this;
  }

  /** `("prefix")`: qualify every identifier not covered by a newer rule. */
  addDefault(prefix: string): this {
    return this.add({ prefix });
  }

  /** `("prefix" a (b c) ...)`: a string covers itself, a pair `[written, defined]` renames. */
  addNames(prefix: string, names: Iterable<string | readonly [string, string]>): this {
    return this.add({
      prefix,
      names: [...names].map((name) => (typeof name === "string" ? ([name, name] as const) : name)),
    });
  }

  /** The qualified name `identifier` stands for, or `identifier` itself when no rule covers it. */
  resolve(identifier: string): string {
    if (isQualifiedName(identifier)) return identifier;
    const listed = this.#listed.get(identifier);
    if (listed !== undefined) return listed;
    return this.#defaultPrefix === undefined ? identifier : this.#defaultPrefix + identifier;
  }

  /** True when some rule covers `identifier` (it is qualified, or deliberately left bare by `""`). */
  covers(identifier: string): boolean {
    return isQualifiedName(identifier) || this.#listed.has(identifier) || this.#defaultPrefix !== undefined;
  }

  /** The rules in the order they were added. */
  get rules(): readonly NamespaceRule[] {
    return this.#rules;
  }

  /** A copy that can be extended without changing this table. */
  clone(): NamespaceTable {
    return new NamespaceTable(this.#rules);
  }

  /** The rules as datums: `(("ns#") ("" define) ("m#" (a b)))`, strings as `MString`. */
  toDatum(): unknown {
    return list(
      this.#rules.map((rule) =>
        list([
          string(rule.prefix),
          ...(rule.names ?? []).map(([from, to]) =>
            from === to ? intern(from) : list([intern(from), intern(to)]),
          ),
        ]),
      ),
    );
  }

  /**
   * The table as a readable declaration, one rule per line, as `expand` shows it:
   * `(namespace ("gitlab.com/zoo/cats@2.0#")\n           ("" define))`.
   */
  print(keyword = "namespace"): string {
    const lead = `(${keyword} `;
    const pad = " ".repeat(lead.length);
    if (this.#rules.length === 0) return `(${keyword})`;
    const lines = this.#rules.map((rule) => {
      const items = [
        writeString(rule.prefix),
        ...(rule.names ?? []).map(([from, to]) =>
          from === to ? writeIdentifier(from) : `(${writeIdentifier(from)} ${writeIdentifier(to)})`,
        ),
      ];
      return `(${items.join(" ")})`;
    });
    return `${lead}${lines.join(`\n${pad}`)})`;
  }

  toString(): string {
    return this.print();
  }
}

function isQualifiedName(name: string): boolean {
  return name.includes("#");
}

function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (value instanceof MString) return value.toString();
  return undefined;
}

function parseRule(rule: unknown): NamespaceRule {
  const fail = (why: string): never => {
    throw new ModuleNameError("bad-declaration", `Bad namespace rule: ${why}.`, { form: rule });
  };
  if (!isList(rule) || rule === null) return fail('a rule is a list like ("ns#") or ("ns#" a (b c))');
  const [head, ...rest] = listToArray(rule);
  const prefix = textOf(head);
  if (prefix === undefined) return fail("it starts with the prefix string");
  checkPrefix(prefix, rule);
  if (rest.length === 0) return { prefix };
  const names = rest.map((item): readonly [string, string] => {
    if (item instanceof Sym) return [item.name, item.name];
    if (isList(item)) {
      const pair = listToArray(item);
      if (pair.length === 2 && pair[0] instanceof Sym && pair[1] instanceof Sym)
        return [pair[0].name, pair[1].name];
    }
    return fail(`after the prefix come identifiers or (written defined) pairs, not ${String(item)}`);
  });
  return { prefix, names };
}
