import { byId, textElement } from "./dom.js";
import type { monaco } from "./monaco-setup.js";

/** The help panel's list: Monaco's own bindings, plus the playground's. */
export const shortcuts: readonly (readonly [string, string])[] = [
  ["Ctrl+Space", "Suggest functions, attributes, constants and snippets"],
  ["Ctrl+Shift+Space", "Show the signature of the current call"],
  [
    "Ctrl+K Ctrl+I (or hover)",
    "Documentation of the function, or the selected user's value of the attribute",
  ],
  ["Ctrl+.", "Quick fix for the problem under the cursor"],
  ["F8 / Shift+F8", "Go to the next / previous problem"],
  ["Shift+Alt+F", "Format the expression"],
  ["Ctrl+Enter", "Evaluate now"],
  ["Ctrl+F", "Find"],
  [
    "Ctrl+M (Ctrl+Shift+M on macOS)",
    "Toggle Tab trapping in an editor: Tab then moves the focus out of the editor instead of inserting a tab",
  ],
  ["Tab / Shift+Tab", "Next / previous control (outside the editors, or with Tab trapping off)"],
  [
    "↑ / ↓, Page Up / Page Down, Home / End",
    "Move through the users in the summary table (when it has the focus)",
  ],
  ["F1", "This help"],
];

/** Fills the shortcuts dialog and opens it from the button, F1 on the page, or F1 in an editor. */
export function installHelpPanel(
  api: typeof monaco,
  editors: readonly monaco.editor.IStandaloneCodeEditor[],
): void {
  const help = byId<HTMLDialogElement>("help");
  byId<HTMLTableElement>("shortcuts").replaceChildren(
    ...shortcuts.map(([keys, action]) => {
      const row = document.createElement("tr");
      row.append(textElement("th", keys), textElement("td", action));
      return row;
    }),
  );
  const open = () => {
    if (!help.open) help.showModal();
  };
  byId("help-button").addEventListener("click", open);
  for (const editor of editors) editor.addCommand(api.KeyCode.F1, open);
  window.addEventListener("keydown", (event) => {
    if (event.key === "F1") {
      event.preventDefault();
      open();
    }
  });
}
