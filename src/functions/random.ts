import { smallIntegerOf, textOrEmpty } from "./coerce.js";
import { fail, type RuntimeContext, randomBelow } from "./context.js";
import { eager, optional, required } from "./define.js";
import type { FunctionSpec } from "./spec.js";

/** Randomness, always drawn from the evaluation context so that tests and previews can fix it. */

function hexByte(context: RuntimeContext): string {
  return randomBelow(context, 256).toString(16).padStart(2, "0");
}

export const Guid: FunctionSpec = {
  name: "Guid",
  family: "random",
  parameters: [],
  returns: "text",
  availability: ["provisioning", "cloudSync"],
  summary: "Generates a new random GUID.",
  doc: 'A version-4 GUID in lower case, `8-4-4-4-12` hex digits (.NET\'s "D" format).',
  example: { expression: "Guid()", result: "<nondeterministic>" },
  pure: false,
  implemented: true,
  implementation: eager((_args, _site, context) => {
    const bytes = Array.from({ length: 16 }, () => hexByte(context));
    // RFC 4122 version 4 and variant bits.
    bytes[6] = `4${bytes[6]?.[1] ?? "0"}`;
    bytes[8] = ((Number.parseInt(bytes[8] ?? "0", 16) & 0x3f) | 0x80).toString(16);
    const hex = bytes.join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }),
};

const DIGITS = "0123456789";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
/** SPEC Part 1: the Windows password-complexity special characters. */
export const RANDOM_STRING_SPECIALS = "~!@#$%^&*_-+=`|\\(){}[]:;\"'<>,.?/";
const MAXIMUM_LENGTH = 256;

export const RandomString: FunctionSpec = {
  name: "RandomString",
  family: "random",
  parameters: [
    required("Length", "integer", "Total length, at most 256."),
    required("MinimumNumbers", "integer", "At least this many digits."),
    required("MinimumSpecialCharacters", "integer", "At least this many special characters."),
    required("MinimumCapital", "integer", "At least this many upper-case letters."),
    required("MinimumLowerCase", "integer", "At least this many lower-case letters."),
    optional("CharactersToAvoid", "text", "Characters never to use."),
  ],
  returns: "text",
  availability: ["provisioning"],
  summary: "Generates a random string, for example an initial password.",
  doc: "Draws from a cryptographic source (the evaluation context's `random`). The minimums are lower bounds; the rest of the length is filled from every allowed character. Special characters are ``~!@#$%^&*_-+=`|\\(){}[]:;\"'<>,.?/``. Length must be 1…256 and at least the sum of the minimums (lower case included), else an evaluation error (`random-string-invalid`).",
  example: { expression: "RandomString(6, 3, 0, 0, 3)", result: "<nondeterministic>" },
  pure: false,
  implemented: true,
  implementation: eager((args, site, context) => {
    const [length, numbers, specials, capitals, lowers] = [0, 1, 2, 3, 4].map((index) =>
      smallIntegerOf(args[index], site, RandomString.parameters[index]?.name ?? "argument"),
    ) as [number, number, number, number, number];
    const avoid = new Set(textOrEmpty(args[5], site, "CharactersToAvoid"));
    const allowed = (set: string) => [...set].filter((character) => !avoid.has(character)).join("");
    const pools: [string, number][] = [
      [allowed(DIGITS), numbers],
      [allowed(RANDOM_STRING_SPECIALS), specials],
      [allowed(UPPER), capitals],
      [allowed(LOWER), lowers],
    ];
    const minimums = numbers + specials + capitals + lowers;
    if (
      length < 1 ||
      length > MAXIMUM_LENGTH ||
      [numbers, specials, capitals, lowers].some((n) => n < 0) ||
      minimums > length
    ) {
      return fail(
        site,
        "random-string-invalid",
        `RandomString needs 1 ≤ Length ≤ ${MAXIMUM_LENGTH} and Length ≥ the sum of the minimums (${minimums}); got Length ${length}.`,
      );
    }
    const characters: string[] = [];
    for (const [pool, minimum] of pools) {
      if (minimum > 0 && pool === "") {
        return fail(
          site,
          "random-string-invalid",
          "CharactersToAvoid removes every character of a class that has a minimum.",
        );
      }
      for (let i = 0; i < minimum; i++) characters.push(pool[randomBelow(context, pool.length)] ?? "");
    }
    const everything = pools.map(([pool]) => pool).join("");
    if (everything === "")
      return fail(site, "random-string-invalid", "CharactersToAvoid removes every character.");
    while (characters.length < length)
      characters.push(everything[randomBelow(context, everything.length)] ?? "");
    // Fisher–Yates, so that the guaranteed characters are not always first.
    for (let i = characters.length - 1; i > 0; i--) {
      const j = randomBelow(context, i + 1);
      [characters[i], characters[j]] = [characters[j] ?? "", characters[i] ?? ""];
    }
    return characters.join("");
  }),
};

export const randomFunctions: readonly FunctionSpec[] = [Guid, RandomString];
