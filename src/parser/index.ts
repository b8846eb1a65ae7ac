export { MAX_INPUT_LENGTH } from "../lexer/index.js";
export type * from "./ast.js";
export { canonicalConstant, knownConstants } from "./constants.js";
export {
  fromGraphSource,
  type GraphMappingSource,
  type GraphParameter,
  type GraphParameterKeys,
  type GraphParseResult,
  toGraphSource,
} from "./graph-json.js";
export { MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH, type ParseResult, parse } from "./parse.js";
export { type FormatOptions, format, print, printFlat, quoteString } from "./printer.js";
