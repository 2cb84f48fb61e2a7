// ## Hosted modules wired into a system (import, compiled cache, install on arrival)

export { CompiledCache, type HostedUnitInputs, hostedUnitHash, hostedUnitSource } from "./compiled-cache.js";
export {
  HostedModules,
  type HostedModulesOptions,
  type HostedProgress,
  hostedModulesOf,
  hostedModulesPart,
} from "./hosted-modules.js";
export { type HostedImport, hostedImports } from "./imports.js";
