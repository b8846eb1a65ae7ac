import { eager, optional, required } from "./define.js";
import { compileReplace, replaceCall, specializeReplace } from "./replace-modes.js";
import type { FunctionSpec } from "./spec.js";

/** Replace, with its five modes (SPEC Part 2 §b.1; mode 5 as application provisioning documents it). */
export const Replace: FunctionSpec = {
  name: "Replace",
  family: "text",
  parameters: [
    required("source", "text", "The text to work on."),
    optional("oldValue", "text", "Plain text to find.", "Find"),
    optional("regexPattern", "text", "A .NET regular expression to find."),
    optional("regexGroupName", "text", "The named group whose capture is replaced or returned."),
    optional(
      "replacementValue",
      "text",
      "The replacement text (with a pattern: `$1` and named-group substitutions).",
      "Replacement",
    ),
    optional("replacementAttributeName", "text", "An attribute to use when the source has no value."),
    optional("template", "text", "Text in which oldValue is replaced by the source."),
  ],
  returns: "text",
  availability: ["provisioning", "cloudSync"],
  summary: "Replaces text, by plain match or .NET regular expression.",
  doc: "Positional optional parameters select the mode: oldValue + replacementValue replaces every occurrence; oldValue + template replaces oldValue inside the template with the source; regexPattern + replacementValue is `Regex.Replace`; adding regexGroupName replaces only that group's capture; regexGroupName + replacementAttributeName returns the source when it has a value, otherwise the group captured from the replacement attribute (null when it does not match). oldValue wins over regexPattern; with neither, the source is returned unchanged. A null source gives null except in that last mode. Case-sensitive; .NET pattern syntax, run in linear time: backreferences and lookaround are `regex-unsupported`, patterns .NET rejects `invalid-regex`, a missing group `unknown-group`.",
  example: {
    expression: 'Replace([mail], "@contoso.com", , , "", , )',
    attributes: { mail: "john.doe@contoso.com" },
    result: "john.doe",
  },
  pure: true,
  implemented: true,
  implementation: eager(replaceCall, specializeReplace, compileReplace),
};
