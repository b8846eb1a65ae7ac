// The lean Monaco build (STACK.md): the editor core, its one worker, and only the contributions the
// playground uses. Importing all of "monaco-editor" would emit every language worker (~9.5 MB).
import * as monaco from "monaco-editor/editor";
import editorWorker from "monaco-editor/editor/editor.worker?worker";
import "monaco-editor/editor/browser/coreCommands";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/codeAction/register";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/format/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/parameterHints/register";
import "monaco-editor/features/semanticTokens/register";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/suggest/register";
// Pitfall (STACK.md): suggest/register does not bring the suggest widget in 0.57; without this import
// completion silently never shows.
import "monaco-editor/editor/contrib/suggest/browser/suggestController";

/**
 * Tells Monaco how to start its worker; call before creating the first editor. A function rather than
 * a top-level statement: the repository's package.json declares `"sideEffects": false`, under which the
 * bundler drops module-level statements that no export needs.
 */
export function installMonacoWorker(): void {
  self.MonacoEnvironment = { getWorker: () => new editorWorker() };
}

export { monaco };
