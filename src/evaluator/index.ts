export { type CompiledExpression, compile, evaluate } from "./compile.js";
export { render } from "./render.js";
