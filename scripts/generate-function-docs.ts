// Writes docs/functions.md from the function registry. Run with `npm run docs`; a unit test fails
// when the committed file differs from what this produces.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { functionReferenceMarkdown } from "../src/functions/reference-markdown.js";

const target = resolve("docs/functions.md");
writeFileSync(target, functionReferenceMarkdown());
console.log(`wrote ${target}`);
