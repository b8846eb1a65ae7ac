import type { LanguageOptions } from "../../src/language/index.js";
import { editorDefaults } from "./data-editor.js";
import { byId } from "./dom.js";
import { WorkerClient } from "./evaluation-client.js";
import type { ExpressionRequest, ExpressionResponse, TraceStepView } from "./evaluation-protocol.js";
import { language } from "./language-client.js";
import { LANGUAGE_ID, showDiagnostics } from "./monaco-language.js";
import { monaco } from "./monaco-setup.js";
import { toRange } from "./offsets.js";
import { recordEdit, recordResult } from "./probe.js";
import { renderProblems } from "./problems-view.js";
import { StaleMarker } from "./stale.js";
import { StepThrough } from "./step-through.js";
import { showOutcome } from "./value-view.js";

/** From the last keystroke to the evaluation request: the work itself takes well under a millisecond. */
export const DEBOUNCE_MS = 15;

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

/**
 * Checks an editor's expression (in the language worker): squiggles in the editor and a problems list
 * under it. An answer for an older version of the text is dropped.
 */
export async function listProblems(
  list: HTMLElement,
  model: monaco.editor.ITextModel,
  options: LanguageOptions,
): Promise<void> {
  const version = model.getVersionId();
  const diagnostics = await language.call("diagnose", model.getValue(), options);
  if (model.isDisposed() || model.getVersionId() !== version) return;
  showDiagnostics(model, "provex", diagnostics);
  renderProblems(
    list,
    diagnostics.map((diagnostic) => {
      const position = model.getPositionAt(diagnostic.span.start);
      return {
        line: position.lineNumber,
        column: position.column,
        severity: diagnostic.severity,
        message: diagnostic.message,
        code: diagnostic.code,
      };
    }),
  );
}

/** Expression mode: one editor, one user's attributes, the value and its step-through, live in a worker. */
export class ExpressionMode {
  readonly model: monaco.editor.ITextModel;
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  readonly attributesInput = byId<HTMLTextAreaElement>("attributes");
  readonly steps: StepThrough;
  private readonly client = new WorkerClient<ExpressionRequest, ExpressionResponse>((outcome) =>
    this.show(outcome),
  );
  private readonly stale = new StaleMarker(byId("result-pane"), byId("value-stale"));
  private errorDecorations: monaco.editor.IEditorDecorationsCollection;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  /** Called after every change worth saving, and when the expression changes (for many users). */
  onChange: () => void = () => {};

  constructor(
    private readonly options: { current: LanguageOptions },
    expression: string,
    attributes: string,
    theme: string,
  ) {
    this.attributesInput.value = attributes;
    this.model = monaco.editor.createModel(expression, LANGUAGE_ID);
    this.editor = monaco.editor.create(byId("editor"), {
      ...editorDefaults,
      model: this.model,
      theme,
      wordWrap: "on",
      fontSize: 14,
      lineNumbers: "off",
      "semanticHighlighting.enabled": true,
      ariaLabel: "Expression",
    });
    this.steps = new StepThrough(this.editor, byId("steps"));
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
    void listProblems(byId("problems"), this.model, this.options.current);
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
    this.onChange();
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.evaluateNow(), DEBOUNCE_MS);
  }

  private show(outcome: ExpressionResponse): void {
    this.errorDecorations.clear();
    const attributesBroken = !outcome.ok && outcome.stage === "attributes";
    byId("attributes-error").textContent = attributesBroken
      ? `${outcome.line !== undefined ? `${outcome.line}:${outcome.column} ` : ""}${outcome.message}`
      : "";
    if (attributesBroken) {
      // The value shown is the last one computed: keep it, dimmed, and say why it is out of date.
      const place = outcome.line !== undefined ? ` ${outcome.line}:${outcome.column}` : "";
      this.stale.mark(`Out of date — Attributes${place}: ${outcome.message}`);
      recordResult("expression");
      return;
    }
    this.stale.clear();
    showOutcome(byId("value"), byId("value-kind"), outcome);
    this.steps.show(outcome.ok ? outcome.steps : (outcome.steps ?? ([] as TraceStepView[])));
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
