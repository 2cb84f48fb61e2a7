// ## @termite/namespace
//
// Hosted module names (`(github.com/fred hello @2.0)` <-> `github.com/fred/hello@2.0`), qualified
// global names (`github.com/fred/hello@2.0#hi`), Gambit-style namespace tables and lexically scoped
// module aliases. The public surface, in one place.

export { ModuleNameError, type ModuleNameErrorCode } from "./errors.js";
export { writeIdentifier, writeQualified, writeString } from "./identifier-text.js";
export { type ModuleAlias, ModuleAliases, type ModuleNamePrefix } from "./module-aliases.js";
export {
  checkHost,
  checkLibraryPart,
  checkPathPart,
  checkVersion,
  type HostedModuleName,
  hostedModuleName,
  isCanonicalInteger,
  isHosted,
  isVersionRange,
  type LibraryName,
  libraryName,
  type ModuleName,
  type RelativeModuleName,
  relativeModuleName,
  withVersion,
} from "./module-name.js";
export { moduleNameToDatum, parseModuleName } from "./module-name-datum.js";
export { compareModuleNames, formatModuleName, parseModulePath, sameModule } from "./module-path.js";
export { type NamespaceRule, NamespaceTable } from "./namespace-table.js";
export {
  isQualified,
  libraryNamespace,
  qualifiedGlobal,
  qualify,
  SCRIPT_NAMESPACE,
  splitQualified,
} from "./qualified.js";
export { resolveRelative } from "./relative.js";
export {
  type HostedRepository,
  installDirectory,
  installPath,
  installPaths,
  repositoryOf,
  tagCandidates,
  versionDirectory,
} from "./repository.js";
