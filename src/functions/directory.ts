import { smallIntegerOf, textOf } from "./coerce.js";
import { fail } from "./context.js";
import { eager, required } from "./define.js";
import { bytesFromBase64 } from "./dotnet/encodings.js";
import { atCall } from "./dotnet-call.js";
import type { FunctionSpec } from "./spec.js";

/** Directory data: distinguished names and security identifiers (Cloud Sync additions). */

/** Splits a DN at the commas that are not escaped with a backslash. */
function relativeNames(dn: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let index = 0; index < dn.length; index++) {
    const character = dn[index] ?? "";
    if (character === "\\" && index + 1 < dn.length) {
      current += character + dn[index + 1];
      index++;
    } else if (character === ",") {
      parts.push(current);
      current = "";
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts;
}

export const DNComponent: FunctionSpec = {
  name: "DNComponent",
  family: "directory",
  parameters: [
    required("dn", "text", "A distinguished name (a reference attribute)."),
    required("ComponentNumber", "integer", "The 1-based component, counted from the left."),
  ],
  returns: "text",
  availability: ["cloudSync"],
  summary: "Returns the value of one component of a distinguished name.",
  doc: "Returns the value of the Nth relative name from the left, without its type (`cn=Joe,…` → `Joe`); spaces around it are trimmed and escaped commas do not split. A number outside the DN, or a null DN, gives null.",
  example: {
    expression: "DNComponent([dn], 1)",
    attributes: { dn: "cn=Joe,ou=Sales,dc=contoso,dc=com" },
    result: "Joe",
  },
  pure: true,
  implemented: true,
  implementation: eager(([dnArgument, numberArgument], site) => {
    const number = smallIntegerOf(numberArgument, site, "ComponentNumber");
    const dn = textOf(dnArgument, site, "dn");
    if (dn === null) return null;
    const component = number >= 1 ? relativeNames(dn)[number - 1] : undefined;
    if (component === undefined) return null;
    const equals = component.indexOf("=");
    return component.slice(equals + 1).trim();
  }),
};

export const StringFromSid: FunctionSpec = {
  name: "StringFromSid",
  family: "directory",
  parameters: [required("ObjectSID", "text", "A binary SID, given as Base64 text.")],
  returns: "text",
  availability: ["cloudSync"],
  summary: "Converts a binary security identifier to its S-1-… string form.",
  doc: "Reads the binary SID (revision, sub-authority count, 48-bit big-endian authority, little-endian 32-bit sub-authorities), given as Base64 as binary attributes travel in JSON, and writes `S-1-5-21-…`. A malformed SID is an evaluation error (`invalid-sid`); null gives null.",
  example: {
    expression: 'StringFromSid("AQUAAAAAAAUVAAAAoGXPfnhLm1/nfIdwUAQAAA==")',
    result: "S-1-5-21-2127521184-1604012920-1887927527-1104",
  },
  pure: true,
  implemented: true,
  implementation: eager(([source], site) => {
    const text = textOf(source, site, "ObjectSID");
    if (text === null) return null;
    const bytes = atCall(site, () => bytesFromBase64(text));
    const count = bytes[1] ?? 0;
    if (bytes.length < 8 || bytes.length !== 8 + 4 * count) {
      return fail(
        site,
        "invalid-sid",
        `StringFromSid received ${bytes.length} bytes, which is not a binary SID.`,
      );
    }
    let authority = 0;
    for (let index = 2; index < 8; index++) authority = authority * 256 + (bytes[index] ?? 0);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const subAuthorities = Array.from({ length: count }, (_, index) => view.getUint32(8 + 4 * index, true));
    return ["S", bytes[0] ?? 1, authority, ...subAuthorities].join("-");
  }),
};

export const directoryFunctions: readonly FunctionSpec[] = [DNComponent, StringFromSid];
