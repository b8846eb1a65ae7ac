import { fail } from "./context.js";
import { eager } from "./define.js";
import type { FunctionSpec } from "./spec.js";

/** Facts about the tenant that only the caller knows (API-driven inbound provisioning). */

export const DefaultDomain: FunctionSpec = {
  name: "DefaultDomain",
  family: "tenant",
  parameters: [],
  returns: "text",
  availability: ["provisioning"],
  summary: "Returns the tenant's default verified domain.",
  doc:
    "The domain new userPrincipalNames end in, as Microsoft's API-driven inbound provisioning rules use it: " +
    '`Join("", …, "@", DefaultDomain())`. provex cannot know the tenant, so the value comes from the ' +
    "evaluation context's `defaultDomain` (the CLI's `--default-domain`); without " +
    "one, evaluation fails with `default-domain-missing`.",
  example: {
    expression: 'Join("@", Replace([userName], , "(?<Suffix>@(.)*)", "Suffix", "", , ), DefaultDomain())',
    attributes: { userName: "jsmith@hr.example" },
    context: { defaultDomain: "contoso.onmicrosoft.com" },
    result: "jsmith@contoso.onmicrosoft.com",
  },
  pure: false,
  implemented: true,
  implementation: eager((_args, site, context) => {
    const domain = context.defaultDomain;
    if (typeof domain === "string" && domain !== "") return domain;
    return fail(
      site,
      "default-domain-missing",
      "DefaultDomain() returns the tenant's default verified domain, which provex cannot know: give it " +
        "as the evaluation context's defaultDomain (on the command line: --default-domain contoso.com).",
    );
  }),
};

export const tenantFunctions: readonly FunctionSpec[] = [DefaultDomain];
