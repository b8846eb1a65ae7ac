import type { LintRule } from "../types.js";
import { objectKind } from "./support/object-kind.js";

/** A SCIM user resource (core or enterprise schema): SCIM requires its userName. */
function isScimUser(name: string): boolean {
  return name.startsWith("urn:ietf:params:scim:schemas:") && objectKind(name) === "user";
}

import { objectNameSpan } from "./support/spans.js";

export const requiredTargetUnmapped: LintRule = {
  meta: {
    id: "required-target-unmapped",
    category: "mapping",
    defaultSeverity: "error",
    summary: "A target attribute the target schema requires is not mapped",
    description:
      "When the target schema marks an attribute as required (an Entra export's `directories`, or SCIM's `userName` for a SCIM user target without one), every object Entra creates must carry it; with no mapping for it each create fails (MandatoryFieldsMissing). Map the attribute, or give a mapping with a default value. Disabled object mappings are not checked.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: externalId
    attribute: objectId
    match: 1
  - target: displayName
    attribute: displayName
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: externalId
    attribute: objectId
    match: 1
  - target: userName
    attribute: userPrincipalName
  - target: displayName
    attribute: displayName
`,
      },
    },
  },
  check(context) {
    for (const object of context.config.objects) {
      if (!object.enabled) continue;
      const target = context.targetAttributes(object);
      // Without the target's schema only SCIM's user requirements are known.
      if (!target.defined && !isScimUser(object.targetObjectName)) continue;
      const mapped = new Set(object.mappings.map((mapping) => mapping.target.toLowerCase()));
      for (const name of target.required) {
        if (mapped.has(name.toLowerCase())) continue;
        context.report({
          message: `The target schema requires ${name}, and no mapping writes it, so creating an object fails. Add a mapping for ${name}.`,
          span: objectNameSpan(object),
        });
      }
    }
  },
};
