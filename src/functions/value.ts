/**
 * The values an expression computes (SPEC Part 1, "Values"). They live with the registry because every
 * builtin's implementation consumes and produces them; the evaluator re-exports them.
 *
 * - `null`: an absent attribute (distinct from the empty string `""`);
 * - `string`, `boolean`;
 * - `bigint`: integers, exact to 64 bits and beyond (FILETIME values exceed 2^53);
 * - {@link DateTimeValue}: a UTC instant in .NET ticks;
 * - `readonly string[]`: a multi-valued attribute;
 * - {@link RoleList}: app-role assignments (from `appRoleAssignments` or the role functions);
 * - {@link FlowSkipped}: IgnoreFlowIfNullOrEmpty's "leave the target out of the export".
 */
export type Value =
  | null
  | string
  | boolean
  | bigint
  | DateTimeValue
  | readonly string[]
  | RoleList
  | FlowSkipped;

/** A UTC instant: 100-nanosecond ticks since 0001-01-01T00:00:00 UTC, as .NET's `DateTime.Ticks`. */
export interface DateTimeValue {
  readonly kind: "datetime";
  readonly ticks: bigint;
}

/** One app-role assignment. A plain string in the attributes is shorthand for `{ value: s, displayName: s }`. */
export interface Role {
  readonly id?: string;
  readonly value: string;
  readonly displayName?: string;
}

/**
 * A list of app-role assignments. `patch` says how the SCIM update sends them: `"add"` for
 * AppRoleAssignmentsComplex (PATCH add, never removes), `"replace"` for AssertiveAppRoleAssignmentsComplex,
 * `undefined` for the raw `[appRoleAssignments]` attribute.
 */
export interface RoleList {
  readonly kind: "roles";
  readonly roles: readonly Role[];
  readonly patch?: "add" | "replace";
}

/** The result of IgnoreFlowIfNullOrEmpty on a null or empty value: the attribute is not exported at all. */
export interface FlowSkipped {
  readonly kind: "flow-skipped";
}

/** The one flow-skipped value; compare with {@link isFlowSkipped}. */
export const FLOW_SKIPPED: FlowSkipped = Object.freeze({ kind: "flow-skipped" });

/** True for the IgnoreFlowIfNullOrEmpty result that leaves the target attribute out of the export. */
export function isFlowSkipped(value: unknown): value is FlowSkipped {
  return value === FLOW_SKIPPED;
}

/** True for a {@link DateTimeValue}. */
export function isDateTime(value: Value): value is DateTimeValue {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    (value as DateTimeValue).kind === "datetime"
  );
}

/** True for a {@link RoleList} (app-role assignments). */
/**
 * Whether every string property of `object` is its own: its prototype is Object.prototype (which holds
 * no strings) or null. The evaluator's own-property rule for attributes rests on it.
 */
export function hasPlainPrototype(object: object): boolean {
  const prototype = Object.getPrototypeOf(object);
  return prototype === Object.prototype || prototype === null;
}

export function isRoleList(value: Value): value is RoleList {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    (value as RoleList).kind === "roles"
  );
}

/** True for a multi-valued value (an array of strings). */
export function isMultiValued(value: Value): value is readonly string[] {
  return Array.isArray(value);
}

/** Null, flow-skipped (nothing flows either way), or the empty string / an empty list. */
export function isNullOrEmpty(value: Value): boolean {
  if (value === null || value === FLOW_SKIPPED || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRoleList(value) && value.roles.length === 0;
}

/** Null or flow-skipped: no value at all. */
export function isAbsent(value: Value | undefined): value is null | FlowSkipped | undefined {
  return value === null || value === undefined || value === FLOW_SKIPPED;
}
