import { editInValue } from "../text-edit.js";
import type { ExpressionSite, LintFix, LintRule, RuleContext } from "../types.js";
import { expressionFix, reportCheckerDiagnostics } from "./support/checker.js";

/**
 * The fix of a provex `attribute: name`: the loader traces `[name]` with the brackets on the name's
 * first and last characters, so the name alone is the characters between them.
 */
function directNameFix(site: ExpressionSite, written: string, spelt: string): LintFix | undefined {
  const offsets = site.location?.offsets;
  if (!offsets || offsets.length !== written.length + 3) return undefined;
  const name = { offsets: [...offsets.slice(1, -2), offsets.at(-1)!], style: "synthesized" as const };
  const edit = editInValue(name, { start: 0, end: written.length }, spelt);
  return edit ? { description: `Write ${written} as ${spelt}`, edits: [edit] } : undefined;
}

/**
 * The fix of an Entra direct mapping: its source names the attribute in `name` and (often) again in
 * `expression` as `[name]`; both are rewritten so that they agree. Only for a source without
 * parameters, whose one `name` is the attribute's.
 */
function directSourceFix(
  context: RuleContext,
  site: ExpressionSite,
  written: string,
  spelt: string,
): LintFix | undefined {
  const span = site.mapping.locations?.source;
  if (!span) return undefined;
  const sourceText = context.text.slice(span.start, span.end);
  try {
    const source = JSON.parse(sourceText) as { name?: unknown; parameters?: unknown };
    if (source.name !== written || (Array.isArray(source.parameters) && source.parameters.length > 0))
      return undefined;
  } catch {
    return undefined;
  }
  const member = /"name"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(sourceText);
  if (!member || JSON.parse(`"${member[1]}"`) !== written) return undefined;
  const start = span.start + member.index + member[0].length - 1 - member[1]!.length;
  const edits = [
    { span: { start, end: start + member[1]!.length }, text: JSON.stringify(spelt).slice(1, -1) },
  ];
  // A written `expression` is traced as JSON text; a location synthesized from `name` is that name.
  if (site.location?.style === "json") {
    const edit = site.edit({ start: 1, end: site.text.length - 1 }, spelt);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return { description: `Write ${written} as ${spelt}`, edits };
}

const DIRECTORIES = `entra:
  directories:
    - name: Azure Active Directory
      objects:
        - name: User
          attributes:
            - { name: userPrincipalName }
            - { name: givenName }
            - { name: surname }
`;

export const attributeNameCase: LintRule = {
  meta: {
    id: "attribute-name-case",
    category: "expression",
    defaultSeverity: "warning",
    summary: "An attribute name differs from the source schema's only in case",
    description:
      "Attribute names are case-sensitive (directory extension names are documented so), so `[GivenName]` does not read `givenName`: it reads null and the mapping sends nothing. The rule needs a known source schema (an export's `directories`, the provex `entra.directories`, or `--schema`); the fix writes the schema's spelling.",
    fixable: true,
    examples: {
      failing: {
        format: "provex",
        text: `${DIRECTORIES}mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: displayName
    expression: 'Join(" ", [GivenName], [surname])'
`,
      },
      passing: {
        format: "provex",
        text: `${DIRECTORIES}mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: displayName
    expression: 'Join(" ", [givenName], [surname])'
`,
      },
    },
  },
  check(context) {
    reportCheckerDiagnostics(context, "attribute-name-case", (site, diagnostic) => {
      // The diagnostic spans `[name]`; the schema's spelling replaces what is between the brackets.
      const written = site.text.slice(diagnostic.span.start + 1, diagnostic.span.end - 1);
      const spelt = site.source.names.find((name) => name.toLowerCase() === written.toLowerCase());
      if (spelt === undefined) return undefined;
      if (site.mapping.type === "direct")
        return context.config.format === "entra"
          ? directSourceFix(context, site, written, spelt)
          : directNameFix(site, written, spelt);
      return expressionFix(
        context,
        site,
        { start: diagnostic.span.start + 1, end: diagnostic.span.end - 1 },
        spelt,
        `Write [${written}] as [${spelt}]`,
      );
    });
  },
};
