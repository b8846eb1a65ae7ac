import type { LintRule } from "../types.js";
import { argumentKind } from "./argument-kind.js";
import { arity } from "./arity.js";
import { attributeNameCase } from "./attribute-name-case.js";
import { constantLooksLikeExpression } from "./constant-looks-like-expression.js";
import { constantNameCase } from "./constant-name-case.js";
import { duplicateTarget } from "./duplicate-target.js";
import { expressionTooLong } from "./expression-too-long.js";
import { functionNameCase } from "./function-name-case.js";
import { invalidDateFormat } from "./invalid-date-format.js";
import { invalidRegex } from "./invalid-regex.js";
import { matchingPriorityDuplicate } from "./matching-priority-duplicate.js";
import { noMatchingAttribute } from "./no-matching-attribute.js";
import { nondeterministicMatching } from "./nondeterministic-matching.js";
import { noneWithoutDefault } from "./none-without-default.js";
import { notTopLevel } from "./not-top-level.js";
import { nullUnsafe } from "./null-unsafe.js";
import { objectMappingTargetKind } from "./object-mapping-target-kind.js";
import { provexOnlyFunction } from "./provex-only-function.js";
import { referentialAttribute } from "./referential-attribute.js";
import { requiredTargetUnmapped } from "./required-target-unmapped.js";
import { rolesDirectMapping } from "./roles-direct-mapping.js";
import { scopeMultivaluedAttribute } from "./scope-multivalued-attribute.js";
import { scopeOperatorValue } from "./scope-operator-value.js";
import { scopeUnknownAttribute } from "./scope-unknown-attribute.js";
import { switchPairs } from "./switch-pairs.js";
import { syntaxError } from "./syntax-error.js";
import { uniqueValueNotCreateOnly } from "./unique-value-not-create-only.js";
import { unknownAttribute } from "./unknown-attribute.js";
import { unknownFunction } from "./unknown-function.js";
import { unnecessaryDefault } from "./unnecessary-default.js";

/**
 * Every lint rule, one file each in this folder, in the order of docs/lint-rules.md. Adding a rule
 * means adding its file and listing it here; the runner, CLI, formatters, ESLint plugin and docs read
 * this list.
 */
export const rules: readonly LintRule[] = [
  // expressions
  syntaxError,
  unknownFunction,
  functionNameCase,
  arity,
  switchPairs,
  argumentKind,
  notTopLevel,
  provexOnlyFunction,
  unknownAttribute,
  attributeNameCase,
  invalidRegex,
  invalidDateFormat,
  expressionTooLong,
  nullUnsafe,
  referentialAttribute,
  constantNameCase,
  // mappings
  duplicateTarget,
  noMatchingAttribute,
  matchingPriorityDuplicate,
  nondeterministicMatching,
  uniqueValueNotCreateOnly,
  requiredTargetUnmapped,
  unnecessaryDefault,
  rolesDirectMapping,
  constantLooksLikeExpression,
  objectMappingTargetKind,
  noneWithoutDefault,
  // scoping
  scopeUnknownAttribute,
  scopeMultivaluedAttribute,
  scopeOperatorValue,
];
