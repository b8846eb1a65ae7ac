import { render } from "../evaluator/index.js";
import { isDateTime, isFlowSkipped, isRoleList, type Value } from "../functions/index.js";

/** How the playground and hover label a value: what kind of thing flows to the target. */
export type ValueKindLabel =
  | "string"
  | "multi-valued"
  | "boolean"
  | "integer"
  | "dateTime"
  | "roles"
  | "null"
  | "flow skipped";

/** A value described for people: its kind and what the target receives, as plain text (never HTML). */
export interface DescribedValue {
  readonly kind: ValueKindLabel;
  /** The rendered text, or each rendered value for a multi-valued result; null when nothing flows. */
  readonly rendered: string | readonly string[] | null;
}

/** Describes an evaluation result the way the provisioning service would send it. */
export function describeValue(value: Value): DescribedValue {
  if (isFlowSkipped(value)) return { kind: "flow skipped", rendered: null };
  if (value === null) return { kind: "null", rendered: null };
  const rendered = render(value);
  if (typeof value === "string") return { kind: "string", rendered };
  if (typeof value === "boolean") return { kind: "boolean", rendered };
  if (typeof value === "bigint") return { kind: "integer", rendered };
  if (Array.isArray(value)) return { kind: "multi-valued", rendered };
  if (isDateTime(value)) return { kind: "dateTime", rendered };
  if (isRoleList(value)) return { kind: "roles", rendered };
  return { kind: "null", rendered: null };
}

/** A raw attribute value from a sample user, shortened for a one-line detail. */
export function previewAttribute(value: unknown, limit = 60): string {
  if (value === undefined || value === null) return "null (absent)";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
