import { textOf, textOrEmpty } from "./coerce.js";
import type { CallSite } from "./context.js";
import {
  compileDotnetRegex,
  dotnetRegexGroupReplacer,
  dotnetRegexGroupValue,
  dotnetRegexReplace,
  dotnetRegexReplaceGroup,
  dotnetRegexReplacer,
} from "./dotnet/index.js";
import { atCall } from "./dotnet-call.js";
import { type CallCompiler, DYNAMIC, type EagerImplementation, type Specializer } from "./spec.js";
import { isAbsent, type Value } from "./value.js";

/**
 * How Replace's positional arguments select one of its five modes, and each mode over the .NET regex
 * layer. A mode-selecting argument counts as given when it has a value (an omitted argument or a null
 * attribute does not); replacementAttributeName counts as given when it is written at all, because its
 * value is data, often null. oldValue wins over regexPattern; with neither, the source comes back as is
 * (Entra documents no other combination).
 */
type Mode =
  | { readonly kind: "unchanged" }
  | { readonly kind: "plain"; readonly oldValue: string; readonly replacement: string }
  | { readonly kind: "template"; readonly oldValue: string; readonly template: string }
  | { readonly kind: "regex"; readonly pattern: string; readonly replacement: string }
  | { readonly kind: "group"; readonly pattern: string; readonly group: string; readonly replacement: string }
  | { readonly kind: "fallback"; readonly pattern: string; readonly group: string };

/** The arguments after source, in parameter order; index 4 (replacementAttributeName) is not read. */
type ModeArguments = readonly (Value | undefined)[];

function modeOf(args: ModeArguments, site: CallSite): Mode {
  const [oldValue, pattern, group, replacement, attributeArgument, template] = args;
  const text = (value: Value | undefined, name: string) => textOrEmpty(value, site, name);
  if (!isAbsent(oldValue)) {
    if (!isAbsent(template)) {
      return { kind: "template", oldValue: text(oldValue, "oldValue"), template: text(template, "template") };
    }
    return {
      kind: "plain",
      oldValue: text(oldValue, "oldValue"),
      replacement: text(replacement, "replacementValue"),
    };
  }
  if (isAbsent(pattern)) return { kind: "unchanged" };
  const regex = text(pattern, "regexPattern");
  if (isAbsent(group))
    return { kind: "regex", pattern: regex, replacement: text(replacement, "replacementValue") };
  const name = text(group, "regexGroupName");
  if (attributeArgument !== undefined) return { kind: "fallback", pattern: regex, group: name };
  return { kind: "group", pattern: regex, group: name, replacement: text(replacement, "replacementValue") };
}

function apply(mode: Mode, source: Value | undefined, attribute: Value | undefined, site: CallSite): Value {
  const text = textOf(source, site, "source");
  switch (mode.kind) {
    case "fallback": {
      // Mode 5 (application provisioning): the source when it has a value, else the group's capture in
      // the replacement attribute. This is the one mode where a null source does not give null.
      if (text !== null && text !== "") return text;
      const other = textOf(attribute, site, "replacementAttributeName");
      if (other === null) return null;
      return atCall(site, () => dotnetRegexGroupValue(other, mode.pattern, mode.group));
    }
    case "unchanged":
      return text;
  }
  if (text === null) return null;
  switch (mode.kind) {
    case "plain":
      // .NET's String.Replace rejects an empty oldValue; there is nothing to find, so nothing changes.
      return mode.oldValue === "" ? text : text.replaceAll(mode.oldValue, mode.replacement);
    case "template":
      return mode.oldValue === "" ? mode.template : mode.template.replaceAll(mode.oldValue, text);
    case "regex":
      return atCall(site, () => dotnetRegexReplace(text, mode.pattern, mode.replacement));
    case "group":
      return atCall(site, () => dotnetRegexReplaceGroup(text, mode.pattern, mode.group, mode.replacement));
  }
}

/** Replace(source, oldValue, regexPattern, regexGroupName, replacementValue, replacementAttributeName, template). */
export const replaceCall: EagerImplementation = (args, site) =>
  apply(modeOf(args.slice(1), site), args[0], args[5], site);

/** A call with its mode resolved: the source and replacementAttributeName values in, the result out. */
type ModeRunner = (source: Value | undefined, attribute: Value | undefined, site: CallSite) => Value;

/**
 * With the mode-selecting arguments constant (the usual case: literals and omitted arguments), the mode
 * is resolved once per call site; a constant pattern is compiled and its replacement parsed then, so an
 * evaluation only runs the match. A pattern error makes this throw: the general path then raises it at
 * evaluation, with the call's span, after the source's own checks as always.
 */
function modeRunner(constants: Parameters<Specializer>[0], site: CallSite): ModeRunner | undefined {
  const selecting: (Value | undefined)[] = [];
  for (let index = 1; index < constants.length; index++) {
    const value = constants[index];
    if (value === DYNAMIC && index !== 5) return undefined;
    selecting.push(value === DYNAMIC ? null : value);
  }
  const mode = modeOf(selecting, site);
  if (mode.kind === "regex" || mode.kind === "group") {
    const replace =
      mode.kind === "regex"
        ? atCall(site, () => dotnetRegexReplacer(mode.pattern, mode.replacement))
        : atCall(site, () => dotnetRegexGroupReplacer(mode.pattern, mode.group, mode.replacement));
    return (source, _attribute, callSite) => {
      if (typeof source === "string") return replace(source);
      const text = textOf(source, callSite, "source");
      return text === null ? null : replace(text);
    };
  }
  if (mode.kind === "fallback") atCall(site, () => compileDotnetRegex(mode.pattern));
  return (source, attribute, callSite) => apply(mode, source, attribute, callSite);
}

export const specializeReplace: Specializer = (constants, site) => {
  const run = modeRunner(constants, site);
  return run && ((args, callSite) => run(args[0], args[5], callSite));
};

/**
 * Replace's fast path: with the mode resolved at compile time, only the source (and a dynamic
 * replacementAttributeName, evaluated after it as an eager call does) is evaluated per call, with no
 * seven-slot argument array.
 */
export const compileReplace: CallCompiler = (args, site) => {
  if (args.length > 7) return undefined;
  const run = modeRunner(
    args.map((argument) => (argument.constant ? argument.constant.value : DYNAMIC)),
    site,
  );
  const source = args[0];
  if (!run || !source || source.constant) return undefined;
  const readSource = source.run;
  const attribute = args[5];
  if (attribute === undefined || attribute.constant) {
    const value = attribute?.constant?.value;
    return (state) => run(readSource(state), value, site);
  }
  const readAttribute = attribute.run;
  return (state) => {
    const text = readSource(state);
    return run(text, readAttribute(state), site);
  };
};
