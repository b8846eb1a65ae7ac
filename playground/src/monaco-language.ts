import type { Diagnostic } from "../../src/diagnostics/index.js";
import type { CompletionKind, LanguageOptions } from "../../src/language/index.js";
import { diagnosticLink, messageText } from "./docs-links.js";
import { language } from "./language-client.js";
import { monaco } from "./monaco-setup.js";
import { defineThemes, languageConfiguration, monarchLanguage } from "./monarch.js";
import { toRange, toSpan } from "./offsets.js";

export const LANGUAGE_ID = "provex";

/**
 * Registers the provex language with Monaco: Monarch colouring and every service of src/language (run
 * in the language worker), each a few lines converting offsets to positions. `options()` gives the
 * current sample user and schema.
 */
export async function registerProvexLanguage(options: () => LanguageOptions): Promise<void> {
  const legend = await language.call("semanticLegend");
  const { languages } = monaco;
  languages.register({ id: LANGUAGE_ID });
  languages.setMonarchTokensProvider(LANGUAGE_ID, monarchLanguage);
  languages.setLanguageConfiguration(LANGUAGE_ID, languageConfiguration);
  defineThemes(monaco);

  const kinds: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
    function: languages.CompletionItemKind.Function,
    attribute: languages.CompletionItemKind.Field,
    constant: languages.CompletionItemKind.Constant,
    snippet: languages.CompletionItemKind.Snippet,
  };
  languages.registerCompletionItemProvider(LANGUAGE_ID, {
    triggerCharacters: ["[", "("],
    async provideCompletionItems(model, position) {
      const offset = model.getOffsetAt(position);
      const items = await language.call("complete", model.getValue(), offset, options());
      if (model.isDisposed()) return { suggestions: [] };
      const suggestions = items.map((item) => ({
        label: item.label,
        kind: kinds[item.kind],
        detail: item.detail,
        documentation: item.documentation ? { value: item.documentation } : undefined,
        insertText: item.insertText,
        insertTextRules: item.snippet ? languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
        range: toRange(model, item.range),
        sortText: item.sortText,
      }));
      return { suggestions };
    },
  });

  languages.registerSignatureHelpProvider(LANGUAGE_ID, {
    signatureHelpTriggerCharacters: ["(", ","],
    signatureHelpRetriggerCharacters: [","],
    async provideSignatureHelp(model, position) {
      const help = await language.call("signatureHelp", model.getValue(), model.getOffsetAt(position));
      if (!help) return null;
      return {
        value: {
          signatures: [
            {
              label: help.label,
              documentation: help.documentation,
              parameters: help.parameters.map((parameter) => ({
                label: [parameter.label[0], parameter.label[1]] as [number, number],
                documentation: parameter.documentation,
              })),
            },
          ],
          activeSignature: 0,
          activeParameter: help.activeParameter,
        },
        dispose() {},
      };
    },
  });

  languages.registerHoverProvider(LANGUAGE_ID, {
    async provideHover(model, position) {
      const result = await language.call("hover", model.getValue(), model.getOffsetAt(position), options());
      if (!result) return null;
      // Plain Markdown, untrusted and without HTML: user values sit in code fences (src/language).
      return { range: toRange(model, result.span), contents: result.contents.map((value) => ({ value })) };
    },
  });

  languages.registerCodeActionProvider(LANGUAGE_ID, {
    async provideCodeActions(model, range, context) {
      const version = model.getVersionId();
      const found = await language.call("codeActions", model.getValue(), toSpan(model, range), options());
      if (model.getVersionId() !== version) return { actions: [], dispose() {} };
      const actions = found.map((action) => ({
        title: action.title,
        kind: "quickfix",
        isPreferred: action.preferred,
        diagnostics: context.markers.filter(
          (marker) =>
            (typeof marker.code === "string" ? marker.code : marker.code?.value) === action.diagnosticCode,
        ),
        edit: {
          edits: action.edits.map((edit) => ({
            resource: model.uri,
            versionId: model.getVersionId(),
            textEdit: { range: toRange(model, edit.span), text: edit.newText },
          })),
        },
      }));
      return { actions, dispose() {} };
    },
  });

  languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, {
    async provideDocumentFormattingEdits(model) {
      const result = await language.call("formatDocument", model.getValue());
      if (!result.ok) return [];
      return result.edits.map((edit) => ({ range: toRange(model, edit.span), text: edit.newText }));
    },
  });

  languages.registerDocumentSemanticTokensProvider(LANGUAGE_ID, {
    getLegend: () => legend,
    async provideDocumentSemanticTokens(model) {
      const tokens = await language.call("semanticTokens", model.getValue());
      // LSP encoding: five numbers per token, line and start relative to the previous token.
      const data: number[] = [];
      let previousLine = 0;
      let previousColumn = 0;
      for (const token of tokens) {
        const position = model.getPositionAt(token.start);
        const line = position.lineNumber - 1;
        const column = position.column - 1;
        const modifiers = token.modifiers.reduce(
          (bits, modifier) => bits | (1 << legend.tokenModifiers.indexOf(modifier)),
          0,
        );
        data.push(
          line - previousLine,
          line === previousLine ? column - previousColumn : column,
          token.length,
          legend.tokenTypes.indexOf(token.type),
          modifiers,
        );
        previousLine = line;
        previousColumn = column;
      }
      return { data: new Uint32Array(data) };
    },
    releaseDocumentSemanticTokens() {},
  });
}

const severities = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

/** Shows diagnostics as markers (squiggles) under an owner, replacing that owner's previous ones. */
export function showDiagnostics(
  model: monaco.editor.ITextModel,
  owner: string,
  diagnostics: readonly Pick<Diagnostic, "code" | "message" | "severity" | "span">[],
  link: (code: string, message: string) => string | undefined = diagnosticLink,
): void {
  const codeWithLink = (code: string, message: string) => {
    const href = link(code, message);
    return href ? { value: code, target: monaco.Uri.parse(new URL(href, location.href).href) } : code;
  };
  monaco.editor.setModelMarkers(
    model,
    owner,
    diagnostics.map((diagnostic) => {
      const range = toRange(model, diagnostic.span);
      // An empty span (a missing argument) would be invisible: widen it to one character.
      const endColumn =
        diagnostic.span.start === diagnostic.span.end ? range.startColumn + 1 : range.endColumn;
      return {
        ...range,
        endColumn,
        severity: severities[diagnostic.severity],
        message: messageText(diagnostic.message),
        code: codeWithLink(diagnostic.code, diagnostic.message),
        source: owner === "lint" ? "provex lint" : "provex",
      };
    }),
  );
}
