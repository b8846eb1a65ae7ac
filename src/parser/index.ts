export type * from "./ast.js";
export { canonicalConstant, knownConstants } from "./constants.js";
export { MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH, type ParseResult, parse } from "./parse.js";
