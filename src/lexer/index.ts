export { type TokenizeResult, tokenize } from "./lexer.js";
export * as tokens from "./tokens.js";
