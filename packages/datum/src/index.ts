export {
  barredSymbolName,
  symbolNameText,
  symbolNeedsBars,
  writeCharLiteral,
  writeStringLiteral,
} from "./atom-text.js";
export { type CodeReference, type Frame, type FrameStack, frameStack, type ResumableCode } from "./code.js";
export type { DatumErrorCode } from "./datum-error.js";
export { isEq, isEqual, isEqv } from "./equality.js";
export * from "./location.js";
export { flonumToString, numberToString } from "./number-text.js";
export { display, PRINT_HOOK, write, writeShared, writeSimple } from "./printer.js";
export {
  Box,
  type Carried,
  type CaseLambda,
  type CompiledClosure,
  type Continuation,
  carried,
  carry,
  carryCompiled,
  caseLambdaOf,
  compiledClosure,
  continuationOf,
  DynamicEnvironment,
  type GuardHandler,
  guardHandlerOf,
  type HandlerNode,
  type InterpretedClosure,
  interpretedClosure,
  type Parameter,
  type ParameterBinding,
  PROCEDURE_SLOT,
  type Primitive,
  type Procedure,
  type ProcedureCode,
  parameterOf,
  primitiveOf,
  procedureCode,
  procedureKind,
  procedureReference,
  type RecordProcedure,
  recordProcedureOf,
  type Winder,
} from "./procedure.js";
export { ProcessId, Tag } from "./process.js";
export { registry as sharedRegistry } from "./shared.js";
export * from "./values.js";
