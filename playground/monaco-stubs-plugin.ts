import type { Plugin } from "vite";

/**
 * Monaco modules the playground never runs, replaced by empty classes at build time. Monaco's
 * standalone API references them whether or not they are used — `editor.createDiffEditor` and
 * `createMultiFileDiffEditor` (the diff editors), and the experimental GPU renderer (only built when
 * `experimentalGpuAcceleration` is "on") — so the bundler cannot drop them by itself. Together they are
 * about 220 KB of minified JavaScript (≈ 55 KB gzipped) on the page. Calling one of them throws.
 */
const STUBS: Readonly<Record<string, string>> = {
  "vs/editor/browser/widget/diffEditor/diffEditorWidget.js": "DiffEditorWidget",
  "vs/editor/browser/widget/multiDiffEditor/multiDiffEditorWidget.js": "MultiDiffEditorWidget",
  "vs/editor/browser/gpu/viewGpuContext.js": "ViewGpuContext",
  "vs/editor/browser/viewParts/viewLinesGpu/viewLinesGpu.js": "ViewLinesGpu",
};

const PREFIX = "\0provex-monaco-stub:";

function stubSource(exported: string): string {
  return [
    `export class ${exported} {`,
    `  constructor() { throw new Error("${exported} is left out of the provex playground's Monaco build."); }`,
    "}",
    exported === "DiffEditorWidget" ? "export function toLineChanges() { return []; }" : "",
  ].join("\n");
}

/** Replaces the modules of {@link STUBS} (imported from inside monaco-editor) with throwing stubs. */
export function leaveOutUnusedMonaco(): Plugin {
  return {
    name: "provex-leave-out-unused-monaco",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!importer?.includes("monaco-editor") || !source.startsWith(".")) return undefined;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const id = resolved?.id.replaceAll("\\", "/") ?? "";
      const entry = Object.entries(STUBS).find(([path]) => id.endsWith(`/esm/${path}`));
      return entry ? `${PREFIX}${entry[1]}` : undefined;
    },
    load(id) {
      return id.startsWith(PREFIX) ? stubSource(id.slice(PREFIX.length)) : undefined;
    },
  };
}
