import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyFixPass, mergedFix } from "../../src/lint/apply-fixes.js";
import { lint, lintAndFix, lintReport, lintRules } from "../../src/lint/index.js";
import { runRules } from "../../src/lint/run-rules.js";
import type { LintFinding, LintRule, RuleContext } from "../../src/lint/types.js";
import { loadConfig } from "../../src/mapping/index.js";
import { probeMeta as meta, probe } from "../helpers/lint-probe.js";

// The engine's contract with the rules and with --fix, stated with exact values: spans clamped into the
// file and findings in file order, severities from settings, the source schema of --schema, settings
// checked, the multipass fixer and its limit, and the law that fixing leaves nothing fixable.

const YAML = 'mappings:\n  - target: displayName\n    expression: Join(" ", [givenName])\n';

describe("runRules", () => {
  const config = loadConfig(YAML);

  it("clamps every span into the file: start at least 0, end at least start, both at most the length", () => {
    const length = YAML.length;
    const rule = probe("test-spans", () => [
      { message: "past the end", span: { start: length + 5, end: length + 9 } },
      { message: "negative", span: { start: -3, end: 2 } },
      { message: "reversed", span: { start: 10, end: 4 } },
      { message: "end past the end", span: { start: 20, end: length + 1 } },
    ]);
    const spans = runRules({ text: YAML, config, rules: [rule] }).map((f) => [f.message, f.span]);
    expect(spans).toEqual([
      ["negative", { start: 0, end: 2 }],
      ["reversed", { start: 10, end: 10 }],
      ["end past the end", { start: 20, end: length }],
      ["past the end", { start: length, end: length }],
    ]);
  });

  it("orders findings by start, then by end, whichever rule reported them", () => {
    const first = probe("test-first", () => [
      { message: "a", span: { start: 5, end: 9 } },
      { message: "b", span: { start: 5, end: 6 } },
    ]);
    const second = probe("test-second", () => [{ message: "c", span: { start: 1, end: 2 } }]);
    const findings = runRules({ text: YAML, config, rules: [first, second] });
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      ["test-second", "c"],
      ["test-first", "b"],
      ["test-first", "a"],
    ]);
  });

  it("a finding's own severity holds at the default; warn and error settings override it", () => {
    const own = probe("test-own", () => [{ message: "m", span: { start: 0, end: 1 }, severity: "error" }]);
    const severity = (setting?: "warn" | "error") =>
      runRules({
        text: YAML,
        config,
        rules: [own],
        ...(setting ? { settings: { "test-own": setting } } : {}),
      })[0]?.severity;
    expect([severity(), severity("warn"), severity("error")]).toEqual(["error", "warning", "error"]);
    const plain = probe("test-plain", () => [{ message: "m", span: { start: 0, end: 1 } }]);
    expect(runRules({ text: YAML, config, rules: [plain] })[0]?.severity).toBe("warning");
    expect(
      runRules({ text: YAML, config, rules: [plain], settings: { "test-plain": "warn" } })[0]?.severity,
    ).toBe("warning");
  });

  it("a rule that throws becomes one error finding at the start of the file, naming the rule and the error", () => {
    const throwing: LintRule = {
      meta: meta("test-throws"),
      check: () => {
        throw new Error("boom");
      },
    };
    expect(runRules({ text: YAML, config, rules: [throwing] })).toEqual([
      {
        ruleId: "test-throws",
        severity: "error",
        message: "The rule test-throws failed (a bug in provex; please report it): Error: boom",
        span: { start: 0, end: 0 },
      },
    ]);
  });

  it("gives rules the dialect (or its override), every expression with its file span, and the clauses", () => {
    const text =
      'dialect: entra\nmappings:\n  - target: displayName\n    expression: Join(" ", [givenName])\n' +
      "  - target: title\n    attribute: jobTitle\nscope:\n  filters:\n    - clauses:\n        - { attribute: department, operator: EQUALS, value: Sales }\n";
    const loaded = loadConfig(text);
    const contexts: RuleContext[] = [];
    const rule = probe(
      "test-context",
      () => [],
      (context) => contexts.push(context),
    );
    runRules({ text, config: loaded, rules: [rule] });
    runRules({ text, config: loaded, rules: [rule], dialect: "provex" });
    const [plain, overridden] = contexts;
    expect([plain?.dialect, overridden?.dialect]).toEqual(["entra", "provex"]);
    expect(plain?.text).toBe(text);
    expect(plain?.config).toBe(loaded);
    expect(plain?.expressions.map((site) => site.text)).toEqual(['Join(" ", [givenName])', "[jobTitle]"]);
    const join = plain?.expressions[0];
    // "givenName" inside the expression, as a span of the file.
    const inner = join?.fileSpan({ start: 11, end: 20 });
    expect(text.slice(inner?.start, inner?.end)).toBe("givenName");
    expect(join?.edit({ start: 0, end: 4 }, "JOIN")).toEqual({
      span: { start: text.indexOf("Join"), end: text.indexOf("Join") + 4 },
      text: "JOIN",
    });
    expect(plain?.clauses.map((site) => site.clause.attribute)).toEqual(["department"]);
  });

  it("places an expression without a traced location at the mapping, with synthesized offsets when they fit, and clamps offsets", () => {
    const loaded = loadConfig(YAML);
    const object = loaded.objects[0]!;
    const mapping = object.mappings[0]!;
    const expression = mapping.expression!;
    const offsets = Array.from({ length: expression.length + 1 }, (_, i) => 100 + i);
    const variant = (change: object) => ({
      ...loaded,
      objects: [{ ...object, mappings: [{ ...mapping, locations: undefined, ...change }] }],
    });
    const sites: RuleContext["expressions"][number][] = [];
    const rule = probe(
      "test-sites",
      () => [],
      (context) => sites.push(...context.expressions),
    );
    runRules({ text: YAML, config: variant({ expressionOffsets: undefined }) as never, rules: [rule] });
    runRules({ text: YAML, config: variant({ expressionOffsets: offsets }) as never, rules: [rule] });
    runRules({
      text: YAML,
      config: variant({ expressionOffsets: offsets.slice(1) }) as never,
      rules: [rule],
    });
    runRules({ text: YAML, config: loaded, rules: [rule] });
    const [untraced, synthesized, misfit, traced] = sites;
    expect(untraced?.location).toBeUndefined();
    expect(untraced?.fileSpan({ start: 0, end: 4 })).toEqual(mapping.span);
    expect(untraced?.edit({ start: 0, end: 4 }, "JOIN")).toBeUndefined();
    expect(synthesized?.location).toEqual({ offsets, style: "synthesized" });
    expect(synthesized?.fileSpan({ start: 0, end: 4 })).toEqual({ start: 100, end: 104 });
    // Offsets past either end of the expression are clamped to its ends.
    expect(synthesized?.fileSpan({ start: -5, end: 999 })).toEqual({
      start: 100,
      end: 100 + expression.length,
    });
    expect(misfit?.location).toBeUndefined();
    const at = YAML.indexOf("Join");
    expect(traced?.fileSpan({ start: 0, end: 999 })).toEqual({ start: at, end: at + expression.length });
  });

  it("with a source schema, the source attributes are exactly its names, known or not to the configuration", () => {
    const tables: RuleContext[] = [];
    const rule = probe(
      "test-schema",
      () => [],
      (context) => tables.push(context),
    );
    runRules({ text: YAML, config, rules: [rule], sourceSchema: ["givenName", "custom"] });
    const [context] = tables;
    const object = config.objects[0]!;
    const source = context!.sourceAttributes(object);
    expect(source.names).toEqual(["givenName", "custom"]);
    expect(source.defined).toBe(true);
    expect(source.get("custom")).toEqual({
      name: "custom",
      type: "String",
      required: false,
      multivalued: false,
      caseExact: false,
    });
    expect(source.get("surname")).toBeUndefined();
    expect(source.required).toEqual([]);
    // The same table every time for one object, and the expression sites share it.
    expect(context!.sourceAttributes(object)).toBe(source);
    expect(context!.expressions[0]?.source).toBe(source);
  });
});

