/** What a share link carries. */
export interface SharedState {
  readonly expression: string;
  readonly attributes: string;
}

const PREFIX = "#s=";

// The state goes into the URL fragment, which browsers never send to a server: nothing leaves the page.
export async function encodeState(state: SharedState): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  const compressed = await new Response(
    new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw")),
  ).arrayBuffer();
  let binary = "";
  for (const byte of new Uint8Array(compressed)) binary += String.fromCharCode(byte);
  return PREFIX + btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The state in a fragment, or undefined when there is none or it is damaged. */
export async function decodeState(fragment: string): Promise<SharedState | undefined> {
  if (!fragment.startsWith(PREFIX)) return undefined;
  try {
    const base64 = fragment.slice(PREFIX.length).replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    const text = await new Response(
      new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")),
    ).text();
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const { expression, attributes } = parsed as Record<string, unknown>;
    if (typeof expression !== "string" || typeof attributes !== "string") return undefined;
    return { expression, attributes };
  } catch {
    return undefined;
  }
}
