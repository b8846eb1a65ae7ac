import type { LintRule } from "../types.js";
import { objectKind } from "./support/object-kind.js";
import { targetObjectSpan } from "./support/spans.js";

export const objectMappingTargetKind: LintRule = {
  meta: {
    id: "object-mapping-target-kind",
    category: "mapping",
    defaultSeverity: "error",
    summary: "An enabled object mapping maps users to groups, or groups to users",
    description:
      "An object mapping turns one kind of source object into the same kind of target object: Entra users into the app's users, groups into its groups. An enabled mapping whose source is users and whose target object is a group (or the reverse) creates objects of the wrong kind, usually after a copy-and-paste of the other object mapping. Fix the target object name (for SCIM `urn:ietf:params:scim:schemas:core:2.0:User` or `…:Group`). Object names that are neither users nor groups are not judged.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `object:
  source: User
  target: urn:ietf:params:scim:schemas:core:2.0:Group
mappings:
  - target: displayName
    attribute: displayName
    match: 1
`,
      },
      passing: {
        format: "provex",
        text: `object:
  source: Group
  target: urn:ietf:params:scim:schemas:core:2.0:Group
mappings:
  - target: displayName
    attribute: displayName
    match: 1
`,
      },
    },
  },
  check(context) {
    for (const object of context.config.objects) {
      if (!object.enabled) continue;
      const source = objectKind(object.sourceObjectName);
      const target = objectKind(object.targetObjectName);
      if (!source || !target || source === target) continue;
      context.report({
        message: `This object mapping reads ${source}s (${object.sourceObjectName}) but creates ${target}s (${object.targetObjectName}). Point it at the target's ${source} object.`,
        span: targetObjectSpan(object),
      });
    }
  },
};
