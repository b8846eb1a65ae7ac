import { diagnose, type LanguageOptions } from "../../src/language/index.js";
import { byId, textElement } from "./dom.js";
import { WorkerClient } from "./evaluation-client.js";
import type { ExpressionRequest, ExpressionResponse } from "./evaluation-protocol.js";
import { LANGUAGE_ID, showDiagnostics } from "./monaco-language.js";
import { monaco } from "./monaco-setup.js";
import { toRange } from "./offsets.js";
import { recordEdit, recordResult } from "./probe.js";
import { showOutcome } from "./value-view.js";

export const DEBOUNCE_MS = 120;

/** Parses a JSON object leniently for the editor services (the worker reports JSON errors). */
export function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text || "{}");
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Lists diagnostics under an editor, as text. */
export function listProblems(
  list: HTMLElement,
  model: monaco.editor.ITextModel,
  diagnostics: ReturnType<typeof diagnose>,
): void {
  list.replaceChildren(
    ...diagnostics.map((diagnostic) => {
      const position = model.getPositionAt(diagnostic.span.start);
      return textElement(
        "li",
        `${position.lineNumber}:${position.column} ${diagnostic.message} [${diagnostic.code}]`,
        diagnostic.severity,
      );
    }),
  );
}

/** Expression mode: one editor, one user's attributes, the value computed live in a worker. */
export class ExpressionMode {
  readonly model: monaco.editor.ITextModel;
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  readonly attributesInput = byId<HTMLTextAreaElement>("attributes");
  private readonly client = new WorkerClient<ExpressionRequest, ExpressionResponse>((outcome) =>
    this.show(outcome),
  );
  private errorDecorations: monaco.editor.IEditorDecorationsCollection;
  private debounce: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly options: { current: LanguageOptions },
    expression: string,
    attributes: string,
    theme: string,
  ) {
    this.attributesInput.value = attributes;
    this.model = monaco.editor.createModel(expression, LANGUAGE_ID);
    this.editor = monaco.editor.create(byId("editor"), {
      model: this.model,
      theme,
      automaticLayout: true,
      minimap: { enabled: false },
      wordWrap: "on",
      fontSize: 14,
      lineNumbers: "off",
      scrollBeyondLastLine: false,
      "semanticHighlighting.enabled": true,
      fixedOverflowWidgets: true,
    });
    this.errorDecorations = this.editor.createDecorationsCollection();
    this.model.onDidChangeContent(() => {
      this.refreshDiagnostics();
      this.schedule();
    });
    this.attributesInput.addEventListener("input", () => this.schedule());
    this.editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => this.evaluateNow());
  }

  /** Makes the editor services see this mode's user. */
  activate(): void {
    this.options.current = { attributes: parseObject(this.attributesInput.value) ?? {} };
  }

  refreshDiagnostics(): void {
    const diagnostics = diagnose(this.model.getValue(), this.options.current);
    showDiagnostics(this.model, "provex", diagnostics);
    listProblems(byId("problems"), this.model, diagnostics);
  }

  evaluateNow(): void {
    clearTimeout(this.debounce);
    this.activate();
    this.client.run({
      kind: "expression",
      expression: this.model.getValue(),
      attributesJson: this.attributesInput.value,
    });
  }

  private schedule(): void {
    recordEdit();
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.evaluateNow(), DEBOUNCE_MS);
  }

  private show(outcome: ExpressionResponse): void {
    showOutcome(byId("value"), byId("value-kind"), outcome);
    this.errorDecorations.clear();
    byId("attributes-error").textContent =
      !outcome.ok && outcome.stage === "attributes" ? outcome.message : "";
    if (!outcome.ok && outcome.stage === "evaluate" && outcome.span) {
      // Highlight the failing call; compile errors are already squiggles from diagnose().
      this.errorDecorations = this.editor.createDecorationsCollection([
        {
          range: toRange(this.model, outcome.span),
          options: { inlineClassName: "evaluation-error", hoverMessage: { value: outcome.message } },
        },
      ]);
    }
    const latency = recordResult("expression");
    if (!Number.isNaN(latency)) {
      const worker = outcome.ok ? `, evaluation ${outcome.workerMs.toFixed(1)} ms` : "";
      byId("timing").textContent =
        `Updated ${latency.toFixed(0)} ms after the last keystroke (${DEBOUNCE_MS} ms debounce${worker}).`;
    }
  }
}
