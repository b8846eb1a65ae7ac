import { closestName } from "../../checker/index.js";
import { editInValue } from "../text-edit.js";
import type { ClauseSite, LintFix, LintRule } from "../types.js";
import { clauseAttributeSpan } from "./support/spans.js";

const DIRECTORIES = `entra:
  directories:
    - name: Azure Active Directory
      objects:
        - name: User
          attributes:
            - { name: userPrincipalName }
            - { name: department }
`;

function renameFix(site: ClauseSite, name: string): LintFix | undefined {
  const location = site.clause.locations?.attribute;
  const edit = location && editInValue(location, { start: 0, end: site.clause.attribute.length }, name);
  return edit ? { description: `Write ${site.clause.attribute} as ${name}`, edits: [edit] } : undefined;
}

export const scopeUnknownAttribute: LintRule = {
  meta: {
    id: "scope-unknown-attribute",
    category: "scoping",
    defaultSeverity: "warning",
    summary: "A scoping clause tests an attribute that the source schema does not have",
    description:
      "When the configuration knows its source attributes (an Entra export's `directories`, the provex `entra.directories`, or `--schema`), the attribute of each scoping clause is looked up there. An attribute that does not exist is always null, so the clause is false for everyone (except IS_NULL) and its filter never admits a user. A name that differs only in case (attribute names are case-sensitive) is fixed to the schema's spelling; for another near miss the message suggests the closest name and the fix writes it.",
    fixable: true,
    examples: {
      failing: {
        format: "provex",
        text: `${DIRECTORIES}scope:
  filters:
    - clauses:
        - { attribute: Department, operator: EQUALS, value: Sales }
mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
`,
      },
      passing: {
        format: "provex",
        text: `${DIRECTORIES}scope:
  filters:
    - clauses:
        - { attribute: department, operator: EQUALS, value: Sales }
mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
`,
      },
    },
  },
  check(context) {
    for (const site of context.clauses) {
      if (!site.source.defined) continue;
      const { attribute } = site.clause;
      if (site.source.names.includes(attribute)) continue;
      const sameLetters = site.source.names.find((name) => name.toLowerCase() === attribute.toLowerCase());
      if (sameLetters) {
        const fix = renameFix(site, sameLetters);
        context.report({
          message: `The source schema spells this attribute ${sameLetters}; attribute names are case-sensitive, so ${attribute} is always null and the clause never holds.`,
          span: clauseAttributeSpan(site.clause),
          ...(fix ? { fix } : {}),
        });
        continue;
      }
      const suggestion = closestName(attribute, site.source.names);
      const fix = suggestion ? renameFix(site, suggestion) : undefined;
      context.report({
        message: `The source schema has no attribute ${attribute}, so the clause never holds${suggestion ? `; did you mean ${suggestion}?` : ". Check the name or add it to the schema."}`,
        span: clauseAttributeSpan(site.clause),
        ...(fix ? { fix } : {}),
      });
    }
  },
};
