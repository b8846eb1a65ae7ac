/** What a share link carries: the mode and every input of both modes. */
export interface SharedState {
  readonly mode: "expression" | "mapping";
  readonly expression: string;
  readonly attributes: string;
  readonly config: string;
  readonly users: string;
  readonly target: string;
  /** Mapping expressions edited in mapping mode, by mapping index. */
  readonly overrides: Readonly<Record<number, string>>;
}

const PREFIX = "#s=";

async function transform(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const response = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The state as a URL fragment (`#s=` + base64url of deflate-raw JSON). Browsers never send the fragment
 * to a server: sharing uploads nothing.
 */
export async function encodeState(state: SharedState): Promise<string> {
  const compressed = await transform(
    new TextEncoder().encode(JSON.stringify(state)),
    new CompressionStream("deflate-raw"),
  );
  let binary = "";
  for (const byte of compressed) binary += String.fromCharCode(byte);
  return PREFIX + btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The state in a fragment, or undefined when there is none or it is damaged. */
export async function decodeState(fragment: string): Promise<SharedState | undefined> {
  if (!fragment.startsWith(PREFIX)) return undefined;
  try {
    const binary = atob(fragment.slice(PREFIX.length).replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    const text = new TextDecoder().decode(await transform(bytes, new DecompressionStream("deflate-raw")));
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const record = parsed as Record<string, unknown>;
    const field = (name: string) => (typeof record[name] === "string" ? (record[name] as string) : "");
    return {
      mode: record.mode === "mapping" ? "mapping" : "expression",
      expression: field("expression"),
      attributes: field("attributes"),
      config: field("config"),
      users: field("users"),
      target: field("target"),
      overrides: overridesOf(record.overrides),
    };
  } catch {
    return undefined;
  }
}

function overridesOf(value: unknown): Record<number, string> {
  const overrides: Record<number, string> = {};
  if (typeof value !== "object" || value === null) return overrides;
  for (const [key, expression] of Object.entries(value)) {
    if (/^\d+$/.test(key) && typeof expression === "string") overrides[Number(key)] = expression;
  }
  return overrides;
}
