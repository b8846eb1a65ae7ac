import { LineIndex } from "../../../src/diagnostics/index.js";
import { rules } from "../../../src/lint/rules/index.js";
import { runRules } from "../../../src/lint/run-rules.js";
import type { LintFinding, LintRule } from "../../../src/lint/types.js";
import { loadConfig } from "../../../src/mapping/index.js";

/** A finding as the tests compare it: rule, 1-based line and column of its start. */
export interface Located {
  readonly ruleId: string;
  readonly line: number;
  readonly column: number;
}

/** Lints `text` with the given rules (all by default) and returns the findings. */
export function lintText(
  text: string,
  options: {
    rules?: readonly LintRule[];
    sourceSchema?: readonly string[];
    dialect?: "entra" | "provex";
  } = {},
): LintFinding[] {
  const config = loadConfig(text);
  return runRules({
    text,
    config,
    rules: options.rules ?? rules,
    ...(options.sourceSchema ? { sourceSchema: options.sourceSchema } : {}),
    ...(options.dialect ? { dialect: options.dialect } : {}),
  });
}

/** The rule, line and column of each finding. */
export function located(text: string, findings: readonly LintFinding[]): Located[] {
  const index = new LineIndex(text);
  return findings.map((finding) => {
    const { line, column } = index.locate(finding.span.start);
    return { ruleId: finding.ruleId, line, column };
  });
}

/** The rule object with this id. */
export function rule(id: string): LintRule {
  const found = rules.find((candidate) => candidate.meta.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

/** Applies every fix of `findings` (edits of one fix never overlap; overlapping fixes after the first are skipped). */
export function applyAllFixes(text: string, findings: readonly LintFinding[]): string {
  const edits = findings
    .flatMap((finding) => (finding.fix ? [finding.fix.edits] : []))
    .sort((a, b) => (a[0]?.span.start ?? 0) - (b[0]?.span.start ?? 0));
  let out = "";
  let at = 0;
  for (const fixEdits of edits) {
    const sorted = [...fixEdits].sort((a, b) => a.span.start - b.span.start);
    if ((sorted[0]?.span.start ?? 0) < at) continue;
    for (const edit of sorted) {
      out += text.slice(at, edit.span.start) + edit.text;
      at = edit.span.end;
    }
  }
  return out + text.slice(at);
}

/** The findings of one rule on `text`, as [line, column] of their starts. */
export function positionsOf(
  ruleId: string,
  text: string,
  options: { sourceSchema?: readonly string[]; dialect?: "entra" | "provex" } = {},
): [number, number][] {
  const findings = lintText(text, { ...options, rules: [rule(ruleId)] });
  return located(text, findings).map(({ line, column }) => [line, column]);
}

/** A provex YAML configuration: a matching userName mapping, then `body` (mapping entries). */
export function provexYaml(body: string, head = ""): string {
  return `${head}mappings:\n  - target: userName\n    attribute: userPrincipalName\n    match: 1\n${body}`;
}

/**
 * A minimal Entra synchronizationSchema export (two-space JSON) with one user object mapping: a
 * matching userName mapping, then one Function mapping per expression.
 */
export function entraJson(expressions: readonly { target: string; expression: string }[]): string {
  const mappings = [
    {
      targetAttributeName: "userName",
      source: { type: "Attribute", name: "userPrincipalName" },
      matchingPriority: 1,
    },
    ...expressions.map(({ target, expression }) => ({
      targetAttributeName: target,
      source: { type: "Function", expression },
    })),
  ];
  return `${JSON.stringify(
    {
      synchronizationRules: [
        {
          id: "AD2SCIM",
          objectMappings: [
            {
              name: "Users",
              enabled: true,
              sourceObjectName: "User",
              targetObjectName: "urn:ietf:params:scim:schemas:core:2.0:User",
              attributeMappings: mappings,
            },
          ],
        },
      ],
    },
    null,
    2,
  )}\n`;
}

/**
 * An Entra export whose AAD User has userPrincipalName and country, with a userName mapping and the given
 * attribute mappings (JSON lines, each ending in a comma but the last) after it.
 */
export function entraSources(sources: string): string {
  return `{
  "directories": [{ "name": "AAD", "objects": [{ "name": "User", "attributes": [
    { "name": "userPrincipalName" }, { "name": "country" } ] }] }],
  "synchronizationRules": [{ "id": "r", "sourceDirectoryName": "AAD", "objectMappings": [{
    "name": "Users", "sourceObjectName": "User",
    "targetObjectName": "urn:ietf:params:scim:schemas:core:2.0:User",
    "attributeMappings": [
      { "targetAttributeName": "userName", "source": { "type": "Attribute", "name": "userPrincipalName" }, "matchingPriority": 1 },
${sources}
    ] }] }]
}
`;
}

/** The 1-based line and column of the first occurrence of `needle` (after `from`) in `text`. */
export function where(text: string, needle: string, from = 0): [number, number] {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const { line, column } = new LineIndex(text).locate(offset);
  return [line, column];
}
