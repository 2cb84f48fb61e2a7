export { PURE_PRIMITIVES } from "./analysis.js";
export {
  type CompiledCode,
  type CompiledModule,
  type CompiledUnit,
  type CompileOptions,
  compileModule,
  compileProcedure,
  compileUnit,
  linkModule,
  MODULE_PARAMETERS,
  sourceHash,
} from "./compile.js";
export {
  COMPILER_ABI,
  type GeneratedModule,
  type GenerateOptions,
  generate,
  generateProcedure,
  type LambdaContext,
  type ProcedureOptions,
} from "./generate.js";
export {
  type CompiledFiles,
  type CompiledManifest,
  compileToFiles,
  loadCompiledFile,
  loadCompiledText,
} from "./module-file.js";
export { runtimeSupport } from "./support.js";
