export { type CompiledExpression, compile, evaluate } from "./compile.js";
export { type EvaluationResult, evaluateAll } from "./evaluate-all.js";
export { render } from "./render.js";
