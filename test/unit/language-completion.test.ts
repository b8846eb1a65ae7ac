// biome-ignore-all lint/suspicious/noTemplateCurlyInString: expected snippet bodies (${1:name}), not templates.
import { describe, expect, it } from "vitest";
import { functions } from "../../src/functions/index.js";
import { callSnippet, complete } from "../../src/language/index.js";

const user = { givenName: "Ada", surname: "Lovelace", department: "Research" };

/** The completion request at the `|` in `marked`. */
function at(marked: string, options = {}) {
  const offset = marked.indexOf("|");
  return complete(marked.replace("|", ""), offset, options);
}

describe("complete", () => {
  it("offers every function from the registry with its signature and summary", () => {
    const items = at("|");
    const names = items.filter((item) => item.kind === "function").map((item) => item.label);
    expect(names).toEqual([...functions.keys()]);
    const join = items.find((item) => item.label === "Join");
    expect(join?.detail).toBe("Join(separator, source…) → text");
    expect(join?.documentation).toContain(functions.get("Join")?.summary);
    expect(join?.insertText).toBe("Join(${1:separator}, ${2:source})$0");
    expect(join?.snippet).toBe(true);
  });

  it("replaces the word being typed", () => {
    const items = at('Join(".", Jo|)');
    expect(items.find((item) => item.label === "Join")?.range).toEqual({ start: 10, end: 12 });
    const fresh = at('Join(".", |)');
    expect(fresh.find((item) => item.label === "Join")?.range).toEqual({ start: 10, end: 10 });
  });

  it("offers attribute names from the sample user and schema inside brackets, with the user's value", () => {
    const items = at('Join(".", [giv|])', { attributes: user, schema: ["mail"] });
    expect(items.map((item) => item.label)).toEqual(["department", "givenName", "mail", "surname"]);
    expect(items.every((item) => item.kind === "attribute")).toBe(true);
    expect(items.find((item) => item.label === "givenName")).toMatchObject({
      detail: '= "Ada"',
      insertText: "givenName",
      range: { start: 11, end: 14 },
    });
    // Unterminated: the name runs to the end of the token.
    expect(at("[sur|", { attributes: user })[0]?.range).toEqual({ start: 1, end: 4 });
  });

  it("offers bracketed attributes, constants and snippets between arguments", () => {
    const items = at("Left(|", { attributes: user });
    expect(items.find((item) => item.label === "[surname]")?.insertText).toBe("[surname]");
    expect(items.some((item) => item.kind === "constant" && item.label === "vbTextCompare")).toBe(true);
    const snippet = items.find((item) => item.label === "replace-regex");
    expect(snippet?.kind).toBe("snippet");
    expect(snippet?.insertText).toContain("${2:pattern}");
  });

  it("ranks the constants that fit the parameter first", () => {
    const items = at('InStr([a], "b", 1, |)');
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    expect(
      sorted
        .slice(0, 2)
        .map((item) => item.label)
        .sort(),
    ).toEqual(["vbBinaryCompare", "vbTextCompare"]);
  });

  it("offers nothing inside a string", () => {
    expect(at('Join("a|b", [x])')).toEqual([]);
    expect(at('Join("ab|')).toEqual([]);
    expect(at('Join("ab"|').length).toBeGreaterThan(0);
  });

  it("keeps optional parameters before a required one as empty arguments", () => {
    const spec = functions.get("FormatDateTime");
    expect(spec && callSnippet(spec)).toBe(
      "FormatDateTime(${1:source}, , ${2:inputFormat}, ${3:outputFormat})$0",
    );
    const replace = functions.get("Replace");
    expect(replace && callSnippet(replace)).toBe("Replace(${1:source})$0");
  });
});
