import { LIMITS, type PlaygroundState, readState, type StateCheck } from "./state.js";

const PREFIX = "#s=";

/** Inputs larger than this stay out of the URL fragment kept current while editing (not of Share). */
export const FRAGMENT_INPUT_LIMIT = 200_000;

async function compress(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Decompresses at most `limit` bytes: a small link that expands to gigabytes (a deflate bomb) is
 * stopped as soon as it passes the limit, without holding the rest in memory.
 */
async function decompress(bytes: Uint8Array, limit: number): Promise<Uint8Array | "too-large"> {
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  const joined = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}

/**
 * The state as a URL fragment (`#s=` + base64url of deflate-raw JSON). Browsers never send the fragment
 * to a server: sharing uploads nothing.
 */
export async function encodeState(state: PlaygroundState): Promise<string> {
  const compressed = await compress(new TextEncoder().encode(JSON.stringify(state)));
  let binary = "";
  for (let index = 0; index < compressed.length; index += 0x8000) {
    binary += String.fromCharCode(...compressed.subarray(index, index + 0x8000));
  }
  return PREFIX + btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** What a fragment holds: no state, a state within the bounds, or a refused one with the reason. */
export type DecodedLink = { readonly kind: "none" } | ({ readonly kind: "state" } & StateCheck);

/** Reads a fragment, bounded in size and nesting (see {@link LIMITS}); never throws. */
export async function decodeState(fragment: string): Promise<DecodedLink> {
  if (!fragment.startsWith(PREFIX)) return { kind: "none" };
  const refused = (reason: string): DecodedLink => ({ kind: "state", ok: false, reason });
  const body = fragment.slice(PREFIX.length);
  if (body.length > LIMITS.fragment)
    return refused(
      `The link is ${body.length.toLocaleString("en-US")} characters long; the limit is ${LIMITS.fragment.toLocaleString("en-US")}.`,
    );
  let bytes: Uint8Array;
  try {
    const binary = atob(body.replace(/-/g, "+").replace(/_/g, "/"));
    bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
  } catch {
    return refused("It is damaged (not base64url).");
  }
  let text: string;
  try {
    const inflated = await decompress(bytes, LIMITS.decompressed);
    if (inflated === "too-large")
      return refused(`It expands to more than ${(LIMITS.decompressed / 1e6).toFixed(0)} MB.`);
    text = new TextDecoder("utf-8", { fatal: true }).decode(inflated);
  } catch {
    return refused("It is damaged (it does not decompress).");
  }
  return { kind: "state", ...readState(text) };
}

/**
 * The state for the fragment kept current while editing: inputs too large for a link are left out
 * (local storage keeps them); the second value names what was left out.
 */
export function forFragment(state: PlaygroundState): { state: PlaygroundState; leftOut: string[] } {
  const leftOut: string[] = [];
  const keep = (name: "config" | "users" | "target" | "manyUsers") => {
    if (state[name].length <= FRAGMENT_INPUT_LIMIT) return state[name];
    leftOut.push(name === "manyUsers" ? "users" : name);
    return "";
  };
  return {
    state: {
      ...state,
      config: keep("config"),
      users: keep("users"),
      target: keep("target"),
      manyUsers: keep("manyUsers"),
    },
    leftOut,
  };
}
