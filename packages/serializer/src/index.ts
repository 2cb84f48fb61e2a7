// ## @termite/serializer
//
// Any Scheme value graph to CBOR bytes and back: `encode` (sync), `decode` (async, for code
// references) and `decodeSync`. The wire format is specified in docs/wire-format.md.

export {
  type CodeReference,
  type CodeResolver,
  codeReferenceKey,
  formatCodeReference,
} from "./code-reference.js";
export { DEFAULT_LIMITS, type DecodeOptions, decode, decodeSync } from "./decode.js";
export {
  type CodeDescription,
  type Describe,
  Described,
  type Description,
  ReservedTags,
  type ReviveFunction,
  type Reviver,
  type TwoPhaseReviver,
} from "./described.js";
export { type EncodeOptions, encode } from "./encode.js";
export {
  CodeReferenceError,
  type CodeReferenceErrorCode,
  DecodeError,
  type DecodeErrorCode,
  SerializeError,
  type SerializeErrorCode,
} from "./errors.js";
export { defaultRecordTypes, type RecordTypeRegistry, registerRecordType } from "./record-types.js";
export { FORMAT_VERSION, Tags } from "./tags.js";
