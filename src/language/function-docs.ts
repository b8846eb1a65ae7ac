import type { FunctionSpec, ParameterSpec } from "../functions/index.js";

/** A fenced Markdown code block that user text cannot break out of (the fence outgrows any backtick run). */
export function codeBlock(text: string, language = ""): string {
  // A loop, not Math.max(...runs): text from an expression can hold more runs than a call has arguments.
  let longestRun = 0;
  for (const match of text.matchAll(/`+/g)) longestRun = Math.max(longestRun, match[0].length);
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/** Escapes Markdown's special characters so that registry prose renders literally where needed. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (character) => `\\${character}`);
}

/** Whether a parameter belongs to the trailing group that repeats (Join's sources, Switch's pairs). */
export function isRepeating(spec: FunctionSpec, index: number): boolean {
  return spec.repeatFrom !== undefined && index >= spec.repeatFrom;
}

/** How a parameter appears in a signature: `[name]` when optional, `name…` when repeating. */
export function parameterLabel(spec: FunctionSpec, parameter: ParameterSpec, index: number): string {
  const name = parameter.occurrence === "optional" ? `[${parameter.name}]` : parameter.name;
  return isRepeating(spec, index) ? `${name}…` : name;
}

/** `Join(separator, source…)` together with where each parameter sits in it. */
export function signatureParts(spec: FunctionSpec): {
  label: string;
  ranges: [number, number][];
} {
  let label = `${spec.name}(`;
  const ranges: [number, number][] = [];
  spec.parameters.forEach((parameter, index) => {
    if (index > 0) label += ", ";
    const text = parameterLabel(spec, parameter, index);
    ranges.push([label.length, label.length + text.length]);
    label += text;
  });
  return { label: `${label}) → ${spec.returns}`, ranges };
}

/** The function's documentation as Markdown: summary, details, availability, example. */
export function functionDocumentation(spec: FunctionSpec): string {
  const availability = spec.availability
    .map(
      (where) =>
        ({ provisioning: "Entra provisioning", cloudSync: "Cloud Sync", provex: "provex only" })[where],
    )
    .join(", ");
  const parameters = spec.parameters
    .map(
      (parameter, index) =>
        `- \`${parameterLabel(spec, parameter, index)}\` (${parameter.kind}): ${parameter.doc}`,
    )
    .join("\n");
  const example = spec.example;
  const result = example.result === null ? "null" : JSON.stringify(example.result);
  return [
    spec.summary,
    spec.doc,
    parameters,
    `*Available in:* ${availability}`,
    `Example:\n${codeBlock(example.expression)}\n${example.context ? `with context \`${JSON.stringify(example.context)}\`\n` : ""}→ \`${result}\``,
  ]
    .filter((part) => part.length > 0)
    .join("\n\n");
}

/** The index into `spec.parameters` that argument `position` binds to (the repeating group wraps around). */
export function parameterIndexAt(spec: FunctionSpec, position: number): number | undefined {
  const count = spec.parameters.length;
  if (position < count) return position;
  if (spec.repeatFrom === undefined) return undefined;
  const group = count - spec.repeatFrom;
  return spec.repeatFrom + ((position - spec.repeatFrom) % group);
}
