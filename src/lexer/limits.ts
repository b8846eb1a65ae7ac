import { type Diagnostic, diagnostic } from "../diagnostics/index.js";

/**
 * The longest text provex reads as one expression: 1 MiB (1,048,576 UTF-16 code units). Longer text is
 * refused with one `input-too-large` diagnostic before lexing (SPEC Part 1, lexical rules), so that no
 * input can exhaust time, memory or stack. Entra itself accepts 10,000 characters (`expression-too-long`
 * warns past that); a megabyte is a hundred times more and still lexes and parses in well under a second.
 */
export const MAX_INPUT_LENGTH = 1_048_576;

/** The diagnostic for text over {@link MAX_INPUT_LENGTH}; it covers the part past the limit. */
export function inputTooLarge(length: number): Diagnostic {
  return diagnostic(
    "input-too-large",
    "error",
    `This expression has ${length.toLocaleString("en-US")} characters; provex reads at most ${MAX_INPUT_LENGTH.toLocaleString("en-US")} (1 MiB) and did not read this one. Entra accepts 10,000: shorten it or split the logic over several mappings.`,
    { start: MAX_INPUT_LENGTH, end: length },
  );
}
