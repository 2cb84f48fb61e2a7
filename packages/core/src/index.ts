// ## @termite/core
//
// The core language of Termite Scheme — what the expander produces and the back ends and the wire
// consume — declared once in `CORE_NODES`, with everything else read off that declaration.

export { type Builders, type FieldsOf, isKind, isProcedure, isVariableRef, make } from "./build.js";
export {
  CORE_NODES,
  type FieldDeclaration,
  type FieldShape,
  fieldsOf,
  isNodeKind,
  NODE_KINDS,
  type NodeKind,
} from "./declaration.js";
export {
  type CoreModule,
  isCoreModule,
  type LibraryMetadata,
  type ModuleWarning,
  type NamespaceRule,
} from "./module.js";
export type {
  Assign,
  Call,
  CaseLambda,
  Define,
  FieldValue,
  GlobalRef,
  If,
  Lambda,
  Let,
  Letrec,
  LocalRef,
  Node,
  NodeOf,
  Quote,
  Sequence,
  ValueOfShape,
  Variable,
} from "./nodes.js";
export { printCore } from "./print.js";
export { datumToTree, MalformedTreeError, treeToDatum } from "./tree-datum.js";
export { CoreShapeError, isNode, validate } from "./validate.js";
export {
  childrenOf,
  forEachBinder,
  forEachChild,
  type Handlers,
  SKIP,
  someNode,
  visit,
  type Walker,
  walk,
} from "./visit.js";
