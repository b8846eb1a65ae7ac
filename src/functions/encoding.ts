import { textOf } from "./coerce.js";
import { eager, optional, required } from "./define.js";
import { convertFromBase64, convertToBase64, convertToUtf8Hex } from "./dotnet/index.js";
import { atCall } from "./dotnet-call.js";
import type { FunctionSpec } from "./spec.js";

/** Base64 and hex encodings of text, as .NET's `Encoding` classes and `Convert` compute them. */

const ALL = ["provisioning", "cloudSync"] as const;

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
  doc: "Decodes the Base64 bytes with the given encoding: Unicode (UTF-16LE) by default, or the bare constants UTF8 and ASCII; invalid byte sequences become U+FFFD as in .NET. Base64 that .NET's `Convert.FromBase64String` rejects is an evaluation error (`invalid-base64`), another encoding name is `invalid-encoding`; null gives null.",
  example: { expression: 'ConvertFromBase64("SGVsbG8gd29ybGQh", UTF8)', result: "Hello world!" },
  pure: true,
  implemented: true,
  implementation: eager(([source, encodingArgument], site) => {
    const encoding = textOf(encodingArgument, site, "encoding") ?? "Unicode";
    const text = textOf(source, site, "source");
    return text === null ? null : atCall(site, () => convertFromBase64(text, encoding));
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
  implemented: true,
  implementation: eager(([source], site) => {
    const text = textOf(source, site, "source");
    return text === null ? null : convertToBase64(text);
  }),
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
  implemented: true,
  implementation: eager(([source], site) => {
    const text = textOf(source, site, "source");
    return text === null ? null : convertToUtf8Hex(text);
  }),
};

export const encodingFunctions: readonly FunctionSpec[] = [
  ConvertFromBase64,
  ConvertToBase64,
  ConvertToUTF8Hex,
];
