import { booleanOf, integerOf, textOf } from "./coerce.js";
import { eager, required } from "./define.js";
import type { FunctionSpec } from "./spec.js";

/** Conversions between kinds, bitwise arithmetic, and Redact (a value that hides itself in logs). */

const ALL = ["provisioning", "cloudSync"] as const;

export const CBool: FunctionSpec = {
  name: "CBool",
  family: "conversion",
  parameters: [required("expression", "any", 'A comparison, boolean, number or "True"/"False".')],
  returns: "boolean",
  availability: ALL,
  summary: "Converts a value to a boolean.",
  doc: 'Booleans as they are; "True"/"False" in any case; integers and numeric strings are True when non-zero. Null gives null; other text is an evaluation error (`not-a-boolean`). Typically wraps a comparison: `CBool([a] = [b])`.',
  example: {
    expression: "CBool([attribute1] = [attribute2])",
    attributes: { attribute1: "Sales", attribute2: "Sales" },
    result: "True",
  },
  pure: true,
  implemented: true,
  implementation: eager(([value], site) => booleanOf(value, site, "expression")),
};

export const CStr: FunctionSpec = {
  name: "CStr",
  family: "conversion",
  parameters: [required("value", "any", "A number, boolean, reference or text.")],
  returns: "text",
  availability: ALL,
  summary: "Converts a value to a string.",
  doc: 'Integers in decimal, booleans as "True"/"False", a reference as its DN or id, text as is. Null gives null; a multi-valued value is an error.',
  example: {
    expression: "CStr([dn])",
    attributes: { dn: "cn=Joe,dc=contoso,dc=com" },
    result: "cn=Joe,dc=contoso,dc=com",
  },
  pure: true,
  implemented: true,
  implementation: eager(([value], site) => textOf(value, site, "value")),
};

export const BitAnd: FunctionSpec = {
  name: "BitAnd",
  family: "conversion",
  parameters: [
    required("value1", "integer", "An integer (decimal, or hex such as &HF)."),
    required("value2", "integer", "Another integer."),
  ],
  returns: "integer",
  availability: ALL,
  summary: "Bitwise AND of two integers.",
  doc: "Returns the bits set in both values; numeric strings are accepted. Null in either gives null.",
  example: { expression: "BitAnd(&HF, &HF7)", result: "7" },
  pure: true,
  implemented: true,
  implementation: eager(([left, right], site) => {
    if (left === null || right === null) return null;
    return integerOf(left, site, "value1") & integerOf(right, site, "value2");
  }),
};

export const Redact: FunctionSpec = {
  name: "Redact",
  family: "conversion",
  parameters: [required("value", "any", "The value to export but hide from logs.")],
  returns: "any",
  availability: ["provisioning"],
  summary: "Exports a value normally but hides it in provisioning logs.",
  doc: "Returns its argument unchanged; provisioning logs (and provex's preview log view) show `[Redact]` in its place. Recommended for initial passwords.",
  example: { expression: 'Redact("StringToBeRedacted")', result: "StringToBeRedacted" },
  pure: true,
  implemented: true,
  implementation: eager(([value]) => value ?? null),
};

export const conversionFunctions: readonly FunctionSpec[] = [BitAnd, CBool, CStr, Redact];
