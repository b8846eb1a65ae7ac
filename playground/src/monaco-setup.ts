// The lean Monaco build (STACK.md): the editor core, its one worker, and only the contributions the
// playground uses. Importing all of "monaco-editor" would emit every language worker (~9.5 MB).
import * as monaco from "monaco-editor/editor";
import "monaco-editor/editor/browser/coreCommands";
import "monaco-editor/features/bracketMatching/register";
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
// Ctrl+M: Monaco's escape from the Tab trap (listed in the shortcuts panel).
import "monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode";

/**
 * Monaco's own editor worker is not started: with no language workers, what it computes for this
 * playground (minimal formatting edits, word ranges) is small, and Monaco runs the same code on the
 * page when no worker is offered (it logs one console warning saying so). That saves its 90 KB
 * gzipped bundle, which duplicated code the page already holds. Word-based suggestions and unicode
 * highlighting, the two services that would scan large texts, are turned off in every editor.
 */
export function installMonacoWorker(): void {
  self.MonacoEnvironment = {
    getWorker: () => {
      throw new Error("provex runs Monaco's editor services on the page (no editor worker).");
    },
  };
}

export { monaco };
