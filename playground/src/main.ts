import "./styles.css";
import { diagnose, type LanguageOptions } from "../../src/language/index.js";
import { byId } from "./dom.js";
import { examples } from "./examples.js";
import { ExpressionMode } from "./expression-mode.js";
import { installHelpPanel } from "./help-panel.js";
import { MappingMode } from "./mapping-mode.js";
import { registerProvexLanguage } from "./monaco-language.js";
import { installMonacoWorker, monaco } from "./monaco-setup.js";
import { probe } from "./probe.js";
import { decodeState, encodeState } from "./share-link.js";

installMonacoWorker();
// The editor services read the active mode's user through this one holder.
const options: { current: LanguageOptions } = { current: { attributes: {} } };
registerProvexLanguage(() => options.current);

const shared = await decodeState(location.hash);
const first = examples[0];
const dark = window.matchMedia("(prefers-color-scheme: dark)");
const theme = () => (dark.matches ? "provex-dark" : "provex-light");
dark.addEventListener("change", () => monaco.editor.setTheme(theme()));

const expressionMode = new ExpressionMode(
  options,
  shared?.expression ?? first?.expression ?? "",
  shared?.attributes ?? JSON.stringify(first?.attributes ?? {}, null, 2),
  theme(),
);
const mappingMode = new MappingMode(options, shared, theme());
probe.monaco = monaco;
probe.editor = expressionMode.editor;
probe.mappingEditor = mappingMode.editor;

let mode: "expression" | "mapping" = shared?.mode ?? "expression";
function showMode(next: "expression" | "mapping"): void {
  mode = next;
  byId("expression-mode").hidden = mode !== "expression";
  byId("mapping-mode").hidden = mode !== "mapping";
  byId("mode-expression").setAttribute("aria-pressed", String(mode === "expression"));
  byId("mode-mapping").setAttribute("aria-pressed", String(mode === "mapping"));
  byId("examples-label").hidden = mode !== "expression";
  if (mode === "expression") {
    expressionMode.activate();
    expressionMode.evaluateNow();
  } else {
    mappingMode.activate();
    mappingMode.previewNow();
  }
}
byId("mode-expression").addEventListener("click", () => showMode("expression"));
byId("mode-mapping").addEventListener("click", () => showMode("mapping"));

// Examples gallery (expression mode).
const exampleSelect = byId<HTMLSelectElement>("examples");
exampleSelect.append(new Option("Choose an example…", ""));
examples.forEach((example, index) => {
  exampleSelect.append(new Option(example.title, String(index)));
});
exampleSelect.addEventListener("change", () => {
  const example = examples[Number(exampleSelect.value)];
  if (!example) return;
  expressionMode.attributesInput.value = JSON.stringify(example.attributes, null, 2);
  expressionMode.activate();
  expressionMode.model.setValue(example.expression);
});

// Format the active editor (also Shift+Alt+F inside it).
const status = byId("status");
byId("format").addEventListener("click", async () => {
  const editor = mode === "expression" ? expressionMode.editor : mappingMode.editor;
  const before = editor.getValue();
  await editor.getAction("editor.action.formatDocument")?.run();
  const broken = diagnose(before).some((d) => d.severity === "error");
  status.textContent =
    editor.getValue() === before && broken
      ? "Fix the syntax errors first: formatting leaves broken text alone."
      : "";
});

byId("share").addEventListener("click", async () => {
  const fragment = await encodeState({
    mode,
    expression: expressionMode.model.getValue(),
    attributes: expressionMode.attributesInput.value,
    ...mappingMode.inputs(),
  });
  history.replaceState(null, "", fragment);
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = "Link copied: the state is in the link itself, nothing was uploaded.";
  } catch {
    status.textContent = "The address bar now holds a link to this state (nothing was uploaded).";
  }
});

installHelpPanel(monaco, [expressionMode.editor, mappingMode.editor]);

expressionMode.refreshDiagnostics();
showMode(mode);
probe.ready = true;
document.body.dataset.ready = "true";
