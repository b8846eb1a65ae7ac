// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the bodies are snippet syntax (${1:name}), not templates.
/** Ready-made expressions for the patterns admins write most, in Monaco/LSP snippet syntax. */
export interface Snippet {
  readonly label: string;
  readonly detail: string;
  readonly documentation: string;
  readonly body: string;
}

export const snippets: readonly Snippet[] = [
  {
    label: "upn-unique",
    detail: "SelectUniqueValue UPN candidates",
    documentation: "A UPN from the first name and surname, then with an initial, then with a number.",
    body: 'SelectUniqueValue(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [${1:givenName}], [${2:surname}]))), "${3:contoso.com}"), Join("@", NormalizeDiacritics(StripSpaces(Join(".", Mid([$1], 1, 1), [$2]))), "$3"))',
  },
  {
    label: "replace-regex",
    detail: "Replace with a .NET regular expression",
    documentation: "Regex.Replace: the empty arguments keep the positional parameters in place.",
    body: 'Replace(${1:[source]}, , "${2:pattern}", , "${3:replacement}", , )',
  },
  {
    label: "replace-text",
    detail: "Replace plain text",
    documentation: "Replaces every occurrence of a text.",
    body: 'Replace(${1:[source]}, "${2:old}", , , "${3:new}", , )',
  },
  {
    label: "switch-default",
    detail: "Switch with a default and one key/value pair",
    documentation: "Maps known values; anything else gets the default.",
    body: 'Switch(${1:[source]}, "${2:default}", "${3:key}", "${4:value}")',
  },
  {
    label: "iif-present",
    detail: "IIF on whether an attribute has a value",
    documentation: "Uses the attribute when present, otherwise a fallback.",
    body: 'IIF(IsPresent([${1:attribute}]), [$1], ${2:"fallback"})',
  },
  {
    label: "skip-if-empty",
    detail: "IgnoreFlowIfNullOrEmpty",
    documentation: "Leaves the target attribute out of the export when the value is empty.",
    body: "IgnoreFlowIfNullOrEmpty([${1:attribute}])",
  },
];
