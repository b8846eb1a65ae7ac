import { perValue } from "./coerce.js";
import { eachValue, eager, required } from "./define.js";
import type { FunctionSpec } from "./spec.js";

/**
 * NormalizeDiacritics' documented table (SPEC Part 2 §b.1), one row per cell: the characters and
 * sequences (space-separated, in NFC) that map to the plain text on the right. Several entries are a
 * base letter plus combining marks with no precomposed form (ā́ is U+0101 U+0301), and ø, ł, ß cannot
 * come from Unicode decomposition, so the table is the specification, not NFD.
 */
export const DIACRITICS_TABLE: readonly (readonly [entries: string, replacement: string])[] = [
  ["ä à â ã å á ą ă ā ā́ ā̀ ā̂ ā̃ ǟ ā̈ ǡ a̱ å̄", "a"],
  ["Ä À Â Ã Å Á Ą Ă Ā Ā́ Ā̀ Ā̂ Ā̃ Ǟ Ā̈ Ǡ A̱ Å̄", "A"],
  ["æ ǣ", "ae"],
  ["Æ Ǣ", "AE"],
  ["ç č ć c̄ c̱", "c"],
  ["Ç Č Ć C̄ C̱", "C"],
  ["ď d̄ ḏ", "d"],
  ["Ď D̄ Ḏ", "D"],
  ["ë è é ê ę ě ė ē ḗ ḕ ē̂ ē̃ ê̄ e̱ ë̄ e̊̄", "e"],
  ["Ë È É Ê Ę Ě Ė Ē Ḗ Ḕ Ē̂ Ē̃ Ê̄ E̱ Ë̄ E̊̄", "E"],
  ["ğ ḡ g̱", "g"],
  ["Ğ Ḡ G̱", "G"],
  ["ï î ì í ı ī ī́ ī̀ ī̂ ī̃ i̱", "i"],
  ["Ï Î Ì Í İ Ī Ī́ Ī̀ Ī̂ Ī̃ I̱", "I"],
  ["ľ ł l̄ ḹ ḻ", "l"],
  ["Ł Ľ L̄ Ḹ Ḻ", "L"],
  ["ñ ń ň n̄ ṉ", "n"],
  ["Ñ Ń Ň N̄ Ṉ", "N"],
  ["ö ò ő õ ô ó ō ṓ ṑ ō̂ ō̃ ȫ ō̈ ǭ ȭ ȱ o̱", "o"],
  ["Ö Ò Ő Õ Ô Ó Ō Ṓ Ṑ Ō̂ Ō̃ Ȫ Ō̈ Ǭ Ȭ Ȱ O̱", "O"],
  ["ø ø̄ œ̄", "oe"],
  ["Ø Ø̄ Œ̄", "OE"],
  ["ř r̄ ṟ ṝ", "r"],
  ["Ř R̄ Ṟ Ṝ", "R"],
  ["ß", "ss"],
  ["š ś ș ş s̄ s̱", "s"],
  ["Š Ś Ș Ş S̄ S̱", "S"],
  ["ť ț t̄ ṯ", "t"],
  ["Ť Ț T̄ Ṯ", "T"],
  ["ü ù û ú ů ű ū ū́ ū̀ ū̂ ū̃ u̇̄ ǖ ṻ ṳ̄ u̱", "u"],
  ["Ü Ù Û Ú Ů Ű Ū Ū́ Ū̀ Ū̂ Ū̃ U̇̄ Ǖ Ṻ Ṳ̄ U̱", "U"],
  ["ÿ ý ȳ ȳ́ ȳ̀ ȳ̃ y̱", "y"],
  ["Ÿ Ý Ȳ Ȳ́ Ȳ̀ Ȳ̃ Y̱", "Y"],
  ["ź ž ż z̄ ẕ", "z"],
  ["Ź Ž Ż Z̄ Ẕ", "Z"],
];

/** Every table entry in both NFC and NFD form, so decomposed input is recognised too. */
const replacements = new Map<string, string>();
for (const [entries, replacement] of DIACRITICS_TABLE) {
  for (const entry of entries.split(" ")) {
    replacements.set(entry.normalize("NFC"), replacement);
    replacements.set(entry.normalize("NFD"), replacement);
  }
}
const longestEntry = Math.max(...[...replacements.keys()].map((key) => key.length));
const NON_ASCII = /[^\x20-\x7e\t\n\r]/;

function isCombiningMark(code: number): boolean {
  return code >= 0x0300 && code <= 0x036f;
}

/** Replaces each table entry by its plain text, longest match first; everything else passes through. */
export function normalizeDiacritics(text: string): string {
  // Plain ASCII holds no entry (an ASCII base letter only matches with a combining mark after it).
  if (!NON_ASCII.test(text)) return text;
  let result = "";
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code < 0x80 && !isCombiningMark(text.charCodeAt(index + 1))) {
      result += text[index];
      index++;
      continue;
    }
    let matched = false;
    for (let length = Math.min(longestEntry, text.length - index); length > 0; length--) {
      const replacement = replacements.get(text.slice(index, index + length));
      if (replacement !== undefined) {
        result += replacement;
        index += length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      result += text[index];
      index++;
    }
  }
  return result;
}

export const NormalizeDiacritics: FunctionSpec = {
  name: "NormalizeDiacritics",
  family: "text",
  parameters: [eachValue(required("source", "text", "The text to normalize, usually a name."))],
  returns: "text",
  availability: ["provisioning", "cloudSync"],
  summary: "Replaces characters with diacritics by their plain equivalents.",
  doc: "Applies Entra's documented table (ä → a, ß → ss, ø → oe, æ → ae, ł → l …), including base-plus-combining-mark sequences, in composed or decomposed form. Characters outside the table pass through unchanged. Meant for building UPN, sAMAccountName and mail values. Applies to each value of a multi-valued attribute; null gives null.",
  example: {
    expression: "NormalizeDiacritics([givenName])",
    attributes: { givenName: "Zoë" },
    result: "Zoe",
  },
  pure: true,
  implemented: true,
  implementation: eager(([source], site) => perValue(source, site, "source", normalizeDiacritics)),
};
