export { type TokenizeResult, tokenize } from "./lexer.js";
export { MAX_INPUT_LENGTH } from "./limits.js";
export { isWritableAttributeName } from "./scanners.js";
export * as tokens from "./tokens.js";
