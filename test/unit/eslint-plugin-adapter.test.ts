import { describe, expect, it } from "vitest";
import plugin from "../../src/lint/eslint-plugin.js";
import { lintRules } from "../../src/lint/index.js";

// The adapter on its own, with a context shaped as ESLint's (no ESLint run): the rule modules' meta,
// positions with and without getLocFromIndex, the file filter, shared settings, the one lint run per
// file and its cache key, and the fix handed to ESLint's fixer.

interface Reported {
  message: string;
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
  fix?: (fixer: { replaceTextRange(range: [number, number], text: string): unknown }) => unknown;
}
const context = (
  text: string,
  options: {
    filename?: string;
    settings?: { provex?: { dialect?: "entra" | "provex"; schema?: readonly string[] } };
    sourceCode?: object;
    withLoc?: boolean;
  } = {},
) => {
  const reported: Reported[] = [];
  const sourceCode =
    options.sourceCode ??
    (options.withLoc
      ? {
          text,
          getLocFromIndex: (index: number) => ({ line: 100 + index, column: 1000 + index }),
        }
      : { text });
  return {
    reported,
    value: {
      ...("filename" in options ? { filename: options.filename } : { filename: "m.provex.yaml" }),
      sourceCode,
      ...(options.settings ? { settings: options.settings } : {}),
      report: (descriptor: Reported) => reported.push(descriptor),
    } as never,
  };
};
const run = (id: string, ctx: ReturnType<typeof context>) => {
  const visitors = plugin.rules[id]!.create(ctx.value);
  expect(Object.keys(visitors)).toEqual(["Document", "Program"]);
  visitors.Program?.();
  return ctx.reported;
};

const user = "  - target: userName\n    attribute: userPrincipalName\n    match: 1\n";
// `dialect: entr` is config-value at offsets 9–13 of line 1.
const broken = `dialect: entr\r\nmappings:\n${user}`;

describe("the ESLint rule modules", () => {
  it("are problems for error rules and suggestions for warning rules, recommended, with an empty schema", () => {
    for (const rule of lintRules) {
      const { meta } = plugin.rules[rule.meta.id]!;
      expect(meta.type).toBe(rule.meta.defaultSeverity === "error" ? "problem" : "suggestion");
      expect(meta.docs.description).toBe(rule.meta.summary);
      expect(meta.docs.recommended).toBe(true);
      expect(meta.schema).toEqual([]);
      expect("fixable" in meta).toBe(rule.meta.fixable);
    }
    expect(plugin.meta).toEqual({ name: "provex", namespace: "provex" });
    expect(plugin.configs.recommended.name).toBe("provex/recommended");
    expect(Object.keys(plugin.configs.recommended.rules)).toHaveLength(lintRules.length);
  });
});

describe("reporting", () => {
  it("without getLocFromIndex counts lines (CR, LF or CRLF) from 1 and columns from 0", () => {
    const reported = run("config-value", context(broken));
    expect(reported.map((r) => [r.message, r.loc])).toEqual([
      [
        'dialect must be entra or provex, not "entr".',
        { start: { line: 1, column: 9 }, end: { line: 1, column: 13 } },
      ],
    ]);
    const later = `mappings:\r\n${user}  - target: x\n    attribute: y\n    colour: blue\n`;
    const [unknown] = run("unknown-property", context(later));
    const start = later.indexOf("colour");
    expect(unknown?.loc).toEqual({ start: { line: 7, column: 4 }, end: { line: 7, column: 10 } });
    expect(later.slice(start, start + 6)).toBe("colour");
  });

  it("uses the source code's getLocFromIndex when there is one", () => {
    const [finding] = run("config-value", context(broken, { withLoc: true }));
    expect(finding?.loc).toEqual({ start: { line: 109, column: 1009 }, end: { line: 113, column: 1013 } });
  });

  it("hands ESLint the merged fix as one replaceTextRange, and no fix for a finding without one", () => {
    const text = `mappings:\n${user}  - target: displayName\n    expression: join(" ", [givenName])\n`;
    const [finding] = run("function-name-case", context(text));
    const calls: [number, number, string][] = [];
    finding?.fix?.({ replaceTextRange: (range, replacement) => calls.push([...range, replacement]) });
    const at = text.indexOf("join");
    expect(calls).toEqual([[at, at + 4, "Join"]]);
    const [value] = run("config-value", context(broken));
    expect(value).not.toHaveProperty("fix");
  });

  it("leaves files that are not mapping configurations alone, and lints text without a file name", () => {
    expect(run("config-value", context(broken, { filename: "workflow.json" }))).toEqual([]);
    expect(run("config-value", context(broken, { filename: "provex.config.yaml" }))).toEqual([]);
    const nameless = context(broken, { filename: undefined });
    delete (nameless.value as { filename?: string }).filename;
    expect(run("config-value", nameless)).toHaveLength(1);
  });

  it("passes settings.provex's dialect and schema to the run", () => {
    const text = `mappings:\n${user}  - target: displayName\n    attribute: nickname\n`;
    expect(
      run("unknown-attribute", context(text, { settings: { provex: { schema: ["userPrincipalName"] } } })),
    ).toHaveLength(1);
    expect(
      run(
        "unknown-attribute",
        context(text, { settings: { provex: { schema: ["userPrincipalName", "nickname"] } } }),
      ),
    ).toEqual([]);
    const provexOnly = `mappings:\n${user}  - target: displayName\n    expression: 'Extract([a])'\n`;
    const inProvex = run(
      "provex-only-function",
      context(provexOnly, { settings: { provex: { dialect: "provex" } } }),
    );
    const inEntra = run(
      "provex-only-function",
      context(provexOnly, { settings: { provex: { dialect: "entra" } } }),
    );
    expect([inProvex.length, inEntra.length]).toEqual([0, 1]);
  });

  it("runs provex once per source code and settings: the rules of one file share the run, new settings rerun it", () => {
    let reads = 0;
    const counted = {
      get text() {
        reads++;
        return broken;
      },
    };
    run("config-value", context(broken, { sourceCode: counted }));
    const afterFirst = reads;
    expect(afterFirst).toBeGreaterThan(0);
    // unknown-property has nothing to report here: with the shared run it does not read the text at all.
    expect(run("unknown-property", context(broken, { sourceCode: counted }))).toEqual([]);
    expect(reads).toBe(afterFirst);
    // The same source code with other settings, or under another file name, is linted again.
    const text = `mappings:\n${user}  - target: displayName\n    attribute: nickname\n`;
    const shared = { text };
    const narrow = { provex: { schema: ["userPrincipalName"] } };
    const wide = { provex: { schema: ["userPrincipalName", "nickname"] } };
    expect(run("unknown-attribute", context(text, { sourceCode: shared, settings: narrow }))).toHaveLength(1);
    expect(run("unknown-attribute", context(text, { sourceCode: shared, settings: wide }))).toEqual([]);
    expect(run("unknown-attribute", context(text, { sourceCode: shared, settings: narrow }))).toHaveLength(1);
    expect(
      run(
        "unknown-attribute",
        context(text, { sourceCode: shared, settings: narrow, filename: "workflow.json" }),
      ),
    ).toEqual([]);
  });
});
