import { eager, required } from "./define.js";
import type { FunctionSpec } from "./spec.js";
import { isAbsent, isDateTime, isNullOrEmpty } from "./value.js";

/** Tests on a value. They return booleans, which render as "True"/"False" and compare as those strings. */

const BOTH = ["provisioning", "cloudSync"] as const;

function predicate(
  name: string,
  summary: string,
  doc: string,
  example: FunctionSpec["example"],
  test: (value: Parameters<typeof isNullOrEmpty>[0]) => boolean,
): FunctionSpec {
  return {
    name,
    family: "logic",
    parameters: [required("expression", "any", "The value to test.")],
    returns: "boolean",
    availability: BOTH,
    summary,
    doc,
    example,
    pure: true,
    implemented: true,
    implementation: eager(([value]) => test(value ?? null)),
  };
}

export const IsNull = predicate(
  "IsNull",
  "True when the value is null (an absent attribute).",
  'True only for null; an attribute present with "" is not null. Entra advises against using it as a Switch source or in an IIF condition on a null attribute.',
  { expression: "IsNull([displayName])", attributes: { displayName: null }, result: "True" },
  isAbsent,
);

export const IsNullOrEmpty = predicate(
  "IsNullOrEmpty",
  'True when the value is null or "".',
  'True for null, for "" and for an empty multi-valued attribute.',
  { expression: "IsNullOrEmpty([displayName])", attributes: { displayName: "" }, result: "True" },
  isNullOrEmpty,
);

export const IsPresent = predicate(
  "IsPresent",
  'True when the value is neither null nor "".',
  "The negation of IsNullOrEmpty.",
  { expression: "IsPresent([jobTitle])", attributes: { jobTitle: "Engineer" }, result: "True" },
  (value) => !isNullOrEmpty(value),
);

export const IsString = predicate(
  "IsString",
  "True when the value can be evaluated as a single string.",
  "True for text, booleans, integers and dates (what CStr accepts); false for null and multi-valued values.",
  { expression: "IsString([displayName])", attributes: { displayName: "Ada" }, result: "True" },
  (value) =>
    typeof value === "string" ||
    typeof value === "boolean" ||
    typeof value === "bigint" ||
    (value !== null && isDateTime(value)),
);

export const Not: FunctionSpec = {
  name: "Not",
  family: "logic",
  parameters: [required("source", "any", 'A boolean or the text "True"/"False".')],
  returns: "boolean",
  availability: BOTH,
  summary: "Flips a boolean.",
  doc: 'Returns False when the source is True (a boolean, or "True" in any case) and True otherwise, null included. Commonly `Not([IsSoftDeleted])` for SCIM `active`.',
  example: { expression: "Not([IsSoftDeleted])", attributes: { IsSoftDeleted: "False" }, result: "True" },
  pure: true,
  implemented: true,
  implementation: eager(
    ([value]) => !(value === true || (typeof value === "string" && value.trim().toLowerCase() === "true")),
  ),
};

export const predicateFunctions: readonly FunctionSpec[] = [IsNull, IsNullOrEmpty, IsPresent, IsString, Not];