describe("lint's options", () => {
  it("rejects a setting that is not off, warn or error, naming the rule and the value", () => {
    let error: unknown;
    try {
      lint(YAML, { rules: { "config-value": "on" as never } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: "invalid-rule-setting",
      message: 'The setting of config-value must be off, warn or error, not "on".',
    });
    expect(() => lint(YAML, { rules: { "config-value": "off", "unknown-function": "warn" } })).not.toThrow();
  });

  it("says which rule id is meant, or only where the rules are listed when none is close", () => {
    expect(() => lint(YAML, { rules: { "config-valeu": "off" } })).toThrow(
      'There is no lint rule "config-valeu"; did you mean config-value? The rules are listed in docs/lint-rules.md.',
    );
    expect(() => lint(YAML, { rules: { zzzzzzzzzzzzzzzz: "off" } })).toThrow(
      'There is no lint rule "zzzzzzzzzzzzzzzz". The rules are listed in docs/lint-rules.md.',
    );
  });

  it("passes dialect and schema through to the rules, and format to the loader", () => {
    const contexts: RuleContext[] = [];
    const rule = probe(
      "test-options",
      () => [],
      (context) => contexts.push(context),
    );
    lint(YAML, { ruleSet: [rule], dialect: "provex", schema: ["only"] });
    lint(YAML, { ruleSet: [rule] });
    expect(contexts[0]?.dialect).toBe("provex");
    expect(contexts[0]?.sourceAttributes(contexts[0].config.objects[0]!).names).toEqual(["only"]);
    expect(contexts[1]?.dialect).toBe("entra");
    expect(contexts[1]?.sourceAttributes(contexts[1].config.objects[0]!).names).not.toEqual(["only"]);
    // Read as an Entra export, the provex YAML lacks the export's synchronizationRules.
    expect(lint(YAML, { format: "entra" }).map((f) => f.ruleId)).toEqual(["config-missing"]);
    expect(lint(YAML).map((f) => f.ruleId)).not.toContain("config-missing");
  });

  it("a directive naming a rule of the rule set is not a misspelt id; unused-disable-directive follows its setting", () => {
    const rule = probe("test-own-rule");
    const text = `mappings:\n  # provex-disable-next-line test-own-rule\n  - target: a\n    attribute: b\n`;
    const [unused] = lint(text, {
      ruleSet: [rule, ...lintRules.filter((r) => r.meta.id === "unused-disable-directive")],
    });
    expect(unused?.message).toBe(
      "Unused provex-disable-next-line directive (no problems were reported from 'test-own-rule').",
    );
    expect(unused?.severity).toBe("warning");
    const raised = lint(text, {
      ruleSet: [rule, ...lintRules.filter((r) => r.meta.id === "unused-disable-directive")],
      rules: { "unused-disable-directive": "error" },
    });
    expect(raised.map((f) => f.severity)).toEqual(["error"]);
    // A rule set without the rule reports no unused directive.
    expect(lint(text, { ruleSet: [rule] })).toEqual([]);
  });

  it("a loaded configuration without its text lints against an empty text: every span at 0, no suppressed findings", () => {
    const rule = probe("test-span", () => [{ message: "m", span: { start: 5, end: 9 } }]);
    const report = lintReport(loadConfig(YAML), { ruleSet: [rule] });
    expect(report.text).toBe("");
    expect(report.findings.map((f) => f.span)).toEqual([{ start: 0, end: 0 }]);
    expect(report.suppressed).toEqual([]);
    expect(lintReport(YAML, { ruleSet: [rule] }).suppressed).toEqual([]);
  });

  it("the unused-directive rule of the rule set runs at its setting: warn lowers an error default", () => {
    const unused = lintRules.find((r) => r.meta.id === "unused-disable-directive")!;
    const strict: LintRule = { ...unused, meta: { ...unused.meta, defaultSeverity: "error" } };
    const text = "mappings:\n  # provex-disable-next-line config-type\n  - target: a\n    attribute: b\n";
    expect(lint(text, { ruleSet: [strict] }).map((f) => f.severity)).toEqual(["error"]);
    expect(
      lint(text, { ruleSet: [strict], rules: { "unused-disable-directive": "warn" } }).map((f) => f.severity),
    ).toEqual(["warning"]);
    // config-type is a rule of provex even when the rule set leaves it out: not reported as misspelt.
    expect(lint(text, { ruleSet: [strict] })[0]?.message).toBe(
      "Unused provex-disable-next-line directive (no problems were reported from 'config-type').",
    );
  });

  it("a loader warning stays a warning: a %YAML 1.1 directive", () => {
    const text = `%YAML 1.1\n---\n${YAML}`;
    const syntax = lint(text).filter((f) => f.ruleId === "config-syntax");
    expect(syntax.map((f) => f.severity)).toEqual(["warning"]);
  });

  it("lintReport keeps the text, the configuration and the suppressed findings in file order with the rest", () => {
    const text = `mappings:\n  - target: a\n    # provex-disable-next-line test-every-line\n    attribute: b\n  - target: c\n    attribute: d\n`;
    const markers = ["attribute: b", "target: a", "target: c", "# provex"];
    const rule = probe("test-every-line", () =>
      markers.map((marker) => ({
        message: marker,
        span: { start: text.indexOf(marker), end: text.indexOf(marker) + 1 },
      })),
    );
    const report = lintReport(text, { ruleSet: [rule] });
    expect(report.text).toBe(text);
    expect(report.config.objects[0]?.mappings.map((m) => m.target)).toEqual(["a", "c"]);
    expect(report.findings.map((f) => f.message)).toEqual(["target: a", "# provex", "target: c"]);
    expect(report.suppressed.map((f) => f.message)).toEqual(["attribute: b"]);
  });
});

describe("lintAndFix", () => {
  /** Appends one "x" to the expression's string literal, forever: a fix that always changes the text. */
  const grow: LintRule = {
    meta: meta("test-grow", true),
    check(context) {
      for (const site of context.expressions) {
        const end = site.text.length - 1;
        const edit = site.edit({ start: end, end }, "x");
        if (edit)
          context.report({ message: "grow", span: edit.span, fix: { description: "x", edits: [edit] } });
      }
    },
  };
  const text = "mappings:\n  - target: t\n    expression: '\"a\"'\n";

  it("stops after ten passes even when a fix is always offered", () => {
    const result = lintAndFix(text, { ruleSet: [grow] });
    expect(result.fixCount).toBe(10);
    expect(result.output).toBe(`mappings:\n  - target: t\n    expression: '"a${"x".repeat(10)}"'\n`);
    // The report describes the final text.
    expect(result.text).toBe(result.output);
    expect(result.findings).toHaveLength(1);
  });

  it("applies only the fixes shouldFix accepts; nothing accepted leaves the text as it was", () => {
    const none = lintAndFix(text, { ruleSet: [grow] }, () => false);
    expect(none.fixCount).toBe(0);
    expect(none.output).toBe(text);
    expect(none.findings).toHaveLength(1);
    const once = lintAndFix(
      text,
      { ruleSet: [grow] },
      (finding) => finding.span.start === text.indexOf('a"') + 1,
    );
    expect(once.fixCount).toBe(1);
    expect(once.output).toBe("mappings:\n  - target: t\n    expression: '\"ax\"'\n");
  });

  it("stops at a pass whose fixes leave the text as it was, counting none of them", () => {
    const same: LintRule = {
      meta: meta("test-same", true),
      check(context) {
        for (const site of context.expressions) {
          const edit = site.edit({ start: 1, end: 2 }, "a");
          if (edit)
            context.report({ message: "same", span: edit.span, fix: { description: "a", edits: [edit] } });
        }
      },
    };
    const result = lintAndFix(text, { ruleSet: [same] });
    expect(result.output).toBe(text);
    expect(result.fixCount).toBe(0);
  });

  it("puts unused-directive findings in file order among the others", () => {
    const rule = probe("test-ends", (context) => [
      { message: "first", span: { start: 0, end: 1 } },
      { message: "last", span: { start: context.text.length - 2, end: context.text.length - 1 } },
    ]);
    const unusedRule = lintRules.filter((r) => r.meta.id === "unused-disable-directive");
    const source = "mappings:\n  # provex-disable-next-line test-ends\n  - target: a\n    attribute: b\n";
    expect(lint(source, { ruleSet: [rule, ...unusedRule] }).map((f) => f.message.slice(0, 6))).toEqual([
      "first",
      "Unused",
      "last",
    ]);
  });

  it("law: after lintAndFix with every rule, linting the output finds nothing fixable", () => {
    const names = ["join", "JOIN", "Join", "trim", "Trim", "iif", "IIF", "Append", "append", "toupper"];
    const attributes = ["givenName", "givenname", "SURNAME", "surname", "mail", "Mail"];
    const expression = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constantFrom(...attributes).map((name) => `[${name}]`),
        fc.constantFrom('"a"', '"x y"', "True", "true", "NULL"),
        fc
          .tuple(fc.constantFrom(...names), fc.array(tie("node"), { minLength: 1, maxLength: 3 }))
          .map(([name, args]) => `${name}(${args.join(", ")})`),
      ),
    })).node;
    let fixedRuns = 0;
    fc.assert(
      fc.property(fc.array(expression, { minLength: 1, maxLength: 3 }), (expressions) => {
        const body = expressions
          .map((e, i) => `  - target: t${i}\n    expression: ${JSON.stringify(e)}\n`)
          .join("");
        const config = `mappings:\n  - target: userName\n    attribute: userPrincipalName\n    match: 1\n${body}`;
        const fixed = lintAndFix(config);
        if (fixed.fixCount > 0) fixedRuns++;
        const again = lint(fixed.output);
        expect(again.filter((f) => f.fix !== undefined)).toEqual([]);
        expect(fixed.findings.filter((f) => f.fix !== undefined)).toEqual([]);
      }),
      { numRuns: 60 },
    );
    // Not vacuous: most generated configurations had something to fix.
    expect(fixedRuns).toBeGreaterThan(20);
  });
});

