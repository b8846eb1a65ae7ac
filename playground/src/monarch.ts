import functionNames from "virtual:provex-function-names";
import { knownConstants } from "../../src/parser/constants.js";
import type { monaco } from "./monaco-setup.js";

/**
 * Monarch tokens for instant colouring before the semantic tokens arrive. The builtins come from the
 * registry (case-insensitive, as Entra resolves names; the names only, built from the registry by
 * playground/function-names-plugin.ts), so a new function is coloured without an edit here.
 */
export const monarchLanguage: monaco.languages.IMonarchLanguage = {
  ignoreCase: true,
  builtins: [...functionNames],
  constants: [...knownConstants],
  tokenizer: {
    root: [
      [
        /[A-Za-z_][A-Za-z0-9_]*(?=\s*\()/,
        { cases: { "@builtins": "function.builtin", "@default": "function.unknown" } },
      ],
      [/[A-Za-z_][A-Za-z0-9_]*/, { cases: { "@constants": "constant", "@default": "invalid" } }],
      // Attribute names may nest [ ] groups with quoted strings (`[emails[type eq "work"].value]`).
      [/\[/, { token: "variable", next: "@attribute" }],
      [/"/, { token: "string.quote", next: "@string" }],
      [/&[Hh][0-9A-Fa-f]+|-?\d+/, "number"],
      [/<>|<=|>=|=|<|>/, "operator"],
      [/[(),]/, "delimiter"],
      [/\s+/, "white"],
      [/./, "invalid"],
    ],
    attribute: [
      [/[^[\]]+/, "variable"],
      [/\[/, { token: "variable", next: "@attributeGroup" }],
      [/\]/, { token: "variable", next: "@pop" }],
    ],
    attributeGroup: [
      [/[^[\]"]+/, "variable"],
      [/"[^"]*"?/, "variable"],
      [/\[/, { token: "variable", next: "@attributeGroup" }],
      [/\]/, { token: "variable", next: "@pop" }],
    ],
    string: [
      [/[^"\\]+/, "string"],
      [/\\./, "string.escape"],
      [/"/, { token: "string.quote", next: "@pop" }],
    ],
  },
};

export const languageConfiguration: monaco.languages.LanguageConfiguration = {
  brackets: [
    ["(", ")"],
    ["[", "]"],
  ],
  autoClosingPairs: [
    { open: "(", close: ")" },
    { open: "[", close: "]" },
    { open: '"', close: '"', notIn: ["string"] },
  ],
  surroundingPairs: [
    { open: "(", close: ")" },
    { open: "[", close: "]" },
    { open: '"', close: '"' },
  ],
};

/** Colours for Monarch tokens and semantic tokens alike, in a light and a dark variant. */
export function defineThemes(api: typeof monaco): void {
  const rules = (dark: boolean): monaco.editor.ITokenThemeRule[] => [
    { token: "function", foreground: dark ? "dcdcaa" : "795e26" },
    { token: "function.builtin", foreground: dark ? "dcdcaa" : "795e26" },
    { token: "function.unknown", foreground: dark ? "f48771" : "c72e0f", fontStyle: "underline" },
    { token: "variable", foreground: dark ? "9cdcfe" : "001080" },
    { token: "constant", foreground: dark ? "569cd6" : "0000ff" },
    { token: "keyword", foreground: dark ? "569cd6" : "0000ff" },
    { token: "string", foreground: dark ? "ce9178" : "a31515" },
    { token: "number", foreground: dark ? "b5cea8" : "098658" },
    { token: "operator", foreground: dark ? "d4d4d4" : "000000" },
    { token: "invalid", foreground: dark ? "f48771" : "c72e0f" },
  ];
  api.editor.defineTheme("provex-light", { base: "vs", inherit: true, rules: rules(false), colors: {} });
  api.editor.defineTheme("provex-dark", { base: "vs-dark", inherit: true, rules: rules(true), colors: {} });
}
