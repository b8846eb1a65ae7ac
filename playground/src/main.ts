import "./styles.css";
import type { LanguageOptions } from "../../src/language/index.js";
import { byId } from "./dom.js";
import { examples } from "./examples.js";
import { ExpressionMode } from "./expression-mode.js";
import { installHelpPanel } from "./help-panel.js";
import { language } from "./language-client.js";
import { ManyUsers } from "./many-users.js";
import { MappingMode } from "./mapping-mode.js";
import { registerProvexLanguage } from "./monaco-language.js";
import { installMonacoWorker, monaco } from "./monaco-setup.js";
import { probe } from "./probe.js";
import { encodeState } from "./share-link.js";
import { EMPTY_STATE, type PlaygroundState } from "./state.js";
import { restoreWork, WorkKeeper } from "./work-keeper.js";

installMonacoWorker();
// The editor services read the active mode's user through this one holder.
const options: { current: LanguageOptions } = { current: { attributes: {} } };
await registerProvexLanguage(() => options.current);

const first = examples[0];
const defaults: PlaygroundState = {
  ...EMPTY_STATE,
  expression: first?.expression ?? "",
  attributes: JSON.stringify(first?.attributes ?? {}, null, 2),
};
const restored = await restoreWork(defaults);
const initial = restored.state;

const dark = window.matchMedia("(prefers-color-scheme: dark)");
const theme = () => (dark.matches ? "provex-dark" : "provex-light");
dark.addEventListener("change", () => monaco.editor.setTheme(theme()));

const expressionMode = new ExpressionMode(options, initial.expression, initial.attributes, theme());
const mappingMode = new MappingMode(options, theme());
mappingMode.setInputs(initial);
const manyUsers = new ManyUsers(
  theme(),
  () => expressionMode.model.getValue(),
  () => keeper.changed(),
);
manyUsers.input.setText(initial.manyUsers);
probe.monaco = monaco;
probe.editor = expressionMode.editor;
probe.mappingEditor = mappingMode.editor;
probe.app = { expressionMode, mappingMode, manyUsers };

let mode: "expression" | "mapping" = initial.mode;
let expressionView: "one" | "many" = initial.expressionView;

function currentState(): PlaygroundState {
  return {
    mode,
    expression: expressionMode.model.getValue(),
    attributes: expressionMode.attributesInput.value,
    manyUsers: manyUsers.input.text,
    expressionView,
    ...mappingMode.inputs(),
    savedAt: Date.now(),
  };
}
const keeper = new WorkKeeper(currentState, restored, (state) => {
  // "Open my work instead" (or back to the link): reload with that state, the simplest faithful restore.
  void state;
  location.reload();
});
expressionMode.onChange = () => {
  keeper.changed();
  if (expressionView === "many") manyUsers.run();
};
mappingMode.onChange = () => keeper.changed();

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
    showExpressionView(expressionView);
  } else {
    mappingMode.activate();
    mappingMode.previewNow();
  }
  keeper.changed();
}
byId("mode-expression").addEventListener("click", () => showMode("expression"));
byId("mode-mapping").addEventListener("click", () => showMode("mapping"));

function showExpressionView(next: "one" | "many"): void {
  expressionView = next;
  byId("attributes-pane").hidden = next !== "one";
  byId("many-pane").hidden = next !== "many";
  byId("view-one").setAttribute("aria-pressed", String(next === "one"));
  byId("view-many").setAttribute("aria-pressed", String(next === "many"));
  if (next === "many") manyUsers.run();
  keeper.changed();
}
byId("view-one").addEventListener("click", () => showExpressionView("one"));
byId("view-many").addEventListener("click", () => showExpressionView("many"));

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
  const broken = (await language.call("diagnose", before, {})).some((d) => d.severity === "error");
  status.textContent =
    editor.getValue() === before && broken
      ? "Fix the syntax errors first: formatting leaves broken text alone."
      : "";
});

byId("share").addEventListener("click", async () => {
  const fragment = await encodeState(currentState());
  const link = `${location.href.replace(/#.*$/, "")}${fragment}`;
  const big =
    fragment.length > 1_000_000 ? " It is long: some browsers and chat tools cut links this size." : "";
  try {
    await navigator.clipboard.writeText(link);
    status.textContent = `Link copied (${(fragment.length / 1000).toFixed(0)} KB): the state is in the link itself, nothing was uploaded.${big}`;
  } catch {
    history.replaceState(null, "", fragment);
    status.textContent = `The address bar now holds a link to this state (nothing was uploaded).${big}`;
  }
  probe.lastShareLink = link;
});

installHelpPanel(monaco, [expressionMode.editor, mappingMode.editor]);

expressionMode.refreshDiagnostics();
showMode(mode);
if (mode === "mapping") mappingMode.selectUser(initial.selectedUser);
keeper.start();
probe.ready = true;
document.body.dataset.ready = "true";
