export { check } from "./check.js";
export { closestName, editDistance } from "./edit-distance.js";
export type { CheckOptions, Dialect, SourceSchema } from "./options.js";
