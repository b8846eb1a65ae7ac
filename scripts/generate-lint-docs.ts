// Writes docs/lint-rules.md from the lint rules' meta. Run with `npm run docs`; a unit test fails when
// the committed file differs from what this produces.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { lintRulesMarkdown } from "../src/lint/rules-markdown.js";

const target = resolve("docs/lint-rules.md");
writeFileSync(target, lintRulesMarkdown());
console.log(`wrote ${target}`);