describe("applyFixPass and mergedFix", () => {
  const finding = (edits: [number, number, string][]): LintFinding => ({
    ruleId: "r",
    severity: "error",
    message: "m",
    span: { start: edits[0]?.[0] ?? 0, end: edits[0]?.[1] ?? 0 },
    fix: { description: "d", edits: edits.map(([start, end, text]) => ({ span: { start, end }, text })) },
  });

  it("leaves out fixes without edits, with overlapping edits, with a reversed edit or past the end", () => {
    const empty = finding([]);
    const overlapping = finding([
      [0, 2, "A"],
      [1, 3, "B"],
    ]);
    const reversed = finding([[2, 1, "R"]]);
    const past = finding([[5, 7, "P"]]);
    const pass = applyFixPass("abcdef", [empty, overlapping, reversed, past]);
    expect(pass).toEqual({ output: "abcdef", fixed: [], skipped: [] });
  });

  it("applies an edit that ends at the end of the text, and an insertion at the start", () => {
    const pass = applyFixPass("abcdef", [finding([[4, 6, "EF"]]), finding([[0, 0, ">"]])]);
    expect(pass.output).toBe(">abcdEF");
    expect(pass.fixed).toHaveLength(2);
    expect(pass.skipped).toEqual([]);
  });

  it("takes fixes in file order whatever the input order, and of two at one start the shorter first", () => {
    const long = finding([[1, 4, "L"]]);
    const short = finding([[1, 2, "S"]]);
    const later = finding([[5, 6, "Z"]]);
    const pass = applyFixPass("abcdef", [later, long, short]);
    expect(pass.output).toBe("aScdeZ");
    expect(pass.fixed).toEqual([short, later]);
    expect(pass.skipped).toEqual([long]);
  });

  it("applies the edits of one fix in file order whatever order the rule listed them in", () => {
    const reversed = finding([
      [4, 5, "E"],
      [1, 2, "B"],
    ]);
    const pass = applyFixPass("abcdef", [reversed]);
    expect(pass.output).toBe("aBcdEf");
    expect(pass.fixed).toEqual([reversed]);
  });

  it("mergedFix writes one range from the first edit's start to the last edit's end", () => {
    expect(
      mergedFix("abcdefgh", {
        description: "d",
        edits: [
          { span: { start: 6, end: 7 }, text: "G" },
          { span: { start: 1, end: 3 }, text: "" },
          { span: { start: 4, end: 4 }, text: "+" },
        ],
      }),
    ).toEqual({ range: [1, 7], text: "d+efG" });
  });
});
