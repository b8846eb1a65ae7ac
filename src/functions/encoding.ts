import { textOf } from "./coerce.js";
import { type CallSite, fail } from "./context.js";
import { eager, notImplemented, optional, required } from "./define.js";
import type { FunctionSpec } from "./spec.js";
import type { Value } from "./value.js";

/** Base64 and hex encodings of text. atob and TextDecoder exist in Node 20 and browsers alike. */

const ALL = ["provisioning", "cloudSync"] as const;

/** Decodes Base64 to bytes; invalid input is an evaluation error. */
export function base64Bytes(text: string, site: CallSite): Uint8Array {
  let binary: string;
  try {
    binary = atob(text.replace(/\s+/g, ""));
  } catch {
    return fail(
      site,
      "invalid-base64",
      `${site.name} received text that is not Base64: "${text.slice(0, 40)}".`,
    );
  }
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

function decode(bytes: Uint8Array, encoding: string): string {
  if (encoding === "ASCII") {
    // .NET's ASCIIEncoding turns every byte above 0x7F into "?".
    return Array.from(bytes, (byte) => (byte < 0x80 ? String.fromCharCode(byte) : "?")).join("");
  }
  return new TextDecoder(encoding === "UTF8" ? "utf-8" : "utf-16le").decode(bytes);
}

function encodingOf(value: Value | undefined, site: CallSite): string {
  const name = textOf(value, site, "encoding");
  if (name === null) return "Unicode";
  const canonical = ["UTF8", "Unicode", "ASCII"].find((known) => known.toLowerCase() === name.toLowerCase());
  return (
    canonical ??
    fail(
      site,
      "argument-out-of-range",
      `ConvertFromBase64's encoding must be UTF8, Unicode or ASCII, not "${name}".`,
    )
  );
}

export const ConvertFromBase64: FunctionSpec = {
  name: "ConvertFromBase64",
  family: "encoding",
  parameters: [
    required("source", "text", "Base64 text."),
    optional("encoding", "encoding", "UTF8, Unicode (UTF-16LE, the default) or ASCII."),
  ],
  returns: "text",
  availability: ["cloudSync"],
  summary: "Decodes Base64 to text.",
  doc: "Decodes the Base64 bytes with the given encoding: Unicode (UTF-16LE) by default, or the bare constants UTF8 and ASCII. Invalid Base64 is an evaluation error (`invalid-base64`); null gives null.",
  example: { expression: 'ConvertFromBase64("SGVsbG8gd29ybGQh", UTF8)', result: "Hello world!" },
  pure: true,
  implemented: true,
  implementation: eager(([source, encodingArgument], site) => {
    const encoding = encodingOf(encodingArgument, site);
    const text = textOf(source, site, "source");
    return text === null ? null : decode(base64Bytes(text, site), encoding);
  }),
};

export const ConvertToBase64: FunctionSpec = {
  name: "ConvertToBase64",
  family: "encoding",
  parameters: [required("source", "text", "The text to encode.")],
  returns: "text",
  availability: ALL,
  summary: "Encodes text as Base64 of its UTF-16LE bytes.",
  doc: 'Base64 of the string\'s UTF-16LE bytes (.NET "Unicode"), as Entra does.',
  example: { expression: 'ConvertToBase64("Hello world!")', result: "SABlAGwAbABvACAAdwBvAHIAbABkACEA" },
  pure: true,
  implemented: false,
  implementation: notImplemented("ConvertToBase64"),
};

export const ConvertToUTF8Hex: FunctionSpec = {
  name: "ConvertToUTF8Hex",
  family: "encoding",
  parameters: [required("source", "text", "The text to encode.")],
  returns: "text",
  availability: ALL,
  summary: "Encodes text as upper-case hex of its UTF-8 bytes.",
  doc: "Hex of the string's UTF-8 bytes, upper case, without separators: the DN-friendly format Entra uses.",
  example: { expression: 'ConvertToUTF8Hex("Hello world!")', result: "48656C6C6F20776F726C6421" },
  pure: true,
  implemented: false,
  implementation: notImplemented("ConvertToUTF8Hex"),
};

export const encodingFunctions: readonly FunctionSpec[] = [
  ConvertFromBase64,
  ConvertToBase64,
  ConvertToUTF8Hex,
];
