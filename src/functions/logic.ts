import { booleanOf, textOf } from "./coerce.js";
import type { EvaluationState } from "./context.js";
import { fail } from "./context.js";
import { eager, lazy, optional, required } from "./define.js";
import { type CallCompiler, DYNAMIC, type FunctionSpec } from "./spec.js";
import { FLOW_SKIPPED, isAbsent, isNullOrEmpty, type Value } from "./value.js";

/**
 * Control flow. IIF, Switch, Coalesce and SelectUniqueValue are lazy (SPEC Part 1, "Laziness"): they
 * evaluate only the arguments they need, so `IIF(IsPresent([a]), [a], Error("…"))` fails only when
 * `[a]` is missing.
 */

const BOTH = ["provisioning", "cloudSync"] as const;

export const IIF: FunctionSpec = {
  name: "IIF",
  family: "logic",
  parameters: [
    required("condition", "boolean", "A comparison or a function that returns True or False."),
    required("valueIfTrue", "any", "The result when the condition is true."),
    required("valueIfFalse", "any", "The result when the condition is false."),
  ],
  returns: "any",
  availability: BOTH,
  summary: "Returns one of two values depending on a condition.",
  doc: 'Evaluates the condition, then only the selected branch. The condition may be a comparison (`=`, `<>`, `<`, `<=`, `>`, `>=`), a boolean, or the text "True"/"False"; a null condition counts as false. Entra documents that a condition on a null or empty attribute "fails"; provex evaluates it normally (the linter warns).',
  example: {
    expression: 'IIF([country] = "USA", [country], [department])',
    attributes: { country: "Canada", department: "Sales" },
    result: "Sales",
  },
  pure: true,
  implemented: true,
  implementation: lazy(
    ([condition, whenTrue, whenFalse], state, site) => {
      const chosen = booleanOf(condition?.(state) ?? null, site, "condition") === true ? whenTrue : whenFalse;
      return chosen ? chosen(state) : null;
    },
    // A constant condition picks its branch once, at compile time.
    ([condition], site) => {
      if (condition === DYNAMIC) return undefined;
      const branch = booleanOf(condition ?? null, site, "condition") === true ? 1 : 2;
      return (args, state) => args[branch]?.(state) ?? null;
    },
    (args, site) => {
      const [condition, whenTrue, whenFalse] = args.map((argument) => argument.run);
      if (!condition || !whenTrue || !whenFalse || args.length !== 3 || args[0]?.constant) return undefined;
      return (state) =>
        booleanOf(condition(state) ?? null, site, "condition") === true
          ? (whenTrue(state) ?? null)
          : (whenFalse(state) ?? null);
    },
  ),
};

export const Switch: FunctionSpec = {
  name: "Switch",
  family: "logic",
  parameters: [
    required("source", "text", "The value to look up."),
    optional("defaultValue", "any", "The result when no key matches (may be left empty)."),
    required("key", "text", "A value to compare the source with."),
    required("value", "any", "The result when the source equals the key before it."),
  ],
  repeatFrom: 2,
  returns: "any",
  availability: BOTH,
  summary: "Returns the value paired with the first key equal to the source.",
  doc: 'Keys compare ordinally and case-sensitively with the source; a `""` key matches both "" and null. Only the keys up to the match and the chosen value (or the default) are evaluated. The argument count must be even: source, default, then key/value pairs.',
  example: {
    expression:
      'Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney", "QLD", "Australia/Brisbane", "SA", "Australia/Adelaide")',
    attributes: { state: "QLD" },
    result: "Australia/Brisbane",
  },
  pure: true,
  implemented: true,
  implementation: lazy(
    (args, state, site) => {
      const source = textOf(args[0]?.(state) ?? null, site, "source") ?? "";
      for (let index = 2; index + 1 < args.length; index += 2) {
        const key = textOf(args[index]?.(state) ?? null, site, "key") ?? "";
        if (key === source) return args[index + 1]?.(state) ?? null;
      }
      return args[1]?.(state) ?? null;
    },
    // Constant keys (the usual case) become one map lookup; evaluating them has no effect to preserve.
    (constants, site) => {
      const valueIndexByKey = new Map<string, number>();
      for (let index = 2; index + 1 < constants.length; index += 2) {
        const key = constants[index];
        if (key === DYNAMIC) return undefined;
        const text = textOf(key ?? null, site, "key") ?? "";
        if (!valueIndexByKey.has(text)) valueIndexByKey.set(text, index + 1);
      }
      return (args, state, callSite) => {
        const source = textOf(args[0]?.(state) ?? null, callSite, "source") ?? "";
        return args[valueIndexByKey.get(source) ?? 1]?.(state) ?? null;
      };
    },
    compileSwitch,
  ),
};

/**
 * Switch's fast path for constant keys (nearly every Switch written): the keys compared in order, the
 * chosen value's closure called directly, without the evaluator wrapper of each argument.
 */
