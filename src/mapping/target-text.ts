import { ProvexError } from "../diagnostics/index.js";

/**
 * The target directory from text: a JSON array of SCIM resources, or a SCIM ListResponse as
 * `GET /Users` returns it. Empty text is an empty directory. Throws {@link ProvexError}
 * `invalid-target` with what to fix.
 */
export function parseTargetText(text: string): unknown[] {
  const body = text.replace(/^\uFEFF/, "").trim();
  if (body === "") return [];
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw invalidTarget(`The target directory is not valid JSON (${(error as Error).message}).`);
  }
  if (Array.isArray(data)) return data;
  const resources = (data as { Resources?: unknown } | null)?.Resources;
  if (Array.isArray(resources)) return resources;
  throw invalidTarget(
    "The target directory must be a JSON array of SCIM resources (or a SCIM ListResponse).",
  );
}

function invalidTarget(message: string): ProvexError {
  return new ProvexError("invalid-target", message);
}
