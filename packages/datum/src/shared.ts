// ## One copy of the value model per process
//
// A process may load both the ESM and the CJS build of this package (the dual-package hazard).
// Interned symbols, chars and the classes behind `instanceof` must then still be one: the first
// build to load puts them in a registry on `globalThis`, and every later build uses that registry.
// The key carries the layout version, so two incompatible layouts never share by accident.

const REGISTRY_KEY = Symbol.for("@termite/datum/registry@1");

/** What the registry holds; each field is filled once by the first build that loads. */
export interface SharedRegistry {
  readonly classes: Record<string, unknown>;
  readonly symbols: Map<string, unknown>;
  readonly chars: Map<number, unknown>;
  readonly locations: WeakMap<object, unknown>;
  readonly singletons: Record<string, unknown>;
}

const holder = globalThis as unknown as Record<symbol, SharedRegistry | undefined>;

export const registry: SharedRegistry = (holder[REGISTRY_KEY] ??= {
  classes: Object.create(null),
  symbols: new Map(),
  chars: new Map(),
  locations: new WeakMap(),
  singletons: Object.create(null),
});

/** Returns the class registered under `name`, registering `local` if this build is the first. */
export function sharedClass<T>(name: string, local: T): T {
  const existing = registry.classes[name];
  if (existing !== undefined) return existing as T;
  registry.classes[name] = local;
  return local;
}

/** Returns the singleton registered under `name`, creating it if this build is the first. */
export function sharedSingleton<T>(name: string, make: () => T): T {
  const existing = registry.singletons[name];
  if (existing !== undefined) return existing as T;
  const made = make();
  registry.singletons[name] = made;
  return made;
}
