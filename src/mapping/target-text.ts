import { ProvexError } from "../diagnostics/index.js";
import { parseJsonText } from "./json-text.js";

/**
 * The target directory from text: a JSON array of SCIM resources, or a SCIM ListResponse as
 * `GET /Users` returns it. Empty text is an empty directory; a byte order mark is accepted. Throws
 * {@link ProvexError} `invalid-target` with what to fix (JSON errors with line and column).
 */
export function parseTargetText(text: string): unknown[] {
  if (text.replace(/^\uFEFF/, "").trim() === "") return [];
  const data = parseJsonText(text, "invalid-target", "Target directory JSON");
  if (Array.isArray(data)) return data;
  const resources = (data as { Resources?: unknown } | null)?.Resources;
  if (Array.isArray(resources)) return resources;
  throw new ProvexError(
    "invalid-target",
    "The target directory must be a JSON array of SCIM resources (or a SCIM ListResponse).",
  );
}