function compileSwitch(...[args, site]: Parameters<CallCompiler>): ReturnType<CallCompiler> {
  const source = args[0]?.run;
  const fallback = args[1]?.run;
  if (!source || !fallback || args.length % 2 !== 0) return undefined;
  const keys: string[] = [];
  const values: ((state: EvaluationState) => Value | undefined)[] = [];
  for (let index = 2; index + 1 < args.length; index += 2) {
    const key = args[index]?.constant;
    const value = args[index + 1]?.run;
    if (!key || !value) return undefined;
    const text = textOf(key.value ?? null, site, "key") ?? "";
    // A repeated key never matches: the first one wins, as in the general path.
    if (keys.includes(text)) continue;
    keys.push(text);
    values.push(value);
  }
  return (state) => {
    const text = textOf(source(state) ?? null, site, "source") ?? "";
    for (let index = 0; index < keys.length; index++) {
      if (keys[index] === text) return values[index]!(state) ?? null;
    }
    return fallback(state) ?? null;
  };
}

export const Coalesce: FunctionSpec = {
  name: "Coalesce",
  family: "logic",
  parameters: [required("source", "any", "A value to try; the last one may serve as the default.")],
  repeatFrom: 0,
  returns: "any",
  availability: ["provisioning"],
  summary: "Returns the first argument that is not null.",
  doc: 'Evaluates the arguments in order and returns the first that is not null; "" counts as a value. Returns null when every argument is null. A trailing default value is just one more argument.',
  example: {
    expression: "Coalesce([mail], [userPrincipalName])",
    attributes: { mail: null, userPrincipalName: "John.Doe@contoso.com" },
    result: "John.Doe@contoso.com",
  },
  pure: true,
  implemented: true,
  implementation: lazy((args, state) => {
    for (const argument of args) {
      const value = argument ? argument(state) : null;
      if (!isAbsent(value)) return value;
    }
    return null;
  }),
};

export const SelectUniqueValue: FunctionSpec = {
  name: "SelectUniqueValue",
  family: "logic",
  parameters: [required("rule", "text", "A candidate value, tried in order.", "rule")],
  repeatFrom: 0,
  minimumArguments: 2,
  returns: "text",
  availability: BOTH,
  summary: "Returns the first candidate that does not exist yet in the target directory.",
  doc: "Evaluates the rules in order and returns the first value that the target directory does not hold yet (asked through the evaluation context's `exists`); null and empty candidates are skipped. When every candidate exists the object is escrowed: an evaluation error. Must be the whole expression, not nested in another call.",
  example: {
    expression:
      'SelectUniqueValue(Join(".", [givenName], [surname]), Join(".", Left([givenName], 1), [surname]))',
    attributes: { givenName: "John", surname: "Smith" },
    result: "John.Smith",
  },
  topLevelOnly: true,
  pure: false,
  implemented: true,
  implementation: lazy((args, state, site) => {
    for (const argument of args) {
      const candidate = textOf(argument ? argument(state) : null, site, "rule");
      if (candidate === null || candidate === "") continue;
      if (!state.context.exists(candidate)) return candidate;
    }
    return fail(
      site,
      "select-unique-exhausted",
      "Every candidate of SelectUniqueValue already exists in the target; Entra escrows the object. Add another rule.",
    );
  }),
};

export const IgnoreFlowIfNullOrEmpty: FunctionSpec = {
  name: "IgnoreFlowIfNullOrEmpty",
  family: "logic",
  parameters: [required("expression", "any", "The value to export when it is not null or empty.")],
  returns: "any",
  availability: ["provisioning"],
  summary: "Leaves the target attribute out of the export when the value is null or empty.",
  doc: 'Returns its argument, except that null or "" gives the distinct "flow skipped" result: the target attribute is left out of the export entirely, not sent as null. Use it for targets that reject empty strings.',
  example: {
    expression: "IgnoreFlowIfNullOrEmpty([department])",
    attributes: { department: "Sales" },
    result: "Sales",
  },
  pure: true,
  implemented: true,
  implementation: eager(
    ([value]) => (value === undefined || isNullOrEmpty(value) ? FLOW_SKIPPED : value),
    undefined,
    (args) => {
      const expression = args[0]?.run;
      if (!expression || args.length !== 1) return undefined;
      return (state) => {
        const value = expression(state);
        return value === undefined || isNullOrEmpty(value) ? FLOW_SKIPPED : value;
      };
    },
  ),
};

export const ErrorFunction: FunctionSpec = {
  name: "Error",
  family: "logic",
  parameters: [required("message", "text", "The message to report.")],
  returns: "never",
  availability: ["cloudSync"],
  summary: "Stops processing the object with a custom error.",
  doc: "Raises an evaluation error with code `user-error` and the given message. Usually the fallback branch of IIF or Switch.",
  example: { expression: 'Error("AccountName is required")', result: "<error>" },
  pure: false,
  implemented: true,
  implementation: eager(([message], site) =>
    fail(site, "user-error", textOf(message, site, "message") ?? "Error() was called without a message."),
  ),
};

export const logicFunctions: readonly FunctionSpec[] = [
  Coalesce,
  ErrorFunction,
  IgnoreFlowIfNullOrEmpty,
  IIF,
  SelectUniqueValue,
  Switch,
];
