// ## Closures, continuations and runtime objects on the wire (docs/wire-format.md §7)

export { CompiledCodeTable, type CompiledUnitSource, runCompiledScript } from "./compiled-codes.js";
export { type PackedUnit, packBody, packUnit, unpackBody, unpackTree } from "./core-tree.js";
export { type DescribeExtension, type Describer, makeDescriber, type UnitFinder } from "./describe.js";
export { installWire, wireError, wireOf, wirePart } from "./install.js";
export type { ProcessIdentities } from "./process-identities.js";
export { type CompiledClosureCode, makeResolver, makeRevivers, type ReviveContext } from "./revive.js";
export { WireTags } from "./tags.js";
export { Wire, type WireNode, type WireOptions } from "./wire.js";
