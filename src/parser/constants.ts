/**
 * The bare constants of the Entra language (SPEC Part 1, lexical rules), in their canonical spelling.
 * Booleans, InStr's compare modes and ConvertFromBase64's encodings.
 */
export const knownConstants: readonly string[] = [
  "True",
  "False",
  "vbTextCompare",
  "vbBinaryCompare",
  "UTF8",
  "Unicode",
  "ASCII",
];

const byLowerCase = new Map(knownConstants.map((name) => [name.toLowerCase(), name]));

/** The canonical spelling of a constant written in any case, or undefined when there is no such constant. */
export function canonicalConstant(name: string): string | undefined {
  return byLowerCase.get(name.toLowerCase());
}
