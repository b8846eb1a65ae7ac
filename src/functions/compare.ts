import type { ComparisonOperator } from "../parser/index.js";
import { parseInteger, textOf } from "./coerce.js";
import type { CallSite } from "./context.js";
import { isDateTime, type Value } from "./value.js";

/**
 * The comparison operators `= <> < <= > >=` (SPEC Part 1, lexical rules): numerically when both sides
 * are integers or numeric strings, DateTime by instant, otherwise an ordinal, case-sensitive comparison
 * of the texts (booleans as "True"/"False"). Null compares as "", as Switch's `""` key does.
 */
export function compareValues(
  operator: ComparisonOperator,
  left: Value,
  right: Value,
  site: CallSite,
): boolean {
  return holds(operator, order(left, right, site));
}

function order(left: Value, right: Value, site: CallSite): number {
  if (isDateTime(left) && isDateTime(right)) return sign(left.ticks - right.ticks);
  const leftNumber = parseInteger(left);
  const rightNumber = parseInteger(right);
  if (leftNumber !== undefined && rightNumber !== undefined) return sign(leftNumber - rightNumber);
  const leftText = textOf(left, site, "left operand") ?? "";
  const rightText = textOf(right, site, "right operand") ?? "";
  // Ordinal: UTF-16 code unit order, as .NET's String.CompareOrdinal.
  return leftText < rightText ? -1 : leftText > rightText ? 1 : 0;
}

function sign(difference: bigint): number {
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

function holds(operator: ComparisonOperator, ordering: number): boolean {
  switch (operator) {
    case "=":
      return ordering === 0;
    case "<>":
      return ordering !== 0;
    case "<":
      return ordering < 0;
    case "<=":
      return ordering <= 0;
    case ">":
      return ordering > 0;
    case ">=":
      return ordering >= 0;
  }
}
