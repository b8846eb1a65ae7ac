import type { Plugin } from "vite";

const throwing = (name: string) =>
  `export class ${name} { constructor() { throw new Error("${name} is left out of the provex playground's Monaco build."); } }`;

/**
 * Monaco modules the playground never runs, replaced at build time by stubs that keep their importers
 * working. Monaco's standalone API and its hover reference them whether or not they are used, so the
 * bundler cannot drop them by itself:
 * - the diff editors (`editor.createDiffEditor`, `createMultiFileDiffEditor`), the experimental GPU
 *   renderer (only built when `experimentalGpuAcceleration` is "on") and the quick input (Monaco's
 *   command palette and pickers, built on first use; the playground registers none of their commands,
 *   and F1 opens its own shortcuts panel): stubs that throw if ever built;
 * - what the hover brings for features no provex editor has: the color picker (no color provider),
 *   inlay hints (no inlay hint provider) and go-to-definition (no definition provider): stubs that
 *   answer "none" (`instanceof` is false, `get(editor)` is null, no color decorator under the mouse).
 * Together 447 KB of the page's minified JavaScript, 108 KB gzipped (measured with Monaco 0.57.0).
 */
const STUBS: Readonly<Record<string, string>> = {
  "vs/editor/browser/widget/diffEditor/diffEditorWidget.js": `${throwing("DiffEditorWidget")}
export function toLineChanges() { return []; }`,
  "vs/editor/browser/widget/multiDiffEditor/multiDiffEditorWidget.js": throwing("MultiDiffEditorWidget"),
  "vs/editor/browser/gpu/viewGpuContext.js": throwing("ViewGpuContext"),
  "vs/editor/browser/viewParts/viewLinesGpu/viewLinesGpu.js": throwing("ViewLinesGpu"),
  "vs/editor/contrib/colorPicker/browser/hoverColorPicker/hoverColorPickerParticipant.js":
    "export class ColorHover {}\nexport class HoverColorPickerParticipant {}",
  "vs/editor/contrib/colorPicker/browser/hoverColorPicker/hoverColorPicker.js":
    "export function isOnColorDecorator() { return false; }",
  "vs/editor/contrib/inlayHints/browser/inlayHintsHover.js": "export class InlayHintsHover {}",
  "vs/platform/quickinput/browser/quickInputService.js": throwing("QuickInputService"),
  "vs/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition.js":
    "export class GotoDefinitionAtPositionEditorContribution { static get() { return null; } }",
};

const PREFIX = "\0provex-monaco-stub:";

/** Replaces the modules of {@link STUBS} (imported from inside monaco-editor) with throwing stubs. */
export function leaveOutUnusedMonaco(): Plugin {
  return {
    name: "provex-leave-out-unused-monaco",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!importer?.includes("monaco-editor") || !source.startsWith(".")) return undefined;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const id = resolved?.id.replaceAll("\\", "/") ?? "";
      const path = Object.keys(STUBS).find((stubbed) => id.endsWith(`/esm/${stubbed}`));
      return path ? `${PREFIX}${path}` : undefined;
    },
    load(id) {
      return id.startsWith(PREFIX) ? STUBS[id.slice(PREFIX.length)] : undefined;
    },
  };
}
