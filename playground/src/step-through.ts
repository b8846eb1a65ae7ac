import { stepAt } from "../../src/evaluator/step-at.js";
import type { DescribedValue } from "../../src/language/index.js";
import { textElement } from "./dom.js";
import type { TracedValueView, TraceStepView } from "./evaluation-protocol.js";
import { LANGUAGE_ID } from "./monaco-language.js";
import { monaco } from "./monaco-setup.js";
import { toRange, toSpan } from "./offsets.js";

/** A value in one line, the way an expression writes it: text quoted, lists in brackets. */
export function valueText(value: DescribedValue): string {
  const { kind, rendered } = value;
  if (rendered === null) return kind === "flow skipped" ? "(flow skipped)" : "null";
  if (Array.isArray(rendered)) return `[${rendered.map((item) => JSON.stringify(item)).join(", ")}]`;
  return kind === "string" ? JSON.stringify(rendered) : String(rendered);
}

export function tracedText(traced: TracedValueView): string {
  switch (traced.state) {
    case "value":
      return valueText(traced.value);
    case "omitted":
      return "(omitted)";
    case "not-evaluated":
      return "(not evaluated)";
    case "error":
      return `error ${traced.code}`;
  }
}

const clip = (text: string, limit = 120) => (text.length > limit ? `${text.slice(0, limit)}…` : text);

/**
 * Step through an expression: every call, comparison and attribute read of the last evaluation, with
 * its arguments and result, like regex101's debugger or Power Fx's formula bar. Selecting text or
 * placing the cursor in the editor picks the innermost sub-expression there and shows its value;
 * hovering shows it too; activating a step selects its text in the editor.
 */
export class StepThrough {
  private steps: readonly TraceStepView[] = [];
  private note = "";
  private items: HTMLElement[] = [];
  private readonly current: HTMLElement;
  private readonly list: HTMLOListElement;
  private highlight: monaco.editor.IEditorDecorationsCollection;

  constructor(
    private readonly editor: monaco.editor.IStandaloneCodeEditor,
    container: HTMLElement,
  ) {
    this.current = textElement("p", "", "step-current");
    this.current.setAttribute("aria-live", "polite");
    this.list = document.createElement("ol");
    this.list.className = "step-list";
    container.replaceChildren(this.current, this.list);
    this.highlight = editor.createDecorationsCollection();
    editor.onDidChangeCursorSelection(() => this.follow());
    this.list.addEventListener("click", (event) => {
      const item = (event.target as HTMLElement).closest<HTMLElement>("[data-step]");
      const step = item ? this.steps[Number(item.dataset.step)] : undefined;
      const model = editor.getModel();
      if (!step || !model) return;
      const range = toRange(model, step.span);
      editor.setSelection(range);
      editor.revealRange(range);
      editor.focus();
    });
    monaco.languages.registerHoverProvider(LANGUAGE_ID, {
      provideHover: (model, position) => {
        if (model !== editor.getModel()) return null;
        const step = stepAt(this.steps, model.getOffsetAt(position));
        if (!step) return null;
        return {
          range: toRange(model, step.span),
          contents: [
            { value: `**Value for this user:** \`${clip(tracedText(step.result)).replace(/`/g, "ʹ")}\`` },
          ],
        };
      },
    });
  }

  /** The steps of a new evaluation; `note` says why there are none, when there is a reason. */
  show(steps: readonly TraceStepView[], note = ""): void {
    this.steps = steps;
    this.note = note;
    this.items = steps.map((step, index) => {
      const item = document.createElement("li");
      item.dataset.step = String(index);
      item.style.setProperty("--depth", String(step.depth));
      const button = document.createElement("button");
      button.type = "button";
      button.className = "step";
      const args =
        step.kind === "attribute"
          ? ""
          : `(${step.arguments.map((argument) => clip(tracedText(argument), 40)).join(", ")})`;
      const name = step.kind === "comparison" ? `${step.name} ` : step.name;
      button.append(
        textElement("span", `${name}${args}`, "step-call"),
        textElement("span", " → ", "arrow"),
        textElement(
          "span",
          clip(tracedText(step.result)),
          step.result.state === "error" ? "step-error" : "step-result",
        ),
      );
      item.append(button);
      return item;
    });
    this.list.replaceChildren(...this.items);
    this.follow();
  }

  /** The step under the cursor or selection: marked in the list, its text highlighted, its value shown. */
  private follow(): void {
    const model = this.editor.getModel();
    const selection = this.editor.getSelection();
    if (!model || !selection) return;
    const span = toSpan(model, selection);
    const step = stepAt(this.steps, span.start, span.end);
    for (const item of this.items) item.removeAttribute("aria-current");
    if (!step) {
      this.current.textContent =
        this.steps.length === 0
          ? this.note
          : "Place the cursor in the expression to see the value of the part around it.";
      this.highlight.clear();
      return;
    }
    const index = this.steps.indexOf(step);
    this.items[index]?.setAttribute("aria-current", "true");
    this.items[index]?.scrollIntoView({ block: "nearest" });
    const text = model.getValue().slice(step.span.start, step.span.end);
    this.current.textContent = `${clip(text, 80)} = ${clip(tracedText(step.result))}`;
    this.highlight.set([{ range: toRange(model, step.span), options: { className: "step-highlight" } }]);
  }
}
