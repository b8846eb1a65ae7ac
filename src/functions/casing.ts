import { perValue, textOf } from "./coerce.js";
import type { CallSite } from "./context.js";
import { eachValue, eager, optional, required } from "./define.js";
import { pcase, toLowerCulture, toUpperCulture } from "./dotnet/index.js";
import { atCall } from "./dotnet-call.js";
import { DYNAMIC, type EagerImplementation, type FunctionSpec, type Specializer } from "./spec.js";
import type { Value } from "./value.js";

/**
 * Upper, lower and title case, as .NET's `TextInfo` computes them (dotnet/culture-case.ts,
 * dotnet/title-case.ts): simple per-character mappings, so `ß` stays `ß` upper-cased; the invariant
 * culture keeps `ı` and `İ`; Turkish and Azeri pair the dotted and dotless i's.
 */

type CaseCore = (text: string, culture?: string | null) => string;

/** The casing of one culture; a malformed culture name is `invalid-culture`, blamed on the call. */
function caseMapper(core: CaseCore, culture: Value | undefined, site: CallSite): (text: string) => string {
  const name = textOf(culture, site, "culture");
  // Checking the name once here raises a bad culture even when the source is null or an empty list.
  atCall(site, () => core("", name));
  return (text) => core(text, name);
}

function casing(core: CaseCore): { run: EagerImplementation; specialize: Specializer } {
  return {
    run: ([source, culture], site) => perValue(source, site, "source", caseMapper(core, culture, site)),
    specialize: (constants, site) => {
      const culture = constants[1];
      if (culture === DYNAMIC) return undefined;
      const mapper = caseMapper(core, culture, site);
      return ([source], callSite) => perValue(source, callSite, "source", mapper);
    },
  };
}

const lower = casing(toLowerCulture);
const upper = casing(toUpperCulture);

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
  doc: "Lower-cases as .NET's `TextInfo.ToLower`: with the invariant culture (which keeps `İ`), or with the named culture's rules (Turkish and Azeri: `I` → `ı`). A malformed culture name is an evaluation error (`invalid-culture`). Applies to each value of a multi-valued attribute; null gives null.",
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
  doc: "Upper-cases as .NET's `TextInfo.ToUpper`, one character at a time (`ß` stays `ß`): with the invariant culture (which keeps `ı`), or with the named culture's rules (Turkish and Azeri: `i` → `İ`). A malformed culture name is an evaluation error (`invalid-culture`). Applies to each value of a multi-valued attribute; null gives null.",
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
  implemented: true,
  implementation: eager(([source, separators], site) => {
    const text = textOf(source, site, "source");
    const wordSeparators = textOf(separators, site, "wordSeparators");
    return text === null ? null : pcase(text, wordSeparators);
  }),
};

export const casingFunctions: readonly FunctionSpec[] = [PCase, ToLower, ToUpper];
