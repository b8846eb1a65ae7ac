/** The help panel's list; Monaco's own bindings, plus the playground's. */
export const shortcuts: readonly (readonly [string, string])[] = [
  ["Ctrl+Space", "Suggest functions, attributes, constants and snippets"],
  ["Ctrl+Shift+Space", "Show the signature of the current call"],
  ["Ctrl+K Ctrl+I (or hover)", "Documentation of the function or value of the attribute under the cursor"],
  ["Ctrl+.", "Quick fix for the problem under the cursor"],
  ["F8 / Shift+F8", "Go to the next / previous problem"],
  ["Shift+Alt+F", "Format the expression"],
  ["Ctrl+Enter", "Evaluate now"],
  ["Ctrl+F", "Find"],
  ["F1", "This help"],
];
