export { textOf } from "./coerce.js";
export { compareValues } from "./compare.js";
export {
  type ArgumentEvaluator,
  type CallSite,
  cryptoRandom,
  type EvaluationContext,
  type EvaluationState,
  type RuntimeContext,
  runtimeContext,
} from "./context.js";
export { dateTimeFromDate, renderDateTime } from "./datetime-text.js";
export { DIACRITICS_TABLE, normalizeDiacritics } from "./diacritics.js";
export { graphParameterKeys } from "./graph-keys.js";
export { argumentRange, functions, lookupFunction, parameterAt } from "./registry.js";
export {
  type Availability,
  type CallCompiler,
  type CompiledArgument,
  DYNAMIC,
  type EagerImplementation,
  type EntryAttributes,
  type EntryCompiler,
  type FunctionExample,
  type FunctionSpec,
  type Implementation,
  type LazyImplementation,
  type LazySpecializer,
  type Occurrence,
  type ParameterSpec,
  type Specializer,
  type ValueKind,
} from "./spec.js";
export {
  type DateTimeValue,
  FLOW_SKIPPED,
  type FlowSkipped,
  hasPlainPrototype,
  isDateTime,
  isFlowSkipped,
  isRoleList,
  type Role,
  type RoleList,
  type Value,
} from "./value.js";
