import type { MappingConfig, ObjectMapping } from "./model.js";

/**
 * How the preview shows what Entra sends to the target (SPEC Part 1 "Which object mapping"): SCIM
 * requests for a SCIM app, otherwise the attribute changes Entra would export through the app's own
 * connector (Salesforce, an on-premises LDAP or ECMA app, Entra itself for inbound provisioning).
 */
export type TargetKind = "scim" | "attributes";

/** The target of an object mapping, as the preview presents it. */
export interface TargetDescription {
  readonly kind: TargetKind;
  /** The rule's `targetDirectoryName` (e.g. `customappsso`, `salesforce.com`), or "" when not known. */
  readonly directory: string;
}

const SCIM_URN = /^urn:ietf:params:scim:/i;
/** A SCIM value filter in a target path: `emails[type eq "work"].value`. */
const SCIM_FILTER = /\[\s*[\w$-]+\s+eq\s+"[^"]*"\s*\]/i;

/**
 * Recognises a SCIM target from the export, in this order:
 * 1. the object mapping's target object is a SCIM schema URN
 *    (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`, `…:core:2.0:Group`);
 * 2. the rule's target directory is Entra's generic SCIM connector `customappsso`, or its name says SCIM;
 * 3. a target attribute is a SCIM path: a schema URN prefix or a value filter (`emails[type eq "work"]`),
 *    as gallery apps built on SCIM write them;
 * 4. no target directory is named at all (a hand-written provex file): SCIM, provex's default.
 * Anything else (a named directory such as `salesforce.com` or `ldap` with plain attribute names) is
 * not SCIM. `override` (the preview option `targetKind`) wins over all of these.
 */
export function describeTarget(
  config: MappingConfig,
  object: ObjectMapping,
  override?: TargetKind,
): TargetDescription {
  const named = config.rules?.[object.rule]?.extra?.targetDirectoryName;
  const directory = typeof named === "string" ? named : "";
  if (override === "scim" || override === "attributes") return { kind: override, directory };
  return { kind: isScim(object, directory) ? "scim" : "attributes", directory };
}

function isScim(object: ObjectMapping, directory: string): boolean {
  if (SCIM_URN.test(object.targetObjectName ?? "")) return true;
  if (directory.trim() === "") return true;
  const lower = directory.toLowerCase();
  if (lower === "customappsso" || lower.includes("scim")) return true;
  return object.mappings.some((mapping) => SCIM_URN.test(mapping.target) || SCIM_FILTER.test(mapping.target));
}
