import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Marked } from "marked";
import type { Plugin } from "vite";

const DOCS = resolve(import.meta.dirname, "../docs");

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

/**
 * The repository's docs/*.md as static pages in the playground (`docs/NAME.html`), so that a message
 * links to its reference (`docs/functions.html#join`, `docs/lint-rules.html#rule-id`) on the same
 * origin, offline too, instead of naming a file path. Rendered at build time from our own Markdown.
 */
export function docsPages(): Plugin {
  return {
    name: "provex-docs-pages",
    apply: "build",
    generateBundle() {
      for (const name of readdirSync(DOCS).filter((file) => file.endsWith(".md"))) {
        const seen = new Map<string, number>();
        const marked = new Marked({
          renderer: {
            heading({ tokens, depth }) {
              const inner = this.parser.parseInline(tokens);
              let id = slug(tokens.map((token) => token.raw).join(""));
              const count = seen.get(id) ?? 0;
              seen.set(id, count + 1);
              if (count > 0) id = `${id}-${count}`;
              return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
            },
            link({ href, tokens }) {
              const target = href.replace(/^\.\//, "").replace(/\.md(#|$)/, ".html$1");
              return `<a href="${target}">${this.parser.parseInline(tokens)}</a>`;
            },
          },
        });
        const body = marked.parse(readFileSync(join(DOCS, name), "utf8"), { async: false });
        const title = /^#\s+(.+)$/m.exec(readFileSync(join(DOCS, name), "utf8"))?.[1] ?? name;
        this.emitFile({
          type: "asset",
          fileName: `docs/${name.replace(/\.md$/, ".html")}`,
          source: page(title.replace(/[<>&]/g, ""), body),
        });
      }
    },
  };
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:" />
<meta name="color-scheme" content="light dark" />
<link rel="icon" href="data:," />
<title>${title} — provex</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; line-height: 1.5; color: #1f2328; background: #fff; }
a { color: #0969da; } code, pre { font-family: ui-monospace, Menlo, monospace; font-size: 0.9em; }
pre { background: #f5f6f8; padding: 0.75rem; overflow: auto; } table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
:target { background: #fff8c5; }
@media (prefers-color-scheme: dark) { body { color: #e6edf3; background: #0d1117; } a { color: #4493f8; } pre { background: #161b22; } th, td { border-color: #30363d; } :target { background: #3b2e00; } }
</style>
</head>
<body>
<p><a href="../index.html">← provex playground</a></p>
${body}
</body>
</html>
`;
}
