// ## @termite/library-expander
//
// R7RS `define-library`, import sets, `cond-expand`, `include*`, hygienic `syntax-rules`, built-in
// transformers written in TypeScript and every derived form, expanded to the core language of
// @termite/core with the ELS'20 `supply-module` / `demand-module` / `namespace` declarations.

export { KEYWORD_LIBRARIES } from "./builtins.js";
export { Alias, type Identifier, type Library } from "./environment.js";
export type { ExpandErrorCode, ExpandWarning } from "./error-codes.js";
export { ExpandError } from "./errors.js";
export {
  type LibraryLoader,
  type LibraryNameSpec,
  LibraryRegistry,
  type LibraryRegistryOptions,
  type LibrarySource,
} from "./library-registry.js";
export type { SyntaxTransformer, TransformerApi } from "./transformer.js";
export {
  DEFAULT_SCRIPT_LIBRARIES,
  expandLibrary,
  expandProgram,
  expandScript,
  type ScriptOptions,
  ScriptSession,
  type SourceOptions,
} from "./units.js";
