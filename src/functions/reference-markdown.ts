import { argumentRange, functions } from "./registry.js";
import type { FunctionSpec } from "./spec.js";

/**
 * The function reference (`docs/functions.md`), generated from the registry so that it cannot drift
 * from the code. Deterministic: the same registry always gives the same text.
 */
export function functionReferenceMarkdown(): string {
  const specs = [...functions.values()];
  const lines = [
    "# Function reference",
    "",
    "<!-- Generated from the registry in src/functions by `npm run docs`; do not edit by hand. -->",
    "",
    "Function names resolve case-insensitively, but provex warns about any spelling other than the one below.",
    "Availability: **provisioning** = Entra application provisioning, **cloudSync** = Entra Cloud Sync,",
    "**provex** = a provex extension that Entra does not accept.",
    "",
    "| Function | Summary | Availability |",
    "|---|---|---|",
    ...specs.map(
      (spec) =>
        `| [${spec.name}](#${spec.name.toLowerCase()}) | ${escapeCell(spec.summary)}${spec.implemented ? "" : " *(not implemented yet)*"} | ${spec.availability.join(", ")} |`,
    ),
    "",
  ];
  for (const spec of specs) lines.push(...section(spec));
  return `${lines.join("\n").trimEnd()}\n`;
}

function section(spec: FunctionSpec): string[] {
  const { minimum, maximum } = argumentRange(spec);
  const lines = [
    `## ${spec.name}`,
    "",
    "```",
    `${signatureOf(spec)} → ${spec.returns}`,
    "```",
    "",
    spec.summary,
    "",
    spec.doc,
    "",
  ];
  if (!spec.implemented)
    lines.push("*Not implemented yet in provex: evaluating it raises `not-implemented`.*", "");
  lines.push(
    `- Family: ${spec.family}; availability: ${spec.availability.join(", ")}`,
    `- Arguments: ${maximum === Number.POSITIVE_INFINITY ? `${minimum} or more` : minimum === maximum ? `${minimum}` : `${minimum} to ${maximum}`}${spec.repeatFrom === undefined ? "" : ` (from parameter ${spec.repeatFrom + 1} on, the parameters repeat as a group)`}`,
  );
  if (spec.topLevelOnly) lines.push("- Must be the whole expression (not nested in another call).");
  if (spec.entraEquivalent) lines.push(`- Entra equivalent: \`${spec.entraEquivalent}\``);
  lines.push("");
  if (spec.parameters.length > 0) {
    lines.push("| Parameter | Kind | Required | Graph key | Description |", "|---|---|---|---|---|");
    for (const parameter of spec.parameters) {
      lines.push(
        `| ${parameter.name} | ${parameter.kind}${parameter.eachValue ? " (each value of a list)" : ""} | ${parameter.occurrence === "required" ? "yes" : "no"} | \`${parameter.graphKey}\` | ${escapeCell(parameter.doc)} |`,
      );
    }
    lines.push("");
  }
  lines.push("Example:", "", "```", spec.example.expression, "```", "");
  if (spec.example.attributes)
    lines.push(`with attributes \`${JSON.stringify(spec.example.attributes)}\``, "");
  if (spec.example.context)
    lines.push(`with evaluation context \`${JSON.stringify(spec.example.context)}\``, "");
  lines.push(`→ \`${JSON.stringify(spec.example.result)}\``, "");
  return lines;
}

function signatureOf(spec: FunctionSpec): string {
  const parameters = spec.parameters.map((parameter, index) => {
    const name = parameter.occurrence === "optional" ? `[${parameter.name}]` : parameter.name;
    return spec.repeatFrom !== undefined && index >= spec.repeatFrom ? `${name}…` : name;
  });
  return `${spec.name}(${parameters.join(", ")})`;
}

function escapeCell(text: string): string {
  return text.replaceAll("|", "\\|");
}
