/**
 * .NET replacement patterns (`RegexReplacement`): `$n`, `${n}`, `${name}`, `$$`, `$&`, `` $` ``, `$'`,
 * `$+`, `$_`. A `$` that does not form one of these — including a reference to a group the pattern does
 * not have — is a literal `$`, exactly as .NET reads it.
 */
import type { DotnetMatch } from "./dotnet-regex.js";
import type { TranslatedRegex } from "./dotnet-regex-translate.js";

/** Literal text, a group reference, or one of the special substitutions. */
export type ReplacementPart =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "group"; readonly number: number }
  | { readonly kind: "before" | "after" | "last-group" | "input" };

const WORD_CHAR = /[\p{L}\p{Mn}\p{Nd}\p{Pc}]/u;

export function parseReplacement(replacement: string, groups: TranslatedRegex): ReplacementPart[] {
  const parts: ReplacementPart[] = [];
  let text = "";
  const flush = () => {
    if (text !== "") parts.push({ kind: "text", text });
    text = "";
  };
  const isGroup = (n: number) => groups.groupNumbers.includes(n);
  let i = 0;
  while (i < replacement.length) {
    const ch = replacement[i]!;
    if (ch !== "$" || i + 1 >= replacement.length) {
      text += ch;
      i++;
      continue;
    }
    const next = replacement[i + 1]!;
    const angled = next === "{" && i + 2 < replacement.length;
    const at = angled ? i + 2 : i + 1;
    const digits = /^\d+/.exec(replacement.slice(at))?.[0];
    const name = /^[\p{L}\p{Mn}\p{Nd}\p{Pc}]+/u.exec(replacement.slice(at))?.[0];
    let part: ReplacementPart | undefined;
    let end = at;
    if (digits !== undefined && (!angled || replacement[at + digits.length] === "}")) {
      const number = Number(digits);
      if (isGroup(number)) {
        part = { kind: "group", number };
        end = at + digits.length + (angled ? 1 : 0);
      }
    } else if (
      angled &&
      name !== undefined &&
      WORD_CHAR.test(replacement[at]!) &&
      replacement[at + name.length] === "}"
    ) {
      const number = groups.numberOfName.get(name);
      if (number !== undefined) {
        part = { kind: "group", number };
        end = at + name.length + 1;
      }
    } else if (!angled) {
      const special: Record<string, ReplacementPart> = {
        "&": { kind: "group", number: 0 },
        "`": { kind: "before" },
        "'": { kind: "after" },
        "+": { kind: "last-group" },
        _: { kind: "input" },
      };
      if (next === "$") {
        text += "$";
        i += 2;
        continue;
      }
      part = special[next];
      end = at + 1;
    }
    if (part === undefined) {
      text += "$";
      i++;
      continue;
    }
    flush();
    parts.push(part);
    i = end;
  }
  flush();
  return parts;
}

export function expandReplacement(
  parts: readonly ReplacementPart[],
  match: DotnetMatch,
  input: string,
  groups: TranslatedRegex,
): string {
  let out = "";
  const capture = (number: number) => {
    const span = match.spans.get(number);
    return span === undefined ? "" : input.slice(span[0], span[1]);
  };
  for (const part of parts) {
    switch (part.kind) {
      case "text":
        out += part.text;
        break;
      case "group":
        out += capture(part.number);
        break;
      case "before":
        out += input.slice(0, match.index);
        break;
      case "after":
        out += input.slice(match.end);
        break;
      case "last-group":
        out += capture(groups.groupNumbers[groups.groupNumbers.length - 1]!);
        break;
      case "input":
        out += input;
        break;
    }
  }
  return out;
}

/**
 * The replacement as a JavaScript replacement string for a native (group-less) pattern, or undefined
 * when it needs a function (`$_`). Only group 0 exists there, so `$&` and `$+` are the match.
 */
export function nativeReplacementText(parts: readonly ReplacementPart[]): string | undefined {
  let out = "";
  for (const part of parts) {
    switch (part.kind) {
      case "text":
        out += part.text.replaceAll("$", "$$$$");
        break;
      case "group":
        if (part.number !== 0) return undefined;
        out += "$&";
        break;
      case "last-group":
        out += "$&";
        break;
      case "before":
        out += "$`";
        break;
      case "after":
        out += "$'";
        break;
      case "input":
        return undefined;
    }
  }
  return out;
}

/** One match's replacement for a native (group-less) pattern, when no replacement string can say it. */
export function expandNativeReplacement(
  parts: readonly ReplacementPart[],
  match: string,
  offset: number,
  input: string,
): string {
  let out = "";
  for (const part of parts) {
    switch (part.kind) {
      case "text":
        out += part.text;
        break;
      case "group":
        out += part.number === 0 ? match : "";
        break;
      case "last-group":
        out += match;
        break;
      case "before":
        out += input.slice(0, offset);
        break;
      case "after":
        out += input.slice(offset + match.length);
        break;
      case "input":
        out += input;
        break;
    }
  }
  return out;
}
