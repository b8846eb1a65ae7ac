/**
 * The byte encodings behind ConvertToBase64, ConvertFromBase64 and ConvertToUTF8Hex, as .NET's
 * `Encoding.Unicode` (UTF-16LE), `Encoding.UTF8`, `Encoding.ASCII` and `Convert.To/FromBase64String`.
 * Hand-written on Uint8Array so that they run unchanged in the browser (no Buffer).
 */
import { ProvexError } from "../../diagnostics/index.js";

/** The encodings ConvertFromBase64 accepts (Cloud Sync names them as bare constants). */
export type TextEncodingName = "Unicode" | "UTF8" | "ASCII";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUE_OF = new Map(Array.from(ALPHABET, (ch, i) => [ch, i]));

/**
 * `Encoding.Unicode.GetBytes`: two little-endian bytes per UTF-16 code unit; a lone surrogate becomes
 * U+FFFD, as .NET's replacement fallback does.
 */
export function utf16leBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    let unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      const paired = unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      const previous = text.charCodeAt(i - 1);
      const pairedBefore = unit >= 0xdc00 && previous >= 0xd800 && previous <= 0xdbff;
      if (!paired && !pairedBefore) unit = 0xfffd;
    }
    bytes[2 * i] = unit & 0xff;
    bytes[2 * i + 1] = unit >> 8;
  }
  return bytes;
}

/**
 * `Encoding.Unicode.GetString`: little-endian code units; a lone surrogate and an odd trailing byte each
 * become U+FFFD (TextDecoder would merge a final lone surrogate with the odd byte into one).
 */
export function utf16leText(bytes: Uint8Array): string {
  const units: number[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) units.push(bytes[i]! | (bytes[i + 1]! << 8));
  let out = "";
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const next = units[i + 1];
    if (unit >= 0xd800 && unit <= 0xdbff && next !== undefined && next >= 0xdc00 && next <= 0xdfff) {
      out += String.fromCharCode(unit, next);
      i++;
    } else {
      out += unit >= 0xd800 && unit <= 0xdfff ? "\ufffd" : String.fromCharCode(unit);
    }
  }
  return bytes.length % 2 === 1 ? `${out}\ufffd` : out;
}

/** `Encoding.UTF8.GetBytes` (a lone surrogate becomes U+FFFD, as in .NET). */
export function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** `Convert.ToBase64String`. */
export function base64FromBytes(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    out += ALPHABET[b0 >> 2]! + ALPHABET[((b0 & 3) << 4) | ((b1 ?? 0) >> 4)]!;
    out += b1 === undefined ? "=" : ALPHABET[((b1 & 15) << 2) | ((b2 ?? 0) >> 6)]!;
    out += b2 === undefined ? "=" : ALPHABET[b2 & 63]!;
  }
  return out;
}

/**
 * `Convert.FromBase64String`: white space is ignored, the length must be a multiple of 4 and `=` may only
 * pad the end. Throws `invalid-base64` otherwise.
 */
export function bytesFromBase64(text: string): Uint8Array {
  const clean = text.replace(/[ \t\r\n]/g, "");
  const invalid = () =>
    new ProvexError(
      "invalid-base64",
      `"${text}" is not base64: use only A–Z a–z 0–9 + /, padded with = to a multiple of 4 characters.`,
    );
  if (clean.length % 4 !== 0) throw invalid();
  const padding = clean.endsWith("==") ? 2 : clean.endsWith("=") ? 1 : 0;
  const body = clean.slice(0, clean.length - padding);
  const bytes = new Uint8Array((clean.length / 4) * 3 - padding);
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (const ch of body) {
    const value = VALUE_OF.get(ch);
    if (value === undefined) throw invalid();
    acc = (acc << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[n++] = (acc >> bits) & 0xff;
    }
  }
  return bytes;
}

/** ConvertToBase64: base64 of the UTF-16LE bytes (`"Hello world!"` → `SABlAGwAbABvACAAdwBvAHIAbABkACEA`). */
export function convertToBase64(text: string): string {
  return base64FromBytes(utf16leBytes(text));
}

/**
 * ConvertFromBase64: decodes base64 and reads the bytes as UTF-16LE (default), UTF-8 or ASCII. Invalid
 * sequences become U+FFFD (`?` for ASCII bytes above 127), as .NET's decoders do.
 * Throws `invalid-base64`, or `invalid-encoding` for another encoding name.
 */
export function convertFromBase64(text: string, encoding: string = "Unicode"): string {
  const bytes = bytesFromBase64(text);
  switch (encoding.toLowerCase()) {
    case "unicode":
    case "utf-16":
      return utf16leText(bytes);
    case "utf8":
    case "utf-8":
      return new TextDecoder("utf-8").decode(bytes);
    case "ascii":
      return Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : "?")).join("");
    default:
      throw new ProvexError(
        "invalid-encoding",
        `"${encoding}" is not an encoding ConvertFromBase64 knows; use Unicode (the default), UTF8 or ASCII.`,
      );
  }
}

/** ConvertToUTF8Hex: the UTF-8 bytes as upper-case hex without separators (`"Hello"` → `48656C6C6F`). */
export function convertToUtf8Hex(text: string): string {
  return Array.from(utf8Bytes(text), (b) => b.toString(16).toUpperCase().padStart(2, "0")).join("");
}
