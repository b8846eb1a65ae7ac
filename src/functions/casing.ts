import { perValue, textOf } from "./coerce.js";
import { type CallSite, fail } from "./context.js";
import { eachValue, eager, notImplemented, optional, required } from "./define.js";
import { DYNAMIC, type EagerImplementation, type FunctionSpec, type Specializer } from "./spec.js";
import type { Value } from "./value.js";

/**
 * Upper and lower case. .NET's invariant culture and every culture but Turkish and Azeri map letters
 * the same way, so only those two get locale-specific casing (dotted İ / dotless ı); passing other
 * locales to `toLocaleUpperCase` would import rules .NET does not have (Lithuanian dot handling).
 */

type Direction = "upper" | "lower";

/** The casing function for a culture name; an unparseable name is an evaluation error. */
function caseMapper(
  direction: Direction,
  culture: Value | undefined,
  site: CallSite,
): (text: string) => string {
  const name = textOf(culture, site, "culture");
  const invariant = direction === "upper" ? (t: string) => t.toUpperCase() : (t: string) => t.toLowerCase();
  if (name === null || name.trim() === "") return invariant;
  let locale: string;
  try {
    locale = Intl.getCanonicalLocales(name.trim())[0] ?? "";
  } catch {
    return fail(
      site,
      "unknown-culture",
      `"${name}" is not a culture name; use an RFC 4646 name such as "en-US" or "tr-TR".`,
    );
  }
  const language = locale.split("-")[0]?.toLowerCase();
  if (language !== "tr" && language !== "az") return invariant;
  return direction === "upper" ? (t) => t.toLocaleUpperCase(language) : (t) => t.toLocaleLowerCase(language);
}

function casing(direction: Direction): { run: EagerImplementation; specialize: Specializer } {
  return {
    run: ([source, culture], site) => perValue(source, site, "source", caseMapper(direction, culture, site)),
    specialize: (constants, site) => {
      const culture = constants[1];
      if (culture === DYNAMIC) return undefined;
      const mapper = caseMapper(direction, culture, site);
      return ([source], callSite) => perValue(source, callSite, "source", mapper);
    },
  };
}

const lower = casing("lower");
const upper = casing("upper");

export const ToLower: FunctionSpec = {
  name: "ToLower",
  family: "text",
  parameters: [
    eachValue(required("source", "text", "The text to convert.")),
    optional("culture", "text", 'An RFC 4646 culture name such as "tr-TR"; invariant when omitted.'),
  ],
  returns: "text",
  availability: ["provisioning", "cloudSync"],
  summary: "Converts a string to lower case.",
  doc: "Lower-cases with the invariant culture, or with the named culture's rules (Turkish and Azeri: `I` → `ı`). Applies to each value of a multi-valued attribute; null gives null.",
  example: { expression: 'ToLower("JOHN.Smith@Contoso.com")', result: "john.smith@contoso.com" },
  pure: true,
  implemented: true,
  implementation: eager(lower.run, lower.specialize),
};

export const ToUpper: FunctionSpec = {
  name: "ToUpper",
  family: "text",
  parameters: [
    eachValue(required("source", "text", "The text to convert.")),
    optional("culture", "text", 'An RFC 4646 culture name such as "tr-TR"; invariant when omitted.'),
  ],
  returns: "text",
  availability: ["provisioning", "cloudSync"],
  summary: "Converts a string to upper case.",
  doc: "Upper-cases with the invariant culture, or with the named culture's rules (Turkish and Azeri: `i` → `İ`). Applies to each value of a multi-valued attribute; null gives null.",
  example: { expression: 'ToUpper("istanbul", "tr-TR")', result: "İSTANBUL" },
  pure: true,
  implemented: true,
  implementation: eager(upper.run, upper.specialize),
};

export const PCase: FunctionSpec = {
  name: "PCase",
  family: "text",
  parameters: [
    required("source", "text", "The text to convert."),
    optional(
      "wordSeparators",
      "text",
      "Characters that separate words; .NET ToTitleCase's rules when omitted.",
    ),
  ],
  returns: "text",
  availability: ["provisioning"],
  summary: "Upper-cases the first letter of each word and lower-cases the rest.",
  doc: "Without separators, lower-cases the text and applies .NET `TextInfo.ToTitleCase` word rules (the apostrophe does not break words). With separators, only those characters break words.",
  example: {
    expression: 'PCase([lastName], " \'-")',
    attributes: { lastName: "PINTO-DE'SILVA" },
    result: "Pinto-De'Silva",
  },
  pure: true,
  implemented: false,
  implementation: notImplemented("PCase"),
};

export const casingFunctions: readonly FunctionSpec[] = [PCase, ToLower, ToUpper];
