import type { MappingConfig, ObjectMapping } from "./model.js";

/** The object mapping a preview runs, or why there is none. */
export type ObjectChoice =
  | { readonly object: ObjectMapping; readonly problem?: undefined }
  | { readonly object?: undefined; readonly problem: { readonly code: string; readonly message: string } };

/**
 * The object mapping a user preview runs (SPEC Part 1 "Which object mapping"): the one named, else the
 * first enabled mapping whose source object is `User`. There is no fallback to another object type: a
 * configuration with only a Group mapping previews no user through it, and the problem says what the
 * configuration does have, so that the admin sees why.
 */
export function chooseObjectMapping(config: MappingConfig, name?: string): ObjectChoice {
  const objects: readonly ObjectMapping[] = Array.isArray(config?.objects) ? config.objects : [];
  if (name !== undefined) {
    const named = objects.find((object) => object.name === name);
    if (named) return { object: named };
    return {
      problem: {
        code: "no-object-mapping",
        message: `The configuration has no object mapping named ${JSON.stringify(name)}; it has ${listed(objects)}.`,
      },
    };
  }
  const users = objects.filter((object) => isUserObject(object));
  const enabled = users.find((object) => object.enabled);
  if (enabled) return { object: enabled };
  const message =
    users.length > 0
      ? `The configuration's user object mapping ${JSON.stringify(users[0]?.name)} is disabled; enable it to preview users (or name it with objectMapping).`
      : `The configuration has no object mapping for users (source object User), so no user can be previewed; it has ${listed(objects)}. Add a User object mapping.`;
  return { problem: { code: "no-object-mapping", message } };
}

function isUserObject(object: ObjectMapping): boolean {
  return typeof object.sourceObjectName === "string" && object.sourceObjectName.toLowerCase() === "user";
}

function listed(objects: readonly ObjectMapping[]): string {
  if (objects.length === 0) return "none";
  return objects
    .map(
      (object) =>
        `${JSON.stringify(object.name)} (${object.sourceObjectName} → ${object.targetObjectName}${object.enabled ? "" : ", disabled"})`,
    )
    .join(", ");
}
