import { canonicalConstant } from "../../parser/index.js";
import type { LintRule } from "../types.js";
import { expressionFix } from "./support/checker.js";

export const constantNameCase: LintRule = {
  meta: {
    id: "constant-name-case",
    category: "expression",
    defaultSeverity: "warning",
    summary: "A bare constant (True, vbTextCompare, UTF8…) is not written in its documented case",
    description:
      "provex reads the bare constants True, False, vbTextCompare, vbBinaryCompare, UTF8, Unicode and ASCII in any case, but Entra documents them in one spelling and its language as case-sensitive. The fix writes the documented spelling.",
    fixable: true,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: nickName
    expression: 'InStr([displayName], "admin", 1, vbtextcompare)'
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: nickName
    expression: 'InStr([displayName], "admin", 1, vbTextCompare)'
`,
      },
    },
  },
  check(context) {
    for (const site of context.expressions) {
      for (const diagnostic of site.parsed.diagnostics) {
        if (diagnostic.code !== "constant-name-case") continue;
        const written = site.text.slice(diagnostic.span.start, diagnostic.span.end);
        const canonical = canonicalConstant(written);
        const fix =
          canonical &&
          expressionFix(context, site, diagnostic.span, canonical, `Write ${written} as ${canonical}`);
        context.report({
          message: diagnostic.message,
          span: site.fileSpan(diagnostic.span),
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};
