import { type CallSite, fail } from "./context.js";
import { renderDateTime } from "./datetime-text.js";
import { isAbsent, isDateTime, isRoleList, type Value } from "./value.js";

/**
 * Conversions between value kinds, shared by every builtin so that all of them treat null, booleans,
 * integers and lists alike. Each takes the call site so that a failed conversion blames the call.
 */

/**
 * The single string a value stands for: booleans as "True"/"False", integers in decimal, DateTime as
 * `M/d/yyyy h:mm:ss tt`. Null and flow-skipped give null. A list is an error: say which value to use.
 */
export function textOf(value: Value | undefined, site: CallSite, parameter: string): string | null {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "bigint") return value.toString();
  if (isDateTime(value)) return renderDateTime(value);
  if (Array.isArray(value) || isRoleList(value)) {
    return fail(
      site,
      "multi-valued-argument",
      `${site.name}'s ${parameter} received a multi-valued value; pick one value with Item(…, 1) or combine them with Join.`,
    );
  }
  return null; // flow-skipped: nothing flows
}

/** Like {@link textOf}, but null becomes "" (for secondary parameters such as separators). */
export function textOrEmpty(value: Value | undefined, site: CallSite, parameter: string): string {
  return textOf(value, site, parameter) ?? "";
}

const INTEGER = /^\s*[+-]?\d+\s*$/;
const HEX = /^\s*&H[0-9a-f]+\s*$/i;

/** The integer a value holds (an integer, or a string of decimal digits / `&H` hex); otherwise undefined. */
export function parseInteger(value: Value | undefined): bigint | undefined {
  if (typeof value === "bigint") return value;
  if (typeof value === "string") {
    // Only a digit, a sign, "&" or white space can start a number; most texts (names, "Guest") start
    // with something else, and comparisons test both operands, so skip the regular expressions then.
    const first = value.charCodeAt(0);
    if (first > 0x39 && first < 0xa0) return undefined;
    if (INTEGER.test(value)) return BigInt(value.trim());
    if (HEX.test(value)) return BigInt(`0x${value.trim().slice(2)}`);
  }
  return undefined;
}

/** An integer argument; null, text that is not a number, or anything else is an evaluation error. */
export function integerOf(value: Value | undefined, site: CallSite, parameter: string): bigint {
  const parsed = parseInteger(value);
  if (parsed !== undefined) return parsed;
  if (value === null || value === undefined) {
    return fail(site, "null-argument", `${site.name}'s ${parameter} is null; give it a number.`);
  }
  const shown = typeof value === "string" ? `"${value}"` : (textOfSafe(value) ?? "a list");
  return fail(site, "not-a-number", `${site.name}'s ${parameter} must be an integer, not ${shown}.`);
}

/** An integer argument as a JS number, clamped to the safe range (string positions and counts). */
const SAFE_LIMIT = BigInt(Number.MAX_SAFE_INTEGER);

export function smallIntegerOf(value: Value | undefined, site: CallSite, parameter: string): number {
  const n = integerOf(value, site, parameter);
  return Number(n > SAFE_LIMIT ? SAFE_LIMIT : n < -SAFE_LIMIT ? -SAFE_LIMIT : n);
}

function textOfSafe(value: Value): string | undefined {
  if (typeof value === "boolean") return value ? "True" : "False";
  if (isDateTime(value)) return renderDateTime(value);
  return undefined;
}

/**
 * SPEC Part 1 (CBool): booleans as is; "True"/"False" in any case; numbers and numeric strings are true
 * when non-zero; null gives null; anything else is an evaluation error.
 */
export function booleanOf(value: Value | undefined, site: CallSite, parameter: string): boolean | null {
  if (typeof value === "boolean") return value;
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    const lower = value.trim().toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
  }
  const number = parseInteger(value);
  if (number !== undefined) return number !== 0n;
  if (isAbsent(value)) return null;
  return fail(
    site,
    "not-a-boolean",
    `${site.name}'s ${parameter} must be True, False or a number, not ${typeof value === "string" ? `"${value}"` : "this value"}; compare it explicitly, for example [x] = "yes".`,
  );
}

/** The values of a list argument: a multi-valued attribute, role values, or a single value as a list of one. */
export function listOf(
  value: Value | undefined,
  site: CallSite,
  parameter: string,
): readonly string[] | null {
  if (Array.isArray(value)) return value;
  if (isAbsent(value)) return null;
  if (isRoleList(value)) return value.roles.map((role) => role.value);
  const text = textOf(value, site, parameter);
  return text === null ? null : [text];
}

/** Applies a string function to each value of a multi-valued argument, or to the single value. */
export function perValue(
  value: Value | undefined,
  site: CallSite,
  parameter: string,
  transform: (text: string) => string,
): Value {
  if (Array.isArray(value)) return value.map(transform);
  const text = textOf(value, site, parameter);
  return text === null ? null : transform(text);
}
