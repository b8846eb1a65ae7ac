import "./styles.css";
import { diagnose, type LanguageOptions } from "../../src/language/index.js";
import { EvaluationClient, type EvaluationOutcome } from "./evaluation-client.js";
import { examples } from "./examples.js";
import { LANGUAGE_ID, registerProvexLanguage, showDiagnostics } from "./monaco-language.js";
import { installMonacoWorker, monaco } from "./monaco-setup.js";
import { toRange } from "./offsets.js";
import { decodeState, encodeState } from "./share-link.js";
import { shortcuts } from "./shortcuts.js";
import { showOutcome } from "./value-view.js";

const DEBOUNCE_MS = 120;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const attributesInput = element<HTMLTextAreaElement>("attributes");
const attributesError = element<HTMLElement>("attributes-error");
const valueView = element<HTMLElement>("value");
const kindLabel = element<HTMLElement>("value-kind");
const timing = element<HTMLElement>("timing");
const problems = element<HTMLUListElement>("problems");
const status = element<HTMLElement>("status");

/** What tests and the latency measurement read (a plain object on window, no framework). */
const probe = {
  ready: false,
  editor: undefined as monaco.editor.IStandaloneCodeEditor | undefined,
  monaco,
  /** performance.now() of the last edit, and the time from it to the value on screen. */
  lastEditAt: 0,
  lastLatencyMs: Number.NaN,
  results: 0,
};
(window as unknown as { __provex: typeof probe }).__provex = probe;

installMonacoWorker();
let languageOptions: LanguageOptions = { attributes: {} };
registerProvexLanguage(() => languageOptions);

const initial = (await decodeState(location.hash)) ?? {
  expression: examples[0]?.expression ?? "",
  attributes: JSON.stringify(examples[0]?.attributes ?? {}, null, 2),
};
attributesInput.value = initial.attributes;

const dark = window.matchMedia("(prefers-color-scheme: dark)");
const model = monaco.editor.createModel(initial.expression, LANGUAGE_ID);
const editor = monaco.editor.create(element("editor"), {
  model,
  theme: dark.matches ? "provex-dark" : "provex-light",
  automaticLayout: true,
  minimap: { enabled: false },
  wordWrap: "on",
  fontSize: 14,
  lineNumbers: "off",
  scrollBeyondLastLine: false,
  "semanticHighlighting.enabled": true,
  fixedOverflowWidgets: true,
});
probe.editor = editor;
dark.addEventListener("change", () => monaco.editor.setTheme(dark.matches ? "provex-dark" : "provex-light"));

let errorDecorations = editor.createDecorationsCollection();
const client = new EvaluationClient(onOutcome);

function onOutcome(outcome: EvaluationOutcome): void {
  showOutcome(valueView, kindLabel, outcome);
  errorDecorations.clear();
  attributesError.textContent = !outcome.ok && outcome.stage === "attributes" ? outcome.message : "";
  if (!outcome.ok && outcome.stage === "evaluate" && outcome.span) {
    // Highlight the failing call in the editor; compile errors are already squiggles from diagnose().
    errorDecorations = editor.createDecorationsCollection([
      {
        range: toRange(model, outcome.span),
        options: { inlineClassName: "evaluation-error", hoverMessage: { value: outcome.message } },
      },
    ]);
  }
  probe.results++;
  if (probe.lastEditAt > 0) {
    probe.lastLatencyMs = performance.now() - probe.lastEditAt;
    const worker = outcome.ok ? `, evaluation ${outcome.workerMs.toFixed(1)} ms` : "";
    timing.textContent = `Updated ${probe.lastLatencyMs.toFixed(0)} ms after the last keystroke (${DEBOUNCE_MS} ms debounce${worker}).`;
  }
}

function readAttributes(): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(attributesInput.value || "{}");
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return languageOptions.attributes ? { ...languageOptions.attributes } : {};
  }
}

function refreshDiagnostics(): void {
  const text = model.getValue();
  const diagnostics = diagnose(text, languageOptions);
  showDiagnostics(model, "provex", diagnostics);
  problems.replaceChildren(
    ...diagnostics.map((diagnostic) => {
      const item = document.createElement("li");
      item.className = diagnostic.severity;
      const position = model.getPositionAt(diagnostic.span.start);
      item.textContent = `${position.lineNumber}:${position.column} ${diagnostic.message} [${diagnostic.code}]`;
      return item;
    }),
  );
}

function evaluateNow(): void {
  languageOptions = { attributes: readAttributes() };
  client.evaluate({ expression: model.getValue(), attributesJson: attributesInput.value });
}

let debounce: ReturnType<typeof setTimeout> | undefined;
function scheduleEvaluation(): void {
  probe.lastEditAt = performance.now();
  clearTimeout(debounce);
  debounce = setTimeout(evaluateNow, DEBOUNCE_MS);
}

model.onDidChangeContent(() => {
  refreshDiagnostics();
  scheduleEvaluation();
});
attributesInput.addEventListener("input", scheduleEvaluation);

// Examples gallery.
const exampleSelect = element<HTMLSelectElement>("examples");
exampleSelect.append(new Option("Choose an example…", ""));
examples.forEach((example, index) => {
  exampleSelect.append(new Option(example.title, String(index)));
});
exampleSelect.addEventListener("change", () => {
  const example = examples[Number(exampleSelect.value)];
  if (!example) return;
  attributesInput.value = JSON.stringify(example.attributes, null, 2);
  model.setValue(example.expression);
});

// Commands.
const formatNow = () => editor.getAction("editor.action.formatDocument")?.run();
element("format").addEventListener("click", () => {
  const before = model.getValue();
  void formatNow()?.then(() => {
    if (model.getValue() === before && diagnose(before).some((d) => d.severity === "error")) {
      status.textContent = "Fix the syntax errors first: formatting leaves broken text alone.";
    }
  });
});
editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, evaluateNow);

element("share").addEventListener("click", async () => {
  const fragment = await encodeState({ expression: model.getValue(), attributes: attributesInput.value });
  history.replaceState(null, "", fragment);
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = "Link copied: the state is in the link itself, nothing was uploaded.";
  } catch {
    status.textContent = "The address bar now holds a link to this state (nothing was uploaded).";
  }
});

// Keyboard help.
const help = element<HTMLDialogElement>("help");
element<HTMLTableElement>("shortcuts").replaceChildren(
  ...shortcuts.map(([keys, action]) => {
    const row = document.createElement("tr");
    const keyCell = document.createElement("th");
    keyCell.textContent = keys;
    const actionCell = document.createElement("td");
    actionCell.textContent = action;
    row.append(keyCell, actionCell);
    return row;
  }),
);
element("help-button").addEventListener("click", () => help.showModal());
editor.addCommand(monaco.KeyCode.F1, () => help.showModal());
window.addEventListener("keydown", (event) => {
  if (event.key === "F1") {
    event.preventDefault();
    help.showModal();
  }
});

refreshDiagnostics();
evaluateNow();
probe.ready = true;
document.body.dataset.ready = "true";
